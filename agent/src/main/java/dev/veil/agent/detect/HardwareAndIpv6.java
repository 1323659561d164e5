package dev.veil.agent.detect;

/**
 * Colon-separated hex: MAC addresses ({@code 00:1a:2b:3c:4d:5e}, also with dashes) and IPv6 literals,
 * parsed by hand (never {@code InetAddress}). Clock times ({@code 12:30:45}), C++ scopes
 * ({@code std::vector}) and the loopback/unspecified addresses do not parse or are not identifying.
 */
final class HardwareAndIpv6 {
    private HardwareAndIpv6() {
    }

    private static final int MAX_IPV6 = 45;

    /** The MAC or IPv6 address whose first {@code :} is at {@code colon}, or null. */
    static Finding at(String s, int colon) {
        int start = colon;
        while (start > 0 && colon - start < 4 && Chars.isHex(s.charAt(start - 1))) {
            start--;
        }
        if (start > 0) {
            char before = s.charAt(start - 1);
            if (before == ':' || before == '.' || Chars.isWord(before)) {
                return null; // not the first group
            }
        }
        int mac = mac(s, start, ':');
        if (mac > 0) {
            return Finding.of(start, mac, Detector.MAC_ADDRESS);
        }
        int end = start;
        int limit = Math.min(s.length(), start + MAX_IPV6 + 1);
        while (end < limit && (Chars.isHex(s.charAt(end)) || s.charAt(end) == ':' || s.charAt(end) == '.')) {
            end++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ':' && s.charAt(end - 2) != ':')) {
            end--; // sentence punctuation after the address
        }
        if (end - start > MAX_IPV6 || end < s.length() && Chars.isWord(s.charAt(end))) {
            return null;
        }
        return Ipv6.valid(s, start, end) ? Finding.of(start, end, Detector.IPV6_ADDRESS) : null;
    }

    /** End of a MAC address {@code hh?hh?hh?hh?hh?hh} with separator {@code sep} at {@code start}, or -1. */
    static int mac(String s, int start, char sep) {
        int end = start + 17;
        if (end > s.length() || end < s.length() && (Chars.isWord(s.charAt(end)) || s.charAt(end) == sep)) {
            return -1;
        }
        boolean letters = false;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(start + i);
            if (i % 3 == 2 ? c != sep : !Chars.isHex(c)) {
                return -1;
            }
            letters |= Chars.isLetter(c);
        }
        // all-zero and broadcast addresses identify no device; a dash-separated run of digits only is more
        // often a date-like or serial number than a MAC
        return oneRepeatedDigit(s, start, end) || sep == '-' && !letters ? -1 : end;
    }

    private static boolean oneRepeatedDigit(String s, int start, int end) {
        char first = Chars.lower(s.charAt(start));
        for (int i = start; i < end; i++) {
            char c = Chars.lower(s.charAt(i));
            if (Chars.isHex(c) && c != first) {
                return false;
            }
        }
        return true;
    }
}
