package dev.veil.agent.detect;

import static dev.veil.agent.detect.DigitGroups.SEP_DASH;
import static dev.veil.agent.detect.DigitGroups.SEP_DOT;
import static dev.veil.agent.detect.DigitGroups.SEP_SPACE;

/**
 * Numbers written in text: IPv4 addresses, US social security numbers, payment cards and phone
 * numbers. The digit groups after a token start are parsed once; windows of 1..8 leading groups are
 * tried longest first, so {@code 4111 1111 1111 1111} is one card, not four numbers.
 */
final class Numbers {
    private Numbers() {
    }

    /** No detector here matches a lone group of fewer digits (IPs and grouped numbers have separators). */
    private static final int MIN_LONE_DIGITS = 7;

    /** The number starting at the digit token at {@code start}, or null. */
    static Finding at(String s, int start) {
        if (isShortLoneNumber(s, start)) {
            return null; // the common case in prose and JSON: 3, 42, 2024, 120
        }
        if (start > 1 && s.charAt(start - 1) == '.' && Chars.isDigit(s.charAt(start - 2))) {
            return null; // the tail of a decimal or version number
        }
        boolean plus = start > 0 && s.charAt(start - 1) == '+';
        boolean paren = start > 0 && s.charAt(start - 1) == '(';
        int phraseStart = plus || paren ? start - 1 : start;
        if (phraseStart > 0 && (Chars.isAlnum(s.charAt(phraseStart - 1)) || s.charAt(phraseStart - 1) == '.')) {
            return null;
        }
        long groups = DigitGroups.parse(s, plus ? start : phraseStart);
        int count = DigitGroups.count(groups);
        if (count == 0) {
            return null;
        }
        int digitStart = plus ? start : phraseStart;
        for (int k = count; k >= 1; k--) {
            int end = digitStart + DigitGroups.length(groups, k);
            if (end < s.length() && (Chars.isLetter(s.charAt(end)) || s.charAt(end) == '_')) {
                continue;
            }
            Detector d = classify(s, digitStart, end, groups, k, count, plus);
            if (d != null) {
                return Finding.of(d == Detector.PHONE_NUMBER ? phraseStart : digitStart, end, d);
            }
        }
        return null;
    }

    /**
     * True when the digit run at {@code start} is shorter than any number here and no further digit group
     * follows it: {@link #at} returns null there whatever precedes it.
     */
    static boolean isShortLoneNumber(String s, int start) {
        int n = s.length();
        int i = start;
        while (i < n && i - start < MIN_LONE_DIGITS && Chars.isDigit(s.charAt(i))) {
            i++;
        }
        if (i - start >= MIN_LONE_DIGITS || i + 1 >= n) {
            return i - start < MIN_LONE_DIGITS;
        }
        char sep = s.charAt(i);
        char after = s.charAt(i + 1);
        boolean continues = (sep == ' ' || sep == '-' || sep == '.' || sep == ')') && (Chars.isDigit(after) || after == '(' || after == ' ');
        return !continues;
    }

    private static Detector classify(String s, int start, int end, long groups, int k, int count, boolean plus) {
        int digits = DigitGroups.totalDigits(groups, k);
        if (!plus && k == 4 && count == 4 && DigitGroups.separatorsAre(groups, 4, SEP_DOT)) {
            return Ipv4.valid(s, start, end) ? Detector.IPV4_ADDRESS : null;
        }
        if (DigitGroups.separator(groups, 0) == SEP_DOT && !plus && !Phones.nanp(s, start, groups, k)) {
            return null; // dotted numbers other than IPs and US phones are versions, decimals, dates
        }
        if (!plus && Ssns.valid(s, start, end, groups, k)) {
            return Detector.US_SSN;
        }
        if (!plus && digits >= 13 && digits <= 19 && Cards.valid(s, start, end, groups, k)) {
            return Detector.CREDIT_CARD_NUMBER;
        }
        if (digits >= 7 && digits <= 15 && Phones.valid(s, start, end, groups, k, plus)) {
            return Detector.PHONE_NUMBER;
        }
        return null;
    }

    /** The value of the first {@code n} digits in [start, end), skipping separators. */
    static int leadingDigits(String s, int start, int end, int n) {
        int v = 0;
        int taken = 0;
        for (int i = start; i < end && taken < n; i++) {
            char c = s.charAt(i);
            if (Chars.isDigit(c)) {
                v = v * 10 + (c - '0');
                taken++;
            }
        }
        return v;
    }

    /** How many distinct digits [start, end) uses. */
    static int distinctDigits(String s, int start, int end) {
        int seen = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.isDigit(c)) {
                seen |= 1 << (c - '0');
            }
        }
        return Integer.bitCount(seen);
    }

    static boolean separatedBy(long groups, int k, int kind) {
        return DigitGroups.separatorsAre(groups, k, kind);
    }

    static boolean spaceOrDash(long groups, int k) {
        return separatedBy(groups, k, SEP_SPACE) || separatedBy(groups, k, SEP_DASH);
    }
}
