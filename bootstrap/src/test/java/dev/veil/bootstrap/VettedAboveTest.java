package dev.veil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "vetted above" mechanism: glue above an HTTP client (azure-core) inspects a body once; the HTTP-client
 * glue below leaves exactly that send alone, and nothing else.
 */
class VettedAboveTest {

    private static final AtomicInteger INSPECTED = new AtomicInteger();
    private static final AtomicBoolean WRAPPER_LEAKED = new AtomicBoolean();
    private static final Object ENDPOINT = new Object();
    private static Object previousHooks;

    @BeforeAll
    static void installHooks() throws Exception {
        // Veil installs hooks once per JVM; other tests in this module install their own, so swap them here.
        Field f = Veil.class.getDeclaredField("hooks");
        f.setAccessible(true);
        previousHooks = f.get(null);
        f.set(null, new Hooks());
    }

    @AfterAll
    static void restoreHooks() throws Exception {
        Field f = Veil.class.getDeclaredField("hooks");
        f.setAccessible(true);
        f.set(null, previousHooks);
        VettedBodies.clear();
    }

    @BeforeEach
    void empty() {
        VettedBodies.clear();
    }

    @AfterEach
    void hooksSawTheirOwnEndpoint() {
        assertFalse(WRAPPER_LEAKED.get(), "the hooks must see their own endpoint, never Veil's wrapper");
    }

