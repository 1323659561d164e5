package dev.veil.instrumentation.jdkhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import dev.veil.bootstrap.VeilHooks;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A SigV4-signed request that the AWS SDK interceptor already inspected (before signing) reaches the JDK
 * glue untouched: not inspected again (one call, one record) and not rewritten (which would break its
 * signature). Any other request to an LLM endpoint is still inspected.
 */
class HandledAboveTest {

    private static final AtomicInteger INSPECTED = new AtomicInteger();

    @BeforeAll
    static void installHooks() {
        assertTrue(Veil.install(new CountingHooks()) || Veil.isInstalled());
    }

    @Test
    void aRequestTheSdkLayerHandledIsLeftAlone() {
        String authorization = signature("ab");
        HttpRequest request = converse(authorization);
        HttpResponse.BodyHandler<String> handler = HttpResponse.BodyHandlers.ofString();

        int before = INSPECTED.get();
        JdkHttpRequests.prepare(request, handler);
        assertEquals(before + 1, INSPECTED.get(), "a signed request nobody handled is inspected");

        Veil.markHandledAbove(authorization);
        JdkHttpCall call = JdkHttpRequests.prepare(request, handler);
        assertSame(request, call.request());
        assertSame(handler, call.handler());
        assertTrue(call.proceed());
        assertEquals(before + 1, INSPECTED.get(), "the handled request must not be inspected again");

        JdkHttpRequests.prepare(converse(signature("cd")), handler);
        assertEquals(before + 2, INSPECTED.get(), "another signature is another request");
    }

    /**
     * azure-core's policy vetted a body above the transport (here the JDK client, as with
     * azure-core-http-jdk-httpclient): exactly that send is left alone; the same api-key on another body is not.
     */
    @Test
    void aSendVettedAboveIsLeftAloneButNotAnotherBodyWithTheSameKey() {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
        HttpResponse.BodyHandler<String> handler = HttpResponse.BodyHandlers.ofString();
        Veil.inspectAbove("endpoint", "POST", "127.0.0.1", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, null, false).sending();
        int before = INSPECTED.get();

        HttpRequest other = azure(body.replace("hello", "hellO"));
        JdkHttpRequests.prepare(other, handler);
        assertEquals(before + 1, INSPECTED.get(), "a body nobody vetted is inspected, whatever its api-key");

        HttpRequest vetted = azure(body);
        JdkHttpCall call = JdkHttpRequests.prepare(vetted, handler);
        assertSame(handler, call.handler(), "the glue above follows the vetted call");
        assertEquals(before + 1, INSPECTED.get(), "the vetted send is not inspected again");

        JdkHttpRequests.prepare(azure(body), handler);
        assertEquals(before + 2, INSPECTED.get(), "one mark, one send");
    }

    private static HttpRequest azure(String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/openai/deployments/d/chat/completions?api-version=1"))
                .header("api-key", "same-key-on-every-call")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @Test
    void onlyRecentValuesAreRemembered() {
        for (int i = 0; i < 300; i++) {
            Veil.markHandledAbove("value-" + i);
        }
        assertFalse(Veil.isHandledAbove("value-0"));
        assertTrue(Veil.isHandledAbove("value-299"));
        assertFalse(Veil.isHandledAbove(null));
    }

    /** A SigV4 Authorization value whose signature is {@code pair} repeated (assembled here, never a literal). */
    private static String signature(String pair) {
        String scope = String.join("/", "AKIDEXAMPLE", "20261122", "us-east-1", "bedrock", "aws4_request");
        return "AWS4-HMAC-SHA256 Credential=" + scope + ", SignedHeaders=host;x-amz-date, Signature=" + pair.repeat(32);
    }

    private static HttpRequest converse(String authorization) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/model/m/converse"))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}"))
                .build();
    }

    /** Matches every request; counts inspections; passes everything. */
    private static final class CountingHooks implements VeilHooks {
        @Override
        public Object matchEndpoint(String method, String scheme, String host, int port, String rawPath, String rawQuery) {
            return "endpoint";
        }

        @Override
        public RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding, String traceparent,
                                             boolean canFilterResponse) {
            INSPECTED.incrementAndGet();
            return RequestVerdict.pass();
        }

        @Override
        public void responseStarted(Object call, int status, String contentType, String contentEncoding) {
        }

        @Override
        public void responseChunk(Object call, byte[] bytes, int offset, int length) {
        }

        @Override
        public byte[] filterResponseChunk(Object call, byte[] bytes, int offset, int length) {
            return bytes;
        }

        @Override
        public byte[] finishResponseFilter(Object call) {
            return new byte[0];
        }

        @Override
        public void callEnded(Object call, Throwable failure) {
        }

        @Override
        public RequestVerdict interceptionFailed(Object endpoint, Throwable failure) {
            return RequestVerdict.pass();
        }

        @Override
        public long maxPromptBytes() {
            return 1 << 20;
        }

        @Override
        public String maskLog(String text) {
            return text;
        }

        @Override
        public boolean logMayHoldSecret(CharSequence text) {
            return false;
        }

        @Override
        public java.io.PrintStream wrapConsole(java.io.PrintStream stream) {
            return stream;
        }
    }
}
