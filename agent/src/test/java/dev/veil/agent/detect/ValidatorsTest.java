package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Known-answer tests for the checksums the detectors rely on. */
class ValidatorsTest {

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }

    @Test
    void keccak256MatchesPublishedVectors() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", hex(Keccak256.digest(new byte[0])));
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
                hex(Keccak256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
        // longer than one 136-byte block
        byte[] twoBlocks = new byte[200];
        assertEquals(32, Keccak256.digest(twoBlocks).length);
    }

    @Test
    void githubChecksumRoundTrips() {
        KeyGen g = new KeyGen(3);
        for (int i = 0; i < 100; i++) {
            String body = g.checksummedBody();
            assertTrue(GithubChecksum.valid(body, 0, body.length()), body);
            String broken = body.substring(0, 5) + (body.charAt(5) == 'a' ? 'b' : 'a') + body.substring(6);
            assertFalse(GithubChecksum.valid(broken, 0, broken.length()), broken);
        }
    }

    @Test
    void luhnAndIbanMod97() {
        assertTrue(Luhn.valid("7992739871 3", 0, 12));
        assertFalse(Luhn.valid("79927398714", 0, 11));
        String iban = Encoders.iban("DE", "370400440532013000");
        assertEquals(1, Ibans.mod97(iban, 0, iban.length()));
        assertEquals("DE89", iban.substring(0, 4), "check digits agree with the ECBS worked example");
    }

    @Test
    void issuerPrefixesFollowTheirLengths() {
        assertTrue(Cards.issuerAccepts(411111, 16));
        assertFalse(Cards.issuerAccepts(411111, 15));
        assertTrue(Cards.issuerAccepts(371449, 15));
        assertFalse(Cards.issuerAccepts(352099, 15), "an IMEI-like 35 prefix is not JCB at 15 digits");
        assertTrue(Cards.issuerAccepts(222100, 16));
        assertFalse(Cards.issuerAccepts(990000, 16));
    }

    @Test
    void entropyOrdersRandomAboveWords() {
        KeyGen g = new KeyGen(5);
        String random = g.alnum(40);
        String words = "please see the attached notes on the plan";
        assertTrue(Entropy.bits(random, 0, 40) > 4.5);
        assertTrue(Entropy.bits(words, 0, 40) < 3.8, String.valueOf(Entropy.bits(words, 0, 40)));
        assertEquals(0.0, Entropy.bits("aaaa", 0, 4), 1e-9);
    }

    @Test
    void ipv6ParserIsStrict() {
        assertTrue(Ipv6.valid("2001:db8::1:2", 0, 13));
        assertTrue(Ipv6.valid("::ffff:10.1.2.3", 0, 15));
        assertFalse(Ipv6.valid("1:2:3:4:5:6:7:8:9", 0, 17));
        assertFalse(Ipv6.valid("1::2::3", 0, 7));
        assertFalse(Ipv6.valid("12345::1:2", 0, 10));
    }

    @Test
    void keyNamesMatchAcrossNamingStyles() {
        KeyNames apiKey = new KeyNames("apikey");
        for (String name : new String[] {"API_KEY", "apiKey", "x-api-key", "OPENAI_API_KEY", "ApiKey", "api.key_"}) {
            assertEquals("apikey", apiKey.match(name, 0, name.length()), name);
        }
        KeyNames some = new KeyNames("pass", "token", "key");
        for (String name : new String[] {"monkey", "bypass", "passwordPolicy", "tokens", "status", ""}) {
            assertNull(some.match(name, 0, name.length()), name);
        }
    }

    @Test
    void keyNamesPreferTheLongestNameAtAWordBoundary() {
        KeyNames names = new KeyNames("secretaccesskey", "dbpassword", "password", "accesskey");
        assertEquals("secretaccesskey", names.match("aws_secret_access_key", 0, 21));
        assertEquals("accesskey", names.match("shared_access_key", 0, 17));
        assertEquals("dbpassword", names.match("DB_PASSWORD", 0, 11));
        assertEquals("password", names.match("xdbPassword", 0, 11)); // "xdb" is no word, "Password" is
        assertEquals("password", names.match("\"password", 1, 9));
        assertNull(names.match("xpassword", 0, 9));
    }
}
