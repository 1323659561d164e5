package dev.veil.agent.detect;

/**
 * Microsoft Entra ID (Azure AD) client secrets: 3 chars, a digit, {@code Q~}, then 31-34 chars of
 * {@code [A-Za-z0-9_~.-]} — the {@code Q~} marker at a fixed offset makes the shape distinctive.
 */
final class AzureAdSecrets {
    private AzureAdSecrets() {
    }

    /** The secret whose first 5 chars are the word token [start, end) followed by {@code ~}, or null. */
    static Finding at(String s, int start, int end) {
        if (end - start != 5 || end >= s.length() || s.charAt(end) != '~' || s.charAt(end - 1) != 'Q'
                || !Chars.isDigit(s.charAt(end - 2))) {
            return null;
        }
        int bodyStart = end + 1;
        int i = bodyStart;
        int limit = Math.min(s.length(), bodyStart + 35);
        while (i < limit && (Chars.isWord(s.charAt(i)) || s.charAt(i) == '~' || s.charAt(i) == '.')) {
            i++;
        }
        int len = i - bodyStart;
        if (len < 31 || len > 34 || i < s.length() && Chars.isWord(s.charAt(i))) {
            return null;
        }
        return Entropy.bits(s, bodyStart, i) >= 3.5 && !Placeholders.looksFake(s, bodyStart, i)
                ? Finding.of(start, i, Detector.AZURE_AD_CLIENT_SECRET) : null;
    }
}