    @Test
    void aVettedSendIsLeftAloneOnceAndThenInspectedAgain() {
        byte[] body = bytes("{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        VettedRequest vetted = Veil.inspectAbove(ENDPOINT, "POST", "res.openai.azure.com", body, null, null, false);
        assertTrue(vetted.verdict().isPass());
        assertTrue(vetted.isVetted());
        assertSame(body, vetted.bytesToSend());
        vetted.sending();

        int before = INSPECTED.get();
        RequestVerdict below = Veil.inspectRequest(match("post", "RES.openai.azure.com"), body.clone(), null, null, false);
        assertTrue(below.isPass());
        assertNull(below.call(), "the glue above follows the call, not the glue below");
        assertEquals(before, INSPECTED.get(), "the vetted send is not inspected again");

        Veil.inspectRequest(match("POST", "res.openai.azure.com"), body, null, null, false);
        assertEquals(before + 1, INSPECTED.get(), "a mark stands for one send only");
    }

    @Test
    void aDifferentBodyWithTheSameMethodHostAndHeadersIsInspected() {
        byte[] vettedBody = bytes("{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        Veil.inspectAbove(ENDPOINT, "POST", "res.openai.azure.com", vettedBody, null, null, false).sending();

        int before = INSPECTED.get();
        byte[] other = bytes("{\"messages\":[{\"role\":\"user\",\"content\":\"hellO\"}]}");
        Veil.inspectRequest(match("POST", "res.openai.azure.com"), other, null, null, false);
        assertEquals(before + 1, INSPECTED.get(), "an unvetted body is never skipped");

        byte[] longer = bytes("{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]} ");
        Veil.inspectRequest(match("POST", "res.openai.azure.com"), longer, null, null, false);
        assertEquals(before + 2, INSPECTED.get());

        Veil.inspectRequest(match("POST", "other.openai.azure.com"), vettedBody, null, null, false);
        assertEquals(before + 3, INSPECTED.get(), "the same bytes to another host are another request");

        Veil.inspectRequest(match("PUT", "res.openai.azure.com"), vettedBody, null, null, false);
        assertEquals(before + 4, INSPECTED.get(), "another method is another request");

        Veil.inspectRequest(match("POST", "res.openai.azure.com"), vettedBody, null, null, false);
        assertEquals(before + 4, INSPECTED.get(), "the vetted send itself is still recognised");
    }

    @Test
    void onARewriteOnlyTheRewrittenBytesAreVetted() {
        byte[] original = bytes("{\"content\":\"REWRITE me\"}");
        VettedRequest vetted = Veil.inspectAbove(ENDPOINT, "POST", "h", original, null, null, false);
        assertTrue(vetted.verdict().isRewrite());
        assertNotSame(original, vetted.bytesToSend());
        vetted.sending();

        int before = INSPECTED.get();
        Veil.inspectRequest(match("POST", "h"), original, null, null, false);
        assertEquals(before + 1, INSPECTED.get(), "the original (unredacted) bytes were not vetted");
        Veil.inspectRequest(match("POST", "h"), vetted.bytesToSend(), null, null, false);
        assertEquals(before + 1, INSPECTED.get());
    }

    @Test
    void blocksAndFailurePolicyVerdictsVetNothing() {
        VettedRequest blocked = Veil.inspectAbove(ENDPOINT, "POST", "h", bytes("BLOCK"), null, null, false);
        assertTrue(blocked.verdict().isBlock());
        assertFalse(blocked.isVetted());
        assertNull(blocked.bytesToSend());
        blocked.sending();
        assertTrue(VettedBodies.isEmpty());

        VettedRequest failed = Veil.inspectAbove(ENDPOINT, "POST", "h", bytes("THROW"), null, null, false);
        assertTrue(failed.verdict().isPass(), "the fake failure policy is open");
        assertFalse(failed.isVetted(), "a verdict nobody inspected must not spare the glue below");
        failed.sending();
        assertTrue(VettedBodies.isEmpty());
    }

    @Test
    void glueAboveNeverTakesAMark() {
        byte[] body = bytes("{\"same\":true}");
        Veil.inspectAbove(ENDPOINT, "POST", "h", body, null, null, false).sending();
        int before = INSPECTED.get();
        // A second identical call through the glue above (its match is wrapped while a mark is pending).
        VettedRequest second = Veil.inspectAbove(match("POST", "h"), "POST", "h", body, null, null, false);
        assertEquals(before + 1, INSPECTED.get(), "the glue above inspects every call it sees");
        second.sending();
        Veil.inspectRequest(match("POST", "h"), body, null, null, false);
        Veil.inspectRequest(match("POST", "h"), body, null, null, false);
        assertEquals(before + 1, INSPECTED.get(), "two vetted sends, two marks");
    }

    @Test
    void nothingPendingCostsNothing() {
        Object endpoint = Veil.matchEndpoint("POST", "https", "h", -1, "/v1/chat/completions", null);
        assertSame(ENDPOINT, endpoint, "without pending marks the hooks' own match is handed out");
        assertFalse(Veil.takeVettedAbove("POST", "h", new byte[0], 0, 0));
    }

    @Test
    void explicitTakeForGlueThatDecidesItself() {
        byte[] body = bytes("xx{\"a\":1}yy");
        byte[] exact = bytes("{\"a\":1}");
        Veil.inspectAbove(ENDPOINT, "POST", "[::1]", exact, null, null, false).sending();
        assertFalse(Veil.takeVettedAbove("POST", "[::1]:8080", body, 0, body.length));
        assertTrue(Veil.takeVettedAbove("POST", "[::1]:8080", body, 2, exact.length), "host header form, body slice");
        assertFalse(Veil.takeVettedAbove("POST", "::1", exact, 0, exact.length), "taken once");
    }

    @Test
    void hostsCompareWithoutCaseBracketsOrPort() {
        assertEquals("example.com", VettedBodies.normalizeHost("Example.COM:443"));
        assertEquals("::1", VettedBodies.normalizeHost("[::1]:8080"));
        assertEquals("::1", VettedBodies.normalizeHost("::1"));
        assertEquals("127.0.0.1", VettedBodies.normalizeHost("127.0.0.1"));
        assertEquals("", VettedBodies.normalizeHost(null));
    }

    @Test
    void theSetIsBounded() {
        byte[] first = bytes("{\"n\":-1}");
        Veil.inspectAbove(ENDPOINT, "POST", "h", first, null, null, false).sending();
        for (int i = 0; i < VettedBodies.MAX + 10; i++) {
            Veil.inspectAbove(ENDPOINT, "POST", "h", bytes("{\"n\":" + i + "}"), null, null, false).sending();
        }
        assertFalse(Veil.takeVettedAbove("POST", "h", first, 0, first.length), "the oldest mark went");
        byte[] last = bytes("{\"n\":" + (VettedBodies.MAX + 9) + "}");
        assertTrue(Veil.takeVettedAbove("POST", "h", last, 0, last.length));
    }

    @Test
    void awsAuthorizationMarksStillWork() {
        Veil.markHandledAbove("AWS4-HMAC-SHA256 Signature=" + "ab");
        assertTrue(Veil.isHandledAbove("AWS4-HMAC-SHA256 Signature=" + "ab"));
        assertFalse(Veil.isHandledAbove("AWS4-HMAC-SHA256 Signature=" + "cd"));
    }

    private static Object match(String method, String host) {
        return Veil.matchEndpoint(method, "https", host, -1, "/openai/deployments/d/chat/completions", "api-version=1");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Matches everything; blocks "BLOCK", throws on "THROW", rewrites "REWRITE", passes the rest. */
    private static final class Hooks extends NoOpHooks {
        @Override
        public Object matchEndpoint(String method, String scheme, String host, int port, String rawPath, String rawQuery) {
            return ENDPOINT;
        }

        @Override
        public RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding, String traceparent,
                                             boolean canFilterResponse) {
            if (endpoint != ENDPOINT) {
                WRAPPER_LEAKED.set(true);
            }
            INSPECTED.incrementAndGet();
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.contains("THROW")) {
                throw new IllegalStateException("engine failure");
            }
            if (text.contains("BLOCK")) {
                return RequestVerdict.block("veil: blocked: test");
            }
            if (text.contains("REWRITE")) {
                return RequestVerdict.rewrite(bytes(text.replace("REWRITE", "[[VEIL:X]]")));
            }
            return RequestVerdict.pass();
        }

        @Override
        public RequestVerdict interceptionFailed(Object endpoint, Throwable failure) {
            if (endpoint != ENDPOINT) {
                WRAPPER_LEAKED.set(true);
            }
            return RequestVerdict.pass();
        }
    }
}
