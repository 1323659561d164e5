package dev.veil.agent.detect;

/**
 * International bank account numbers: country code, two check digits and the national part, compact
 * or in groups of four; the length must be the one registered for the country and the whole number
 * must pass ISO 7064 mod 97-10.
 */
final class Ibans {
    private Ibans() {
    }

    private static final int MAX_LENGTH = 34;
    /** Registered IBAN lengths (SWIFT IBAN registry), as country code followed by length. */
    private static final String LENGTHS = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24"
            + " DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28"
            + " IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20"
            + " MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19"
            + " SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    private static final int[] LENGTH_BY_COUNTRY = new int[26 * 26];

    static {
        for (String entry : LENGTHS.split(" ")) {
            LENGTH_BY_COUNTRY[(entry.charAt(0) - 'A') * 26 + entry.charAt(1) - 'A'] = Integer.parseInt(entry.substring(2));
        }
    }

    /** The IBAN starting at the word token [start, end), or null. */
    static Finding at(String s, int start, int end) {
        if (end - start < 4 || !Chars.isUpper(s.charAt(start)) || !Chars.isUpper(s.charAt(start + 1))
                || !Chars.isDigit(s.charAt(start + 2)) || !Chars.isDigit(s.charAt(start + 3))) {
            return null;
        }
        int expected = LENGTH_BY_COUNTRY[(s.charAt(start) - 'A') * 26 + s.charAt(start + 1) - 'A'];
        if (expected == 0) {
            return null;
        }
        int stop = compactOrGroupedEnd(s, start, end, expected);
        return stop > 0 && mod97(s, start, stop) == 1 ? Finding.of(start, stop, Detector.IBAN) : null;
    }

    /** End of an IBAN of {@code expected} alphanumerics, compact or in space-separated groups of 4; or -1. */
    private static int compactOrGroupedEnd(String s, int start, int tokenEnd, int expected) {
        if (tokenEnd - start == expected) {
            return Chars.allAlnum(s, start, tokenEnd) && upperAlnum(s, start, tokenEnd) ? tokenEnd : -1;
        }
        if (tokenEnd - start != 4) {
            return -1;
        }
        int count = 4;
        int i = tokenEnd;
        while (count < expected && i + 1 < s.length() && s.charAt(i) == ' ') {
            int g = i + 1;
            int e = g;
            while (e < s.length() && e - g < 4 && upperAlnumChar(s.charAt(e))) {
                e++;
            }
            if (e == g || e < s.length() && Chars.isAlnum(s.charAt(e)) || e - g < 4 && count + (e - g) != expected) {
                return -1;
            }
            count += e - g;
            i = e;
        }
        return count == expected ? i : -1;
    }

    private static boolean upperAlnum(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!upperAlnumChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean upperAlnumChar(char c) {
        return Chars.isUpper(c) || Chars.isDigit(c);
    }

    /** ISO 7064 mod 97-10 over the IBAN rearranged (first four chars moved to the end, letters as 10-35). */
    static int mod97(String s, int start, int end) {
        int rem = 0;
        for (int k = 0; k < 2; k++) {
            int from = k == 0 ? start + 4 : start;
            int to = k == 0 ? end : start + 4;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c == ' ') {
                    continue;
                }
                int v = Chars.isDigit(c) ? c - '0' : c - 'A' + 10;
                rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
            }
        }
        return rem;
    }
}
