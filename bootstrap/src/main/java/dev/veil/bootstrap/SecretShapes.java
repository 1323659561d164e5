package dev.veil.bootstrap;

/**
 * The last line of defence for log text: used when the agent's detection engine failed on a line, so
 * that a failure never writes a raw secret. JDK only, no state, linear in the text. It is deliberately
 * blunt: every token that looks like a credential is replaced with {@value #MASK}, at the price of
 * masking some ids and hashes too.
 *
 * <ul>
 *   <li>the value after a credential-named header or key ({@code Authorization:}, {@code x-api-key=},
 *       {@code password=}, {@code "token": "…"}), to the end of the value;</li>
 *   <li>the body of a PEM block ({@code -----BEGIN … -----END});</li>
 *   <li>any run of token characters ({@code [A-Za-z0-9_+/=~-]}) of 16 or more with both letters and
 *       digits, and any run of 10 or more that starts with a known key prefix ({@code sk-}, {@code ghp_},
 *       {@code AKIA}, {@code eyJ}, …).</li>
 * </ul>
 */
public final class SecretShapes {

    public static final String MASK = "[[VEIL:SECRET]]";

    private static final String[] KEY_NAMES = {
        "authorization", "api-key", "api_key", "apikey", "x-api-key", "password", "passwd", "pwd", "secret", "token",
        "credential", "cookie", "private_key", "access_key", "accesskey",
    };
    private static final String[] PREFIXES = {
        "sk-", "sk_", "rk_", "pk_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "AKIA", "ASIA",
        "AIza", "eyJ", "hf_", "gsk_", "xai-", "npm_", "pypi-", "shpat_", "dop_v1_", "dapi", "r8_", "lsv2_", "pplx-",
    };
    private static final int MIN_RUN = 16;
    private static final int MIN_PREFIXED_RUN = 10;

    private SecretShapes() {
    }

    /** The text with every secret-shaped token replaced; the same instance when there is none. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int[] span = nextSpan(text, i);
            if (span == null) {
                break;
            }
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            out.append(text, copied, span[0]);
            appendMasked(out, text, span[0], span[1]);
            copied = span[1];
            i = span[1];
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /** One {@link #MASK} per line of [start, end): line breaks (of a PEM body) are kept, so no line disappears. */
    private static void appendMasked(StringBuilder out, String s, int start, int end) {
        boolean inLine = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append(c);
                inLine = false;
            } else if (!inLine) {
                out.append(MASK);
                inLine = true;
            }
        }
    }

    /** The next span [start, end) to mask at or after {@code from}, or null. */
    private static int[] nextSpan(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '-' && s.startsWith("-----BEGIN", i)) {
                int[] pem = pemBody(s, i);
                if (pem != null) {
                    return pem;
                }
            }
            if (isTokenChar(c)) {
                int end = i;
                boolean letter = false;
                boolean digit = false;
                while (end < n && isTokenChar(s.charAt(end))) {
                    char t = s.charAt(end);
                    letter |= Character.isLetter(t);
                    digit |= t >= '0' && t <= '9';
                    end++;
                }
                int len = end - i;
                if (len >= MIN_RUN && letter && digit || len >= MIN_PREFIXED_RUN && startsWithPrefix(s, i)) {
                    return new int[] {i, end};
                }
                int[] value = valueAfterKey(s, i, end);
                if (value != null) {
                    return value;
                }
                i = end;
            } else {
                i++;
            }
        }
        return null;
    }

    /** When [start, end) is a credential key name followed by {@code :} or {@code =}: the value's span. */
    private static int[] valueAfterKey(String s, int start, int end) {
        boolean named = false;
        for (String k : KEY_NAMES) {
            int len = k.length();
            if (end - start >= len && s.regionMatches(true, end - len, k, 0, len)) {
                named = true;
                break;
            }
        }
        if (!named) {
            return null;
        }
        int n = s.length();
        int i = end;
        while (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'' || s.charAt(i) == ' ')) {
            i++;
        }
        if (i >= n || s.charAt(i) != ':' && s.charAt(i) != '=') {
            return null;
        }
        i++;
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            i++;
        }
        int valueStart = i;
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r' && s.charAt(i) != '"' && s.charAt(i) != '\''
                && s.charAt(i) != ',' && s.charAt(i) != ';' && s.charAt(i) != '&') {
            i++;
        }
        while (i > valueStart && s.charAt(i - 1) == ' ') {
            i--;
        }
        return i > valueStart ? new int[] {valueStart, i} : null;
    }

    private static int[] pemBody(String s, int begin) {
        int headerEnd = s.indexOf("-----", begin + 10);
        if (headerEnd < 0) {
            return null;
        }
        int bodyStart = headerEnd + 5;
        int end = s.indexOf("-----END", bodyStart);
        if (end < 0) {
            end = s.length();
        }
        return end > bodyStart ? new int[] {bodyStart, end} : null;
    }

    /** Whether a known key prefix ({@code sk-}, {@code ghp_}, {@code AKIA}, …) starts at {@code i}. */
    public static boolean startsWithKeyPrefix(String s, int i) {
        return startsWithPrefix(s, i);
    }

    private static boolean startsWithPrefix(String s, int i) {
        for (String p : PREFIXES) {
            if (s.startsWith(p, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '~';
    }
}
