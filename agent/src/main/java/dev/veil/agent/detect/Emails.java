package dev.veil.agent.detect;

/**
 * E-mail addresses, found from their {@code @}: a local part of {@code [A-Za-z0-9._%+-]} (no leading,
 * trailing or double dot), a host of at least two labels and a real top-level domain. SSH remotes
 * ({@code git@github.com:org/repo}) and asset names ({@code icon@2x.png}) are not addresses.
 */
final class Emails {
    private Emails() {
    }

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    /** The address around the {@code @} at {@code at}, or null. */
    static Finding at(String s, int at) {
        int start = at;
        while (start > 0 && isLocalChar(s.charAt(start - 1))) {
            start--;
            if (at - start > MAX_LOCAL) {
                return null;
            }
        }
        while (start < at && !Chars.isAlnum(s.charAt(start))) {
            start++; // a local part starts with a letter or digit
        }
        if (start == at || s.charAt(at - 1) == '.') {
            return null;
        }
        int end = hostEnd(s, at + 1);
        if (end < 0 || isSshRemote(s, start, at, end)) {
            return null;
        }
        return Finding.of(start, end, Detector.EMAIL_ADDRESS);
    }

    /** End of a host name with a known TLD starting at {@code from}, or -1. */
    static int hostEnd(String s, int from) {
        int n = Math.min(s.length(), from + MAX_DOMAIN);
        int labelStart = from;
        int lastLabelStart = -1;
        int lastGoodEnd = -1;
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (Chars.isAlnum(c) || c == '-') {
                i++;
                continue;
            }
            if (c == '.' && i > labelStart && i + 1 < n && Chars.isAlnum(s.charAt(i + 1))) {
                if (s.charAt(i - 1) == '-' || s.charAt(labelStart) == '-') {
                    return -1;
                }
                lastLabelStart = i + 1;
                labelStart = i + 1;
                i++;
                continue;
            }
            break;
        }
        if (lastLabelStart < 0 || i == labelStart) {
            return -1;
        }
        lastGoodEnd = i;
        if (!Chars.isLetter(s.charAt(lastGoodEnd - 1)) || !Tlds.isKnown(s, lastLabelStart, lastGoodEnd)) {
            return -1;
        }
        return lastGoodEnd;
    }

    private static boolean isSshRemote(String s, int start, int at, int end) {
        boolean gitUser = at - start == 3 && s.startsWith("git", start);
        return gitUser || end < s.length() && s.charAt(end) == ':' && end + 1 < s.length()
                && !Character.isWhitespace(s.charAt(end + 1));
    }

    private static boolean isLocalChar(char c) {
        return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
