package dev.veil.agent.detect;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Payment card numbers: 13-19 digits, written contiguously or in groups of four (Amex 4-6-5, Diners
 * 4-6-4) with one kind of separator, a known issuer prefix for that length, and a valid Luhn check
 * digit. IMEIs (also 15 Luhn-valid digits) carry no issuer prefix; the networks' published test
 * numbers and one-digit fillers are not cards anyone owns.
 */
final class Cards {
    private Cards() {
    }

    private static final Context NOT_A_CARD = Context.of("imei", "serial", "tracking");

    /** Test numbers published by the card networks and payment processors for integration testing. */
    private static final Set<String> TEST_NUMBERS = new HashSet<String>(Arrays.asList(
            "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4222222222222",
            "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "378282246310005",
            "371449635398431", "378734493671000", "6011111111111117", "6011000990139424", "3056930009020004",
            "30569309025904", "38520000023237", "3566002020360505", "3530111333300000", "6200000000000005",
            "4000000000000002", "4000000000009995", "5425233430109903", "4263982640269299", "374245455400126"));

    static boolean valid(String s, int start, int end, long groups, int k) {
        if (!wellGrouped(groups, k) || !Luhn.valid(s, start, end)) {
            return false;
        }
        int digits = DigitGroups.totalDigits(groups, k);
        if (!issuerAccepts(Numbers.leadingDigits(s, start, end, 6), digits)) {
            return false;
        }
        if (Numbers.distinctDigits(s, start, end) <= 2 || TEST_NUMBERS.contains(digitsOf(s, start, end))) {
            return false;
        }
        return !NOT_A_CARD.before(s, start, 40);
    }

    private static boolean wellGrouped(long groups, int k) {
        if (k == 1) {
            return true;
        }
        if (!Numbers.spaceOrDash(groups, k) || DigitGroups.anyParenthesized(groups, k)) {
            return false;
        }
        if (k == 3 && DigitGroups.digits(groups, 0) == 4 && DigitGroups.digits(groups, 1) == 6) {
            int last = DigitGroups.digits(groups, 2);
            return last == 5 || last == 4; // Amex, Diners
        }
        for (int i = 0; i < k - 1; i++) {
            if (DigitGroups.digits(groups, i) != 4) {
                return false;
            }
        }
        return DigitGroups.digits(groups, k - 1) <= 4;
    }

    /** Issuer identification: does any network issue numbers of this length with this 6-digit prefix. */
    static boolean issuerAccepts(int iin6, int length) {
        int p1 = iin6 / 100000;
        int p2 = iin6 / 10000;
        int p3 = iin6 / 1000;
        int p4 = iin6 / 100;
        boolean long16to19 = length >= 16 && length <= 19;
        if (p1 == 4) {
            return length == 13 || length == 16 || length == 19; // Visa
        }
        if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
            return length == 16; // Mastercard
        }
        if (p2 == 34 || p2 == 37) {
            return length == 15; // American Express
        }
        if (p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || iin6 >= 622126 && iin6 <= 622925) {
            return long16to19; // Discover
        }
        if (p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) {
            return length >= 14 && length <= 19; // Diners Club
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return long16to19; // JCB
        }
        if (p2 == 62) {
            return long16to19; // UnionPay
        }
        if (p2 == 50 || p2 >= 56 && p2 <= 58 || p2 == 63 || p2 == 67) {
            return length >= 13 && length <= 19; // Maestro
        }
        return p4 >= 2200 && p4 <= 2204 && length == 16; // Mir
    }

    private static String digitsOf(String s, int start, int end) {
        StringBuilder sb = new StringBuilder(19);
        for (int i = start; i < end; i++) {
            if (Chars.isDigit(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
