package dev.veil.agent.detect;

/** A strict IPv6 literal parser over [start, end): 8 groups, or fewer with one {@code ::}, optional IPv4 tail. */
final class Ipv6 {
    private Ipv6() {
    }

    static boolean valid(String s, int start, int end) {
        int groups = 0;
        int written = 0;
        boolean compressed = false;
        boolean nonZero = false;
        int i = start;
        if (s.startsWith("::", i)) {
            compressed = true;
            i += 2;
        }
        while (i < end) {
            int g = i;
            while (i < end && Chars.isHex(s.charAt(i))) {
                i++;
            }
            if (i < end && s.charAt(i) == '.') {
                // embedded IPv4 tail, counts as two groups
                if (!Ipv4Tail.valid(s, g, end)) {
                    return false;
                }
                groups += 2;
                written += 2;
                nonZero = true;
                i = end;
                break;
            }
            int len = i - g;
            if (len == 0 || len > 4) {
                return false;
            }
            for (int k = g; k < i; k++) {
                nonZero |= s.charAt(k) != '0';
            }
            groups++;
            written++;
            if (i == end) {
                break;
            }
            // at a ':'
            if (s.startsWith("::", i)) {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i += 2;
            } else {
                i++;
                if (i == end) {
                    return false;
                }
            }
        }
        boolean complete = compressed ? groups < 8 : groups == 8;
        // at least three written groups: "::1", "a::b" and "fe:ed" are not addresses worth hiding
        return complete && nonZero && written >= 3;
    }

    /** A dotted-quad tail of an IPv6 address. */
    private static final class Ipv4Tail {
        static boolean valid(String s, int start, int end) {
            int dots = 0;
            int value = 0;
            int len = 0;
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                if (c == '.') {
                    if (len == 0 || value > 255) {
                        return false;
                    }
                    dots++;
                    value = 0;
                    len = 0;
                } else if (Chars.isDigit(c) && len < 3) {
                    value = value * 10 + (c - '0');
                    len++;
                } else {
                    return false;
                }
            }
            return dots == 3 && len > 0 && value <= 255;
        }
    }
}
