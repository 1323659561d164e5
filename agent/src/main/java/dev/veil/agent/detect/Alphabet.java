package dev.veil.agent.detect;

/** The characters a key body may contain. */
enum Alphabet {
    /** {@code [A-Za-z0-9]}. */
    ALNUM {
        @Override
        boolean contains(char c) {
            return Chars.isAlnum(c);
        }
    },
    /** {@code [A-Za-z0-9_-]}, base64url. */
    WORD {
        @Override
        boolean contains(char c) {
            return Chars.isWord(c);
        }
    },
    /** {@code [A-Za-z0-9_.-]}: GitLab routable tokens, SendGrid keys. */
    WORD_DOT {
        @Override
        boolean contains(char c) {
            return Chars.isWord(c) || c == '.';
        }
    },
    /** {@code [0-9a-f]}. */
    LOWER_HEX {
        @Override
        boolean contains(char c) {
            return Chars.isDigit(c) || c >= 'a' && c <= 'f';
        }
    },
    /** {@code [0-9A-Fa-f]}. */
    HEX {
        @Override
        boolean contains(char c) {
            return Chars.isHex(c);
        }
    },
    /** {@code [A-Z0-9]}. */
    UPPER_ALNUM {
        @Override
        boolean contains(char c) {
            return Chars.isUpper(c) || Chars.isDigit(c);
        }
    },
    /** Standard base64 with padding: {@code [A-Za-z0-9+/=]}. */
    BASE64 {
        @Override
        boolean contains(char c) {
            return Chars.isBase64(c);
        }
    };

    abstract boolean contains(char c);

    /** End of the run of this alphabet starting at {@code from}, looking at no more than {@code limit} chars. */
    int runEnd(String s, int from, int limit) {
        int end = Math.min(s.length(), from + limit);
        int i = from;
        while (i < end && contains(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Minimum Shannon entropy (bits/char) of a random body over this alphabet, with margin. */
    double minEntropy(int length) {
        double ceiling = this == LOWER_HEX || this == HEX ? 3.0 : 3.5;
        // short bodies cannot reach high entropy even when random
        return Math.min(ceiling, Math.log(length) / Math.log(2) - 1.2);
    }
}
