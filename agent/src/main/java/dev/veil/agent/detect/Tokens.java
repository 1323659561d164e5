package dev.veil.agent.detect;

/** Offers one word token to the scanners that can start with it, most distinctive first. */
final class Tokens {
    private Tokens() {
    }

    /** The finding that starts at (or is introduced by) the token [start, end), or null. */
    static Finding at(String s, int start, int end) {
        return PrefixedKeys.at(s, start, end);
    }
}
