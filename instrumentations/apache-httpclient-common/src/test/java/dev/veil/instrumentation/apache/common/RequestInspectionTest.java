package dev.veil.instrumentation.apache.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.bootstrap.RequestVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the client must send for each verdict, for bodies that can and cannot be written twice. */
class RequestInspectionTest {

    private static final byte[] BODY = "{\"messages\":[]}".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void installHooks() {
        TestHooks.install();
    }

    @AfterEach
    void passByDefault() {
        TestHooks.verdicts = body -> RequestVerdict.pass();
    }

    private static RequestInspection.Body body(byte[] bytes, AtomicInteger writes) {
        return out -> {
            writes.incrementAndGet();
            out.write(bytes, 0, bytes.length);
        };
    }

    @Test
    void aPassedReplayableBodyKeepsTheOriginalEntity() {
        AtomicInteger writes = new AtomicInteger();
        RequestInspection r = RequestInspection.inspect(TestHooks.ENDPOINT, body(BODY, writes), BODY.length, true, null, null, true);
        assertEquals(RequestInspection.KEEP, r.action());
        assertEquals(1, writes.get(), "read once for Veil");
    }

    @Test
    void aPassedOneShotBodyIsReplacedByTheBytesRead() {
        RequestInspection r = RequestInspection.inspect(TestHooks.ENDPOINT, body(BODY, new AtomicInteger()), -1, false, null, null, true);
        assertEquals(RequestInspection.REPLACE, r.action());
        assertArrayEquals(BODY, r.bytes());
    }

    @Test
    void aRewriteSendsVeilsBytes() {
        byte[] redacted = "{\"messages\":[\"[[VEIL:EMAIL_ADDRESS_1]]\"]}".getBytes(StandardCharsets.UTF_8);
        TestHooks.verdicts = b -> RequestVerdict.rewrite(redacted);
        RequestInspection r = RequestInspection.inspect(TestHooks.ENDPOINT, body(BODY, new AtomicInteger()), BODY.length, true, null, null, true);
        assertEquals(RequestInspection.REPLACE, r.action());
        assertArrayEquals(redacted, r.bytes());
    }

    @Test
    void aBlockFailsWithTheVeilMessage() {
        TestHooks.verdicts = b -> RequestVerdict.block("veil: blocked: the prompt holds email_address x1");
        RequestInspection r = RequestInspection.inspect(TestHooks.ENDPOINT, body(BODY, new AtomicInteger()), BODY.length, true, null, null, true);
        assertEquals(RequestInspection.FAIL, r.action());
        assertEquals("veil: blocked: the prompt holds email_address x1", r.failure().getMessage());
        assertNull(r.call());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsNotReadAndFollowsThePolicy() {
        AtomicInteger writes = new AtomicInteger();
        RequestInspection r = RequestInspection.inspect(TestHooks.ENDPOINT, body(BODY, writes), 4096, false, null, null, true);
        assertEquals(0, writes.get());
        assertEquals(RequestInspection.FAIL, r.action());
        assertEquals("veil: failed: PromptTooLargeException", r.failure().getMessage());
    }

    @Test
    void aBodyThatGrowsPastTheLimitIsCutOffAndFollowsThePolicy() {
        byte[] big = new byte[2048];
        RequestInspection r = RequestInspection.inspect(TestHooks.ENDPOINT, body(big, new AtomicInteger()), -1, true, null, null, true);
        assertEquals(RequestInspection.FAIL, r.action());
        assertEquals("veil: failed: PromptTooLargeException", r.failure().getMessage());
    }

    @Test
    void aOneShotBodyThatFailedHalfwayCannotBeSentEvenWhenThePolicyIsOpen() {
        RequestVerdict open = RequestVerdict.pass();
        RequestInspection r = RequestInspection.decide(open, null, true);
        assertEquals(RequestInspection.FAIL, r.action());
        assertTrue(r.failure().getMessage().startsWith("veil: the request body was consumed"));
    }

    @Test
    void aFailingBodyFollowsThePolicy() {
        RequestInspection r = RequestInspection.inspect(TestHooks.ENDPOINT, out -> {
            throw new IOException("disk gone");
        }, -1, true, null, null, true);
        assertEquals(RequestInspection.FAIL, r.action());
        assertEquals("veil: failed: IOException", r.failure().getMessage());
    }

    @Test
    void noBodyIsInspectedAsEmpty() {
        TestHooks.verdicts = b -> b.length == 0 ? RequestVerdict.pass("call") : RequestVerdict.block("veil: not empty");
        RequestInspection r = RequestInspection.inspect(TestHooks.ENDPOINT, null, -1, true, null, null, true);
        assertEquals(RequestInspection.KEEP, r.action());
        assertEquals("call", r.call());
    }
}
