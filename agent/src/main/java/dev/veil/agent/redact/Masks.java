package dev.veil.agent.redact;

/** The {@code mask} operator: asterisks with the last few characters kept. */
final class Masks {
    private Masks() {
    }

    /**
     * Keeps the last {@code keep} characters only when the value is at least three times longer, so
     * a short secret (a PIN, a short password) is never mostly revealed.
     */
    static String mask(String value, int keep) {
        int kept = value.length() >= 3 * keep ? keep : 0;
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length() - kept; i++) {
            sb.append('*');
        }
        return sb.append(value, value.length() - kept, value.length()).toString();
    }
}
