package dev.veil.agent.detect;

/** Is the value of a credential-named key a real credential, or a filler, a flag, a word? */
final class SecretValues {
    private SecretValues() {
    }

    private static final StandaloneWords NOT_A_PASSWORD = new StandaloneWords("your", "example", "changeme",
            "placeholder", "redacted", "none", "null", "true", "false", "undefined", "required", "optional", "string",
            "hidden", "empty", "password", "env", "secret");

    /** Humans choose passwords: 6+ chars mixing at least two of letters, digits and symbols. */
    static boolean plausiblePassword(String s, int start, int end) {
        int len = end - start;
        if (len < 6 || len > 128 || filler(s, start, end)) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        boolean symbol = false;
        boolean space = false;
        boolean codePunctuation = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            letter |= Chars.isLetter(c);
            digit |= Chars.isDigit(c);
            symbol |= !Chars.isAlnum(c) && c != ' ';
            space |= c == ' ';
            codePunctuation |= "()[]{};,+".indexOf(c) >= 0;
        }
        if (space && codePunctuation) {
            return false; // code between two string literals: "password: "), repeat("
        }
        return (letter ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0) >= 2;
    }

    /** Machines generate tokens: 12+ chars with letters and digits and a random-looking spread. */
    static boolean plausibleToken(String s, int start, int end) {
        int len = end - start;
        if (len < 12 || filler(s, start, end) || Chars.indexOf(s, " ", start, end) >= 0) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            letter |= Chars.isLetter(c);
            digit |= Chars.isDigit(c);
        }
        return letter && digit && Entropy.bits(s, start, end) >= (len >= 20 ? 3.3 : 3.0)
                && !Placeholders.looksFake(s, start, end);
    }

    private static boolean filler(String s, int start, int end) {
        if (Placeholders.isTemplate(s, start, end) || Placeholders.hasLongRun(s, start, end)
                || Placeholders.mostlySequential(s, start, end)) {
            return true;
        }
        return NOT_A_PASSWORD.foundIn(s, start, end);
    }
}
