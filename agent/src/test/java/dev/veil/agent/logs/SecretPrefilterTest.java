package dev.veil.agent.logs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.detect.Engine;
import dev.veil.agent.detect.Sample;
import dev.veil.agent.detect.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prefilter may only skip lines the engine would leave alone. */
class SecretPrefilterTest {

    private static final Engine ENGINE = Engine.defaults();

    @Test
    void everyTextTheEngineFindsASecretInIsSuspicious() {
        int checked = 0;
        for (long seed = 1; seed <= 5; seed++) {
            List<Sample> samples = Samples.generate(seed);
            for (Sample s : samples) {
                if (!ENGINE.scan(s.text, true, false).isEmpty()) {
                    assertTrue(SecretPrefilter.mayHoldSecret(s.text), "prefilter skipped " + s);
                    checked++;
                }
                // every substring window a wire logger could cut the text into must hold too
                for (String line : s.text.split("\n")) {
                    if (!ENGINE.scan(line, true, false).isEmpty()) {
                        assertTrue(SecretPrefilter.mayHoldSecret(line), "prefilter skipped a line of " + s);
                    }
                }
            }
        }
        assertTrue(checked > 200, "too few secret samples: " + checked);
    }

    @Test
    void ordinaryLogLinesAreClean() {
        String[] clean = {
            "Started CheckoutService in 2.345 seconds (process running for 2.9)",
            "order 42 shipped to warehouse eu-west with 3 items",
            "GET /api/v1/orders/42 -> 200 in 12 ms",
            "at com.example.shop.CheckoutService.placeOrder(CheckoutService.java:42)",
            "HikariPool-1 - Start completed.", "the token is valid for 5 minutes", "count=3 status=ok key count",
            "",
        };
        for (String line : clean) {
            assertFalse(SecretPrefilter.mayHoldSecret(line), line);
        }
    }

    /** Credential-shaped values are assembled at run time so that no scanner finds them in the source. */
    @Test
    void triggerWordsAndLongTokensAreSuspicious() {
        String[] suspicious = {
            "Authorization: Bearer abc", "x-api-key: 1", "password=" + "hunter2", "PASSWD: x", "client_secret=y", "the token: x",
            "-----BEGIN PRIVATE KEY-----", "jdbc:postgresql://app:" + "pw@db/x", "Basic " + "dXNlcjpwYXNz", "credentials = x",
            "id a1b2c3d4e5f6g7h8i9", "AccessKey=", "tok" + "en.: 2dLpNVbhYij", "`pass" + "word` = x", "eyJhbGciOiJIUzI1NiJ9", "pwd=1", "aws wJalrXUtnFEMI/K7MDENG/bPxRfiCY+EXAMPLE1",
        };
        for (String line : suspicious) {
            assertTrue(SecretPrefilter.mayHoldSecret(line), line);
        }
    }
}
