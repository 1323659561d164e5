package dev.veil.agent.detect;

/**
 * A credential recognised by its literal prefix: prefix, body alphabet, body length range and the
 * validation that tells a live key from a filler.
 */
final class KeyFormat {

    /** Extra structure a body must have beyond alphabet, length and entropy. */
    enum Check {
        /** Entropy and no filler words. */
        RANDOM,
        /** OpenAI: the base64 of "OpenAI" ({@code T3BlbkFJ}) inside, or a long random body. */
        OPENAI_MARKER,
        /** Legacy OpenAI keys: {@code sk-} + 48 alnum is too common a shape to accept without the marker. */
        OPENAI_MARKER_REQUIRED,
        /** GitHub: the last 6 chars are base62(CRC32(first 30)). */
        GITHUB_CRC32,
        /** AWS key ids: no {@code EXAMPLE} suffix, random otherwise. */
        AWS_KEY_ID,
        /** The prefix itself is distinctive and already encodes a known payload (PyPI macaroon, Bedrock). */
        PREFIX_ONLY
    }

    /** Base64 of "OpenAI", embedded in every OpenAI secret key. */
    private static final String OPENAI_MARKER_TEXT = "T3BlbkFJ";

    final String prefix;
    final Detector detector;
    final Alphabet alphabet;
    final int minBody;
    final int maxBody;
    final Check check;
    /** Words one of which must occur near the key (null: none needed). */
    final Context context;

    KeyFormat(String prefix, Detector detector, Alphabet alphabet, int minBody, int maxBody, Check check,
            String... context) {
        this.prefix = prefix;
        this.detector = detector;
        this.alphabet = alphabet;
        this.minBody = minBody;
        this.maxBody = maxBody;
        this.check = check;
        this.context = context.length == 0 ? null : Context.of(context);
    }

    /** The shortest word-character token this format can start: lets the engine skip short words. */
    int minTokenLength() {
        int wordPrefix = 0;
        while (wordPrefix < prefix.length() && Chars.isWord(prefix.charAt(wordPrefix))) {
            wordPrefix++;
        }
        boolean bodyIsWord = alphabet != Alphabet.BASE64 && alphabet != Alphabet.WORD_DOT;
        return wordPrefix < prefix.length() || !bodyIsWord ? wordPrefix : wordPrefix + minBody;
    }

    /** The end of the key starting at {@code start}, or -1 when the text there is not this format. */
    int match(String s, int start) {
        if (!s.startsWith(prefix, start)) {
            return -1;
        }
        int bodyStart = start + prefix.length();
        int end = alphabet.runEnd(s, bodyStart, maxBody + 1);
        int length = end - bodyStart;
        if (length < minBody || length > maxBody || end < s.length() && Chars.isWord(s.charAt(end))) {
            return -1;
        }
        if (!valid(s, bodyStart, end) || context != null && !context.near(s, start, end)) {
            return -1;
        }
        return end;
    }

    private boolean valid(String s, int from, int to) {
        switch (check) {
            case PREFIX_ONLY:
                return !Placeholders.mostlySequential(s, from, to);
            case GITHUB_CRC32:
                return GithubChecksum.valid(s, from, to);
            case OPENAI_MARKER:
                if (Chars.indexOf(s, OPENAI_MARKER_TEXT, from, to) >= 0) {
                    return !Placeholders.mostlySequential(s, from, to);
                }
                return to - from >= 40 && random(s, from, to);
            case OPENAI_MARKER_REQUIRED:
                return Chars.indexOf(s, OPENAI_MARKER_TEXT, from, to) >= 0 && !Placeholders.mostlySequential(s, from, to);
            case AWS_KEY_ID:
                return !s.startsWith("EXAMPLE", to - 7) && random(s, from, to);
            default:
                return random(s, from, to);
        }
    }

    private boolean random(String s, int from, int to) {
        double floor = alphabet.minEntropy(to - from);
        if (hexWithSeparators(s, from, to)) {
            floor = Math.min(floor, Alphabet.HEX.minEntropy(to - from)); // a hex body cannot reach base62 entropy
        }
        return Entropy.bits(s, from, to) >= floor && !Placeholders.looksFake(s, from, to);
    }

    private static boolean hexWithSeparators(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Chars.isHex(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
