package dev.veil.agent.logs;

/**
 * "Template once": a log call's message pattern ({@code "order {} shipped to {}"}) is usually the same
 * {@code String} instance on every call, so its {@link SecretPrefilter} verdict is cached per instance and
 * a clean event then costs a look-up plus a check of its arguments, not a scan of the whole formatted line.
 *
 * <p>{@link #clean} answers exactly what {@link SecretPrefilter#mayHoldSecret} would say of the formatted
 * line, or conservatively "no": it says clean only when the prefilter would, proved from the pattern and the
 * arguments as follows. A pattern is <em>join-safe</em> when
 * <ol>
 *   <li>the pattern itself is clean and has no backslash (no escaped placeholders);</li>
 *   <li>no token of it contains a credential word ({@code key}, {@code pass}, {@code token}, ...): every
 *       word-level check of the prefilter that looks past a token (assignments {@code password = x},
 *       {@code my password is x}) starts from such a token;</li>
 *   <li>the character after each placeholder is neither a word character nor {@code + / =} nor
 *       {@code :} nor another placeholder, and the character before it is no word character: a token never
 *       crosses an argument's edge. The character before may be {@code :} or (except at the end of the
 *       pattern) {@code + / =} ({@code count={}}, {@code /orders/{}}) when no argument holds {@code + / =}:
 *       a base64 run is checked at those characters and at the end of the text only, so it is checked again
 *       only past the next edge, which resets it, and {@code ://} cannot be formed across the edge;</li>
 *   <li>it holds no {@code ://} (URL credentials look for a later {@code @} anywhere).</li>
 * </ol>
 * An argument is safe when it is null, a {@code Boolean}, an {@code Integer}, {@code Short} or
 * {@code Byte}, a {@code Long} of at most 15 digits, or a {@code String} that is clean on its own and
 * holds no credential word and no {@code ://} (a string shorter than 16 characters is checked by one
 * switch per character: its tokens and runs are too short for the other rules). Then every token and run of the formatted line lies within the pattern or within one argument,
 * is checked as it is checked there, and no rule can fire across an edge: the line is clean. Anything
 * else (other argument types, a rendering whose length is not the expected one, a line ending in a quote,
 * which may be a wire-log event) goes to the full scan. {@code LogTemplatesTest} checks the property on
 * generated patterns and arguments, joined secrets included.
 *
 * <p>The cache is direct-mapped by identity hash: 512 slots of immutable entries, patterns of at most 256
 * characters; a racing write loses one entry, never mixes two. Only {@code String}s are held (no class
 * loader is pinned), at most about 256 KiB.
 */
final class LogTemplates {

    private static final int SLOTS = 512;
    static final int MAX_PATTERN = 256;
    /** Largest {@code Long} argument taken as safe without rendering it: 15 digits (16 make a long token). */
    private static final long MAX_SAFE_LONG = 999_999_999_999_999L;

    private final Entry[] slots = new Entry[SLOTS];

    /** One analysed pattern; immutable, so a racy read sees either a whole entry or none. */
    static final class Entry {
        final String pattern;
        /** The pattern as a line of its own: the prefilter says clean and it is no wire-log event. */
        final boolean clean;
        /** Clean and every placeholder isolated (see the class comment). */
        final boolean joinSafe;
        /** Number of {@code {}} in the pattern. */
        final int placeholders;
        /** A placeholder follows {@code : + / =}: arguments must not hold {@code + / =}. */
        final boolean softEdge;

        Entry(String pattern, boolean clean, boolean joinSafe, int placeholders, boolean softEdge) {
            this.pattern = pattern;
            this.clean = clean;
            this.joinSafe = joinSafe;
            this.placeholders = placeholders;
            this.softEdge = softEdge;
        }
    }

    /** The cached (or new) analysis of the pattern; null when it is too long to cache. */
    Entry entry(String pattern) {
        if (pattern.length() > MAX_PATTERN) {
            return null;
        }
        int slot = System.identityHashCode(pattern) & (SLOTS - 1);
        Entry e = slots[slot];
        if (e == null || e.pattern != pattern) {
            e = analyse(pattern);
            slots[slot] = e;
        }
        return e;
    }

    /** Whether the pattern, logged as it is, is certainly clean (same verdict as the prefilter). */
    boolean patternClean(String pattern) {
        Entry e = entry(pattern);
        return e != null ? e.clean : isCleanLine(pattern);
    }

