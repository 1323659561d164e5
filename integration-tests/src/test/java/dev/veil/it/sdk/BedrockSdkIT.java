package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import dev.veil.it.OtlpReceiver;
import dev.veil.it.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AWS SDK v2 Bedrock Runtime, unmodified: Converse (sync, Apache client) and ConverseStream (async, Netty,
 * binary event stream) against a fake Bedrock that verifies the SigV4 signature of what arrived — so a
 * passing test proves the prompt was redacted before the SDK signed it.
 */
class BedrockSdkIT {

    private static final Path APP = ChildJvm.testAppJar("bedrock-app", "bedrock-app.jar");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"converse, " + FakeBedrock.CONVERSE_IN + ", " + FakeBedrock.CONVERSE_OUT,
                "converse-stream, " + FakeBedrock.STREAM_IN + ", " + FakeBedrock.STREAM_OUT})
    void redactsBeforeSigningAndReadsUsage(String call, int in, int out) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(call.hashCode());
        Keys keys = new Keys(call.hashCode() + 1);
        String accessKey = keys.accessKey;
        String secretKey = keys.secretKey;
        SigV4Verifier verifier = keys.verifier();
        try (RecordingServer server = FakeBedrock.start(verifier); OtlpReceiver otlp = new OtlpReceiver()) {
            String endpoint = server.url("");
            ChildJvm.Result plain = ChildJvm.on(Jdks.current()).withoutAgent()
                    .runJar(APP, endpoint, accessKey, secretKey, call, planted.prompt);
            List<RecordingServer.Received> unprotected = server.received();
            assertEquals(1, unprotected.size(), plain::toString);
            assertTrue(unprotected.get(0).bodyText().contains(planted.email), "the fake must see the prompt without Veil");
            server.clear();

            ChildJvm.Result veiled = SdkSpans.withTelemetry(ChildJvm.on(Jdks.current()), otlp).property("veil.log.level", "debug")
                    .runJar(APP, endpoint, accessKey, secretKey, call, planted.prompt);

            SdkChecks.assertSameOutput(plain, veiled, planted);
            assertTrue(veiled.stdout.contains("ANSWER Hello!"), veiled::toString);
            List<RecordingServer.Received> received = server.received();
            SdkChecks.assertRedacted(received, planted);
            RecordingServer.Received got = received.get(0);
            assertNull(verifier.problem(got), "the signature must cover the redacted body");
            assertEquals(String.valueOf(got.body.length), got.headers.getFirst("Content-Length"));
            assertTrue(ProviderFakes.json(got.body).at("/messages/0/content/0/text").asText().startsWith("Mail "));
            SdkChecks.assertCallLogged(veiled, "aws.bedrock", "redacted", in, out);
            SdkSpans.onlySpan(otlp, veiled, new SdkSpans.Expected("chat", "aws.bedrock", "anthropic.claude-3-haiku-20240307-v1:0",
                    in, out, call.equals("converse-stream")), server.port(), "redacted");
            SdkSpans.assertNothingPlantedExported(otlp, planted);
        }
    }

    /**
     * With {@code veil.otel.propagate} the interceptor adds the W3C {@code traceparent} of Veil's span before
     * the SDK signs the request: the header arrives, it is one of the SigV4 signed headers, and the signature
     * over it (and the redacted body) is valid. Without the setting nothing is added.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"converse", "converse-stream"})
    void propagatesTraceContextInsideTheSignature(String call) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(call.hashCode() + 11);
        Keys keys = new Keys(call.hashCode() + 12);
        SigV4Verifier verifier = keys.verifier();
        for (boolean propagate : new boolean[] {true, false}) {
            try (RecordingServer server = FakeBedrock.start(verifier); OtlpReceiver otlp = new OtlpReceiver()) {
                ChildJvm.Result run = SdkSpans.withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                        .property("veil.otel.propagate", String.valueOf(propagate))
                        .runJar(APP, server.url(""), keys.accessKey, keys.secretKey, call, planted.prompt);
                assertTrue(run.stdout.contains("ANSWER Hello!"), run::toString);
                RecordingServer.Received got = server.received().get(0);
                SdkChecks.assertRedacted(server.received(), planted);
                assertNull(verifier.problem(got), "the signature must cover what was sent");
                String traceparent = got.headers.getFirst("traceparent");
                String authorization = got.headers.getFirst("Authorization");
                if (propagate) {
                    assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), "traceparent: " + traceparent);
                    assertTrue(authorization.matches(".*SignedHeaders=([^,]*;)?traceparent(;[^,]*)?,.*"),
                            "traceparent must be signed: " + authorization);
                } else {
                    assertNull(traceparent, "a traceparent was added without veil.otel.propagate");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"converse", "converse-stream"})
    void blockModeIsTheSdksClientExceptionAndSendsNothing(String call) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(call.hashCode() + 7);
        Keys keys = new Keys(call.hashCode() + 8);
        try (RecordingServer server = FakeBedrock.start(keys.verifier())) {
            ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("veil.prompt.mode", "block")
                    .runJar(APP, server.url(""), keys.accessKey, keys.secretKey, call, planted.prompt);
            SdkChecks.assertBlocked(run, server.received(), "software.amazon.awssdk.core.exception.SdkClientException", planted);
        }
    }

    /**
     * A prompt Veil cannot inspect (here: larger than veil.prompt.max-bytes) follows veil.failure: closed is the
     * SDK's exception with a {@code veil: } message and nothing sent; open sends it unchanged, still validly signed.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"converse", "converse-stream"})
    void anUninspectablePromptFollowsTheFailurePolicy(String call) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(call.hashCode() + 5);
        Keys keys = new Keys(call.hashCode() + 6);
        SigV4Verifier verifier = keys.verifier();
        try (RecordingServer server = FakeBedrock.start(verifier)) {
            ChildJvm.Result closed = ChildJvm.on(Jdks.current()).property("veil.prompt.max-bytes", "100")
                    .runJar(APP, server.url(""), keys.accessKey, keys.secretKey, call, planted.prompt);
            assertTrue(closed.line("ERROR").startsWith("ERROR software.amazon.awssdk.core.exception.SdkClientException: "
                    + "veil: the request body is larger than veil.prompt.max-bytes"), closed::toString);
            assertTrue(server.received().isEmpty(), "nothing may be sent under veil.failure=closed");

            ChildJvm.Result open = ChildJvm.on(Jdks.current()).property("veil.prompt.max-bytes", "100")
                    .property("veil.failure", "open")
                    .runJar(APP, server.url(""), keys.accessKey, keys.secretKey, call, planted.prompt);
            assertTrue(open.stdout.contains("ANSWER Hello!"), open::toString);
            assertEquals(1, server.received().size());
            assertTrue(server.received().get(0).bodyText().contains(planted.email), "open sends the prompt unchanged");
            assertNull(verifier.problem(server.received().get(0)));
        }
    }

    /** Other AWS calls go through Veil's interceptor untouched: signed as they were, no call recorded. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"list-async-invokes"})
    void aCallThatIsNotAPromptIsLeftAlone(String call) throws Exception {
        Keys keys = new Keys(77);
        SigV4Verifier verifier = keys.verifier();
        try (RecordingServer server = FakeBedrock.start(verifier)) {
            ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("veil.log.level", "debug")
                    .runJar(APP, server.url(""), keys.accessKey, keys.secretKey, call, "unused");
            assertEquals("ASYNC_INVOKES 0", run.line("ASYNC_INVOKES"), run::toString);
            assertNull(verifier.problem(server.received().get(0)));
            assertTrue(run.agentLines().stream().noneMatch(l -> l.contains(" tokens in ")), run::toString);
            assertTrue(run.agentLines().stream().anyMatch(l -> l.contains("instrumented software.amazon.awssdk.core.interceptor."
                    + "ClasspathInterceptorChainFactory")), "the interceptor must have been installed:\n" + run);
        }
    }

    /** The fake's verifier is what makes the other tests meaningful: it must reject a body changed after signing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"converse"})
    void theFakeRejectsABodyChangedAfterSigning(String call) throws Exception {
        Keys keys = new Keys(99);
        SigV4Verifier verifier = keys.verifier();
        try (RecordingServer server = FakeBedrock.start(verifier)) {
            ChildJvm.Result run = ChildJvm.on(Jdks.current()).withoutAgent()
                    .runJar(APP, server.url(""), keys.accessKey, keys.secretKey, call, "hello there");
            assertTrue(run.stdout.contains("ANSWER Hello!"), run::toString);
            RecordingServer.Received got = server.received().get(0);
            assertNull(verifier.problem(got));
            byte[] changed = got.bodyText().replace("hello there", "hello thera").getBytes(StandardCharsets.UTF_8);
            assertNotNull(verifier.problem(SigV4Verifier.withBody(got, changed)));
            assertNotNull(new SigV4Verifier(keys.accessKey, keys.secretKey + "x").problem(got));
        }
    }

    /** Dummy AWS credentials generated for one test (nothing key-shaped is committed). */
    private static final class Keys {
        final String accessKey;
        final String secretKey;

        Keys(long seed) {
            TestSecrets secrets = new TestSecrets(seed);
            accessKey = "AKIA" + secrets.chars(16).toUpperCase();
            secretKey = secrets.chars(40);
        }

        SigV4Verifier verifier() {
            return new SigV4Verifier(accessKey, secretKey);
        }
    }
}
