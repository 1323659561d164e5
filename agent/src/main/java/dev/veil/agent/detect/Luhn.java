package dev.veil.agent.detect;

/** The Luhn (mod 10) check digit over the digits of [start, end), separators skipped. */
final class Luhn {
    private Luhn() {
    }

    static boolean valid(String s, int start, int end) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (!Chars.isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
