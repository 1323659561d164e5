package dev.veil.agent.detect;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Test-side builders of checksummed values (independent of the validators under test): Luhn check
 * digits, IBAN check digits, Base58Check, bech32 and EIP-55 casing.
 */
final class Encoders {
    private Encoders() {
    }

    /** Appends the Luhn check digit to {@code partial}. */
    static String withLuhn(String partial) {
        for (char d = '0'; d <= '9'; d++) {
            String candidate = partial + d;
            int sum = 0;
            for (int i = 0; i < candidate.length(); i++) {
                int v = candidate.charAt(candidate.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    v = v * 2 > 9 ? v * 2 - 9 : v * 2;
                }
                sum += v;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new AssertionError();
    }

    /** Groups digits in fours separated by {@code sep}. */
    static String grouped(String digits, String sep, int... sizes) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            if (sb.length() > 0) {
                sb.append(sep);
            }
            sb.append(digits, at, Math.min(digits.length(), at + size));
            at += size;
        }
        return sb.toString();
    }

    /** A compact IBAN with correct check digits for {@code country} and {@code bban}. */
    static String iban(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c - '0') : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + (check < 10 ? "0" : "") + check + bban;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Base58Check of version byte + payload. */
    static String base58Check(int version, byte[] payload) {
        byte[] body = new byte[payload.length + 1];
        body[0] = (byte) version;
        System.arraycopy(payload, 0, body, 1, payload.length);
        byte[] check = sha256(sha256(body));
        byte[] full = new byte[body.length + 4];
        System.arraycopy(body, 0, full, 0, body.length);
        System.arraycopy(check, 0, full, body.length, 4);
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        BigInteger n = new BigInteger(1, full);
        StringBuilder sb = new StringBuilder();
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BigInteger.valueOf(58));
            sb.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (byte b : full) {
            if (b != 0) {
                break;
            }
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    /** A bc1 address for a witness program (version 0: bech32, 1+: bech32m), per BIP-173/350. */
    static String segwit(int version, byte[] program) {
        String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        int[] data = new int[1 + (program.length * 8 + 4) / 5];
        data[0] = version;
        int acc = 0;
        int bits = 0;
        int k = 1;
        for (byte b : program) {
            acc = acc << 8 | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                data[k++] = (acc >> bits) & 31;
            }
        }
        if (bits > 0) {
            data[k++] = (acc << (5 - bits)) & 31;
        }
        int[] values = new int[5 + k + 6];
        values[0] = 3;
        values[1] = 3;
        values[2] = 0;
        values[3] = 2;
        values[4] = 3;
        System.arraycopy(data, 0, values, 5, k);
        int constant = version == 0 ? 1 : 0x2bc830a3;
        int mod = polymod(values) ^ constant;
        StringBuilder sb = new StringBuilder("bc1");
        for (int i = 0; i < k; i++) {
            sb.append(charset.charAt(data[i]));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(charset.charAt((mod >> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    private static int polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    /** EIP-55 casing of a lower-case 40-hex address body, using the engine's Keccak (itself checked by a vector). */
    static String eip55(String lowerHex) {
        byte[] hash = Keccak256.digest(lowerHex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            char c = lowerHex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            sb.append(Character.isLetter(c) && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
