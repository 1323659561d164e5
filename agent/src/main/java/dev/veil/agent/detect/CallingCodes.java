package dev.veil.agent.detect;

/**
 * ITU-T E.164 country calling codes: 1 and 7 are one digit, a fixed set are two digits, and the rest
 * are three digits inside the zones that hold three-digit codes.
 */
final class CallingCodes {
    private CallingCodes() {
    }

    private static final boolean[] TWO_DIGIT = table(20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48,
            49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98);
    /** Two-digit prefixes under which three-digit codes are assigned. */
    private static final boolean[] THREE_DIGIT_ZONES = table(21, 22, 23, 24, 25, 26, 29, 35, 37, 38, 42, 50, 59, 67, 68,
            69, 85, 87, 88, 96, 97, 99);

    /** Spare or reserved three-digit codes inside those zones. */
    private static final boolean[] UNASSIGNED_THREE = table(210, 214, 215, 217, 219, 259, 292, 293, 294, 295, 296, 384,
            422, 424, 425, 426, 427, 428, 429, 693, 694, 695, 696, 697, 698, 699, 851, 854, 857, 858, 859, 884, 885, 887,
            889, 969, 990, 997, 999);

    private static boolean[] table(int... codes) {
        boolean[] t = new boolean[1000];
        for (int c : codes) {
            t[c] = true;
        }
        return t;
    }

    /** True when the digits of [start, end) begin with an assigned calling code and leave a plausible national number. */
    static boolean valid(String s, int start, int end, int digits) {
        int d1 = Numbers.leadingDigits(s, start, end, 1);
        int d2 = Numbers.leadingDigits(s, start, end, 2);
        int codeLength;
        if (d1 == 1 || d1 == 7) {
            codeLength = 1;
        } else if (TWO_DIGIT[d2]) {
            codeLength = 2;
        } else if (THREE_DIGIT_ZONES[d2] && !UNASSIGNED_THREE[Numbers.leadingDigits(s, start, end, 3)]) {
            codeLength = 3;
        } else {
            return false;
        }
        int national = digits - codeLength;
        return national >= 6 && national <= 13 && (d1 != 1 || national == 10);
    }
}