    /**
     * True only when the prefilter would say clean for {@code formatted}, the SLF4J rendering of
     * {@code pattern} with {@code args}; false means "scan it".
     */
    boolean clean(String pattern, Object[] args, String formatted) {
        if (pattern == null || formatted.charAt(formatted.length() - 1) == '"') {
            return false;
        }
        if (args == null || args.length == 0) {
            return (formatted == pattern || formatted.equals(pattern)) && patternClean(pattern);
        }
        Entry e = entry(pattern);
        if (e == null || !e.joinSafe) {
            return false;
        }
        int placeholders = 0;
        int expected = pattern.length();
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int len;
            if (a == null) {
                len = 4;
            } else if (a instanceof String) {
                String s = (String) a;
                len = s.length();
                if (len < SecretPrefilter.MIN_RUN ? shortArgumentTriggers(s, e.softEdge)
                        : len > MAX_PATTERN || SecretPrefilter.mayHoldSecret(s) || SecretPrefilter.hasCredentialWord(s)
                        || s.indexOf("://") >= 0 || e.softEdge && hasBase64Joiner(s)) {
                    return false;
                }
            } else if (a instanceof Integer || a instanceof Short || a instanceof Byte) {
                len = digits(((Number) a).intValue());
            } else if (a instanceof Long) {
                long v = (Long) a;
                if (v > MAX_SAFE_LONG || v < -MAX_SAFE_LONG) {
                    return false;
                }
                len = digits(v);
            } else if (a instanceof Boolean) {
                len = ((Boolean) a) ? 4 : 5;
            } else {
                return false;
            }
            if (placeholders < e.placeholders) {
                expected += len - 2;
                placeholders++;
            }
        }
        return expected == formatted.length();
    }

    static Entry analyse(String p) {
        boolean clean = isCleanLine(p);
        boolean joinSafe = clean && p.indexOf('\\') < 0 && p.indexOf("://") < 0 && !SecretPrefilter.hasCredentialWord(p);
        int n = p.length();
        int placeholders = 0;
        boolean softEdge = false;
        for (int i = p.indexOf("{}"); i >= 0; i = p.indexOf("{}", i + 2)) {
            placeholders++;
            if (i > 0 && !hardEdge(p.charAt(i - 1))) {
                // count={}, /orders/{}, id:{}: safe when the argument adds no + / = (a base64 run is then
                // only checked again past the next hard edge) and does not start with // (no ://)
                char before = p.charAt(i - 1);
                boolean soft = before == ':' || before == '+' || before == '/' || before == '=';
                joinSafe &= soft && (before == ':' || i + 2 < n);
                softEdge = true;
            }
            if (i + 2 < n) {
                joinSafe &= hardEdge(p.charAt(i + 2)) && p.charAt(i + 2) != '{';
            }
        }
        return new Entry(p, clean, joinSafe, placeholders, softEdge);
    }

    /** A line the prefilter calls clean and that is no wire-log event ({@link LogMasker#mask} would return it as it is). */
    private static boolean isCleanLine(String s) {
        return WireLogCarry.contentStart(s) < 0 && !SecretPrefilter.mayHoldSecret(s);
    }

    /** Neither a word character, nor {@code + / =}, nor {@code :}: nothing the prefilter joins across. */
    private static boolean hardEdge(char c) {
        return c != ':' && !SecretPrefilter.joins(c);
    }

    /**
     * For an argument shorter than {@link SecretPrefilter#MIN_RUN}, whose tokens and base64 runs are too
     * short for the prefilter: false only when it holds no credential word, no {@code bearer}/{@code basic},
     * no {@code -----}, no {@code ://} and (with {@code joiners}) no {@code + / =}. Then the prefilter calls
     * it clean (every other rule needs a long token or run) and nothing in it can act across its edges.
     */
    static boolean shortArgumentTriggers(String s, boolean joiners) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c | 0x20) {
                case 'k':
                case 't':
                case 's':
                case 'p':
                case 'a':
                case 'c':
                    if (SecretPrefilter.credentialWordAt(s, i, n)) {
                        return true;
                    }
                    break;
                case 'b':
                    if (SecretPrefilter.at(s, i, n, "bearer") || SecretPrefilter.at(s, i, n, "basic")) {
                        return true;
                    }
                    break;
                case '-':
                    if (c == '-' && SecretPrefilter.at(s, i, n, "-----")) {
                        return true;
                    }
                    break;
                case ':':
                    if (c == ':' && SecretPrefilter.at(s, i, n, "://")) {
                        return true;
                    }
                    break;
                case '+':
                case '/':
                case '=':
                    if (joiners && (c == '+' || c == '/' || c == '=')) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    private static boolean hasBase64Joiner(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '/' || c == '=') {
                return true;
            }
        }
        return false;
    }

    /** Length of {@code Long.toString(v)} for |v| below 10^18, by comparisons (no division). */
    static int digits(long v) {
        int sign = v < 0 ? 1 : 0;
        long x = v < 0 ? -v : v;
        long power = 10;
        for (int len = 1; len < 18; len++) {
            if (x < power) {
                return len + sign;
            }
            power *= 10;
        }
        return 18 + sign;
    }
}
