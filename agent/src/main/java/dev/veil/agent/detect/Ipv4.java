package dev.veil.agent.detect;

/**
 * Dotted-quad IPv4 literals, parsed by hand (never {@code InetAddress}, which may resolve names).
 * Version strings are the trap: all-single-digit quads ({@code 1.2.3.4}), a leading {@code v} or a
 * version word before it, and the non-identifying ranges (0/8, 127/8, 255/8) are left alone.
 */
final class Ipv4 {
    private Ipv4() {
    }

    private static final Context VERSION_WORDS = Context.of("version", "release", "build", "firmware");
    private static final Context IP_WORDS = Context.of("ip", "address", "host", "server", "ping", "dns", "gateway",
            "connect", "ssh");

    static boolean valid(String s, int start, int end) {
        int octets = 0;
        int value = -1;
        int length = 0;
        boolean allSingle = true;
        int first = -1;
        for (int i = start; i <= end; i++) {
            char c = i < end ? s.charAt(i) : '.';
            if (c == '.') {
                if (length == 0 || length > 3 || value > 255 || length > 1 && s.charAt(i - length) == '0') {
                    return false;
                }
                allSingle &= length == 1;
                if (octets == 0) {
                    first = value;
                }
                octets++;
                value = -1;
                length = 0;
            } else {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                length++;
            }
        }
        if (octets != 4 || first == 0 || first == 127 || first == 255) {
            return false;
        }
        if (allSingle && !IP_WORDS.before(s, start, 32)) {
            return false; // 1.2.3.4 is a version unless the text says it is an address (ping 8.8.8.8)
        }
        boolean packageSpec = start > 0 && s.charAt(start - 1) == '@';
        return !packageSpec && !VERSION_WORDS.before(s, start, 24);
    }
}
