package dev.veil.agent.detect;

/** Scanners built around a {@code :} or {@code =}: URLs, MAC and IPv6 addresses, credential assignments. */
final class Triggers {
    private Triggers() {
    }

    static Finding at(String s, int i) {
        if (s.charAt(i) == ':') {
            Finding f = Urls.at(s, i);
            if (f != null) {
                return f;
            }
            if (i > 0 && Chars.isHex(s.charAt(i - 1)) || s.startsWith("::", i)) {
                f = HardwareAndIpv6.at(s, i);
                if (f != null) {
                    return f;
                }
            }
        }
        return Assignments.at(s, i);
    }

    /**
     * Where the pass continues after a finding from the trigger at {@code i}. An assigned value is
     * scanned again, so that {@code api_key = "<OpenAI key>"} reports the OpenAI key; a URL password is
     * skipped with its {@code @}, which would otherwise start an e-mail address.
     */
    static int resumeAfter(Finding f, int i) {
        Detector d = f.detector();
        if (d == Detector.GENERIC_SECRET || d == Detector.AWS_SECRET_ACCESS_KEY || d == Detector.AZURE_STORAGE_ACCOUNT_KEY) {
            return i + 1;
        }
        return Math.max(i + 1, d == Detector.URL_CREDENTIALS ? f.end() + 1 : f.end());
    }
}
