package dev.veil.agent.detect;

/**
 * Recognises values that only look like credentials: documentation fillers ({@code xxxx},
 * {@code your-key-here}, {@code EXAMPLE}), repeated or sequential runs and template references. A
 * real key is random, so rejecting these costs (almost) no recall: filler words only count when they
 * stand as words, which a random body practically never produces.
 */
final class Placeholders {
    private Placeholders() {
    }

    private static final StandaloneWords FILLER_WORDS = new StandaloneWords("example", "placeholder", "your", "here",
            "redacted", "dummy", "sample", "changeme", "insert", "replace", "foobar", "secret", "password", "token", "key",
            "test", "fake", "todo", "none", "null");

    /** True when [from, to) is a documentation filler rather than a random value. */
    static boolean looksFake(String s, int from, int to) {
        return FILLER_WORDS.foundIn(s, from, to) || isTemplate(s, from, to) || hasLongRun(s, from, to)
                || mostlySequential(s, from, to);
    }

    /** {@code ${VAR}}, {@code {{ var }}}, {@code <YOUR_KEY>}, {@code %(x)s}, {@code $VAR}. */
    static boolean isTemplate(String s, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        char first = s.charAt(from);
        char last = s.charAt(to - 1);
        return first == '$' || first == '<' && last == '>' || first == '{' && last == '}' || first == '%'
                || first == '[' && last == ']';
    }

    /** Five or more of the same character in a row ({@code xxxxx}, {@code 00000}, {@code *****}). */
    static boolean hasLongRun(String s, int from, int to) {
        int run = 1;
        for (int i = from + 1; i < to; i++) {
            run = s.charAt(i) == s.charAt(i - 1) ? run + 1 : 1;
            if (run >= 5) {
                return true;
            }
        }
        return false;
    }

    /** Runs like {@code abcdef}, {@code 123456}: most neighbours repeat or count up or down by one. */
    static boolean mostlySequential(String s, int from, int to) {
        int n = to - from;
        if (n < 4) {
            return true;
        }
        int regular = 0;
        for (int i = from + 1; i < to; i++) {
            int d = s.charAt(i) - s.charAt(i - 1);
            if (d == 0 || d == 1 || d == -1) {
                regular++;
            }
        }
        return regular * 5 > (n - 1) * 3;
    }
}
