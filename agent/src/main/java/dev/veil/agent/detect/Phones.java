package dev.veil.agent.detect;

/**
 * Phone numbers without a 5 MB metadata library (see docs/DETECTORS.md for the measurement): E.164
 * ({@code +} and an assigned country calling code, 8-15 digits), North American {@code (NPA) NXX-XXXX},
 * national numbers with a trunk {@code 0} written in groups ({@code 020 7946 0958},
 * {@code 06 12 34 56 78}), and any 7-15 digits right after a phone word ("call", "tel:", "mobile").
 * Dates, ZIP+4 codes, versions and epoch timestamps have none of these shapes.
 */
final class Phones {
    private Phones() {
    }

    private static final Context PHONE_WORDS = Context.of("phone", "tel:", "tel.", "tel ", "call", "mobile", "cell", "fax",
            "whatsapp", "sms", "reach me", "dial", "telefon", "handy");

    static boolean valid(String s, int start, int end, long groups, int k, boolean plus) {
        int digits = DigitGroups.totalDigits(groups, k);
        if (plus) {
            return digits >= 8 && CallingCodes.valid(s, start, end, digits);
        }
        if (nanp(s, start, groups, k) || trunkPrefixed(s, start, groups, k, digits)) {
            return true;
        }
        return DigitGroups.consistent(groups, k) && Numbers.distinctDigits(s, start, end) > 2
                && PHONE_WORDS.before(s, start, 32);
    }

    /** {@code 415-555-2671}, {@code (415) 555 2671}, {@code 415.555.2671}, {@code 1-800-555-0199}. */
    static boolean nanp(String s, int start, long groups, int k) {
        int first = 0;
        if (k == 4 && DigitGroups.digits(groups, 0) == 1 && s.charAt(start) == '1') {
            first = 1;
        } else if (k != 3) {
            return false;
        }
        if (DigitGroups.digits(groups, first) != 3 || DigitGroups.digits(groups, first + 1) != 3
                || DigitGroups.digits(groups, first + 2) != 4) {
            return false;
        }
        boolean areaInParens = DigitGroups.parenthesized(groups, first);
        if (!areaInParens && !DigitGroups.consistent(groups, k) || DigitGroups.parenthesized(groups, first + 1)) {
            return false;
        }
        // The numbering plan forbids area codes and exchanges starting with 0 or 1, but fictional and
        // generated numbers (555-123-4567) break that rule and are still meant as phone numbers; the
        // 3-3-4 grouping itself is distinctive enough.
        return true;
    }

    /** National numbers with a trunk 0 in 2-5 digit groups: {@code 020 7946 0958}, {@code 06-12-34-56-78}. */
    private static boolean trunkPrefixed(String s, int start, long groups, int k, int digits) {
        if (k < 2 || digits < 10 || digits > 11 || s.charAt(start) != '0' || s.charAt(start + 1) == '0') {
            return false;
        }
        if (!DigitGroups.consistent(groups, k) && !DigitGroups.parenthesized(groups, 0)) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            int d = DigitGroups.digits(groups, i);
            if (d < 2 || d > 5 && !(i == k - 1 && d <= 8)) {
                return false;
            }
        }
        return true;
    }
}
