package dev.veil.agent.detect;

/**
 * US social security numbers: {@code AAA-GG-SSSS} (dashes or spaces), or nine bare digits after an
 * SSN context word. Area not 000, 666 or 900-999; group not 00; serial not 0000; the numbers
 * published in advertising (078-05-1120, 219-09-9999) are not people. {@code 123-45-6789} is
 * redacted: prompts use it as "my SSN", and hiding it costs nothing.
 */
final class Ssns {
    private Ssns() {
    }

    private static final Context SSN_WORDS = Context.of("ssn", "social security", "social sec");

    static boolean valid(String s, int start, int end, long groups, int k) {
        boolean grouped = k == 3 && DigitGroups.digits(groups, 0) == 3 && DigitGroups.digits(groups, 1) == 2
                && DigitGroups.digits(groups, 2) == 4 && Numbers.spaceOrDash(groups, 3)
                && !DigitGroups.anyParenthesized(groups, 3);
        boolean bare = k == 1 && DigitGroups.digits(groups, 0) == 9
                && SSN_WORDS.before(s, start, 40);
        if (!grouped && !bare) {
            return false;
        }
        int area = Numbers.leadingDigits(s, start, end, 3);
        int group = Numbers.leadingDigits(s, start, end, 5) % 100;
        int serial = Numbers.leadingDigits(s, start, end, 9) % 10000;
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        int all = Numbers.leadingDigits(s, start, end, 9);
        return all != 78051120 && all != 219099999; // published in advertising, never anyone's
    }
}
