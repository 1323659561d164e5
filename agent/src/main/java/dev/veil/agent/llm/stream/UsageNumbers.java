package dev.veil.agent.llm.stream;

/** Reads one integer member, by name, anywhere inside a small JSON object (the removed usage block). */
final class UsageNumbers {
    private UsageNumbers() {
    }

    static Long find(byte[] b, int start, int end, String name) {
        int n = name.length();
        for (int p = start; p + n + 2 < end; p++) {
            if (b[p] != '"' || b[p + n + 1] != '"' || !matches(b, p + 1, name)) {
                continue;
            }
            int q = p + n + 2;
            while (q < end && (b[q] == ' ' || b[q] == ':' || b[q] == '\t' || b[q] == '\n' || b[q] == '\r')) {
                q++;
            }
            long v = 0;
            int digits = 0;
            while (q < end && b[q] >= '0' && b[q] <= '9' && digits < 18) {
                v = v * 10 + (b[q++] - '0');
                digits++;
            }
            return digits == 0 ? null : Long.valueOf(v);
        }
        return null;
    }

    private static boolean matches(byte[] b, int at, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (b[at + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
