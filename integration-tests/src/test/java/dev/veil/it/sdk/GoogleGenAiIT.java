package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import dev.veil.it.OtlpReceiver;
import dev.veil.it.TestSecrets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Google's Gen AI Java SDK ({@code com.google.genai:google-genai}, its default OkHttp transport), unmodified,
 * pointed at a local Gemini fake through {@code HttpOptions.baseUrl} with a dummy API key: generateContent (JSON)
 * and streamGenerateContent ({@code ?alt=sse}).
 */
class GoogleGenAiIT {

    private static final Path APP = ChildJvm.testAppJar("google-genai-app", "google-genai-app.jar");
    private static final String MODEL = "gemini-2.5-flash";

    private static RecordingServer fakes() throws java.io.IOException {
        return new RecordingServer().on(":generateContent", SdkFakes.gemini()).on(":streamGenerateContent", SdkFakes.gemini());
    }

    /** A Google-API-key-shaped value generated per test: the SDK sends it in {@code x-goog-api-key}. */
    private static String apiKey(long seed) {
        return "AIza" + new TestSecrets(seed * 13).chars(35);
    }

    private static ChildJvm app(ChildJvm jvm, String apiKey) {
        return jvm.env("GOOGLE_API_KEY", apiKey);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "generate, :generateContent,       " + SdkFakes.GEMINI_IN + ", " + SdkFakes.GEMINI_OUT + ", false",
        "stream,   :streamGenerateContent, " + SdkFakes.GEMINI_STREAM_IN + ", " + SdkFakes.GEMINI_STREAM_OUT + ", true",
    })
    void redactsThePromptAndTheAppSeesTheSameAnswer(String mode, String method, int in, int out, boolean stream) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(("genai" + mode).hashCode());
        String key = apiKey(mode.hashCode());
        try (RecordingServer server = fakes(); OtlpReceiver otlp = new OtlpReceiver()) {
            String url = server.url("");
            SdkChecks.Runs runs = SdkChecks.plainThenVeiled(server, app(ChildJvm.on(Jdks.current()).withoutAgent(), key),
                    SdkSpans.withTelemetry(app(ChildJvm.on(Jdks.current()), key), otlp), planted, APP, url, mode, planted.prompt);
            ChildJvm.Result veiled = runs.veiled;

            SdkChecks.assertSameOutput(runs.plain, veiled, planted);
            assertTrue(veiled.stdout.contains(stream ? "TOKEN Hel\nTOKEN lo!\n" : "ANSWER Hello!"), veiled::toString);
            assertTrue(veiled.stdout.contains("USAGE in " + in + " out " + out), veiled::toString);
            RecordingServer.Received got = server.received().get(0);
            assertEquals("/v1beta/models/" + MODEL + method, got.rawPath);
            assertEquals(stream ? "alt=sse" : null, got.rawQuery);
            assertEquals(key, got.headers.getFirst("x-goog-api-key"), "the SDK's own key header goes through untouched");
            SdkChecks.assertRedacted(server.received(), planted);
            JsonNode body = ProviderFakes.json(got.body);
            assertEquals("user", body.at("/contents/0/role").asText(), body::toString);
            assertTrue(body.at("/contents/0/parts/0/text").asText().startsWith("Mail [[VEIL:EMAIL_ADDRESS_1]]"), body::toString);
            assertEquals("Be brief.", body.at("/systemInstruction/parts/0/text").asText(), body::toString);
            assertEquals(128, body.at("/generationConfig/maxOutputTokens").asInt(), body::toString);
            OtlpReceiver.ReceivedSpan span = SdkSpans.onlySpan(otlp, veiled,
                    new SdkSpans.Expected("generate_content", "gcp.gen_ai", MODEL, in, out, stream), server.port(), "redacted");
            assertEquals(SdkFakes.GEMINI_MODEL_VERSION, span.string("gen_ai.response.model"), span::toString);
            SdkSpans.assertNothingPlantedExported(otlp, planted);
            assertFalse(veiled.stderr.contains(key), veiled::toString);
        }
    }

    /**
     * Block mode: the SDK's own {@code GenAiIOException}, which wraps a transport IOException in the fixed message
     * "Failed to execute HTTP request." with Veil's {@code veil: blocked: ...} as its cause; nothing sent, and the
     * app's next call works. google-genai has no debug wire log of its
     * own (it logs warnings through java.util.logging, which Veil's JUL masking covers).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"generate", "stream"})
    void blockModeIsTheSdksOwnErrorAndTheAppGoesOn(String mode) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(("genai" + mode).hashCode() + 1);
        try (RecordingServer server = fakes()) {
            ChildJvm.Result run = app(ChildJvm.on(Jdks.current()), apiKey(mode.hashCode() + 1))
                    .property("veil.prompt.mode", "block")
                    .runJar(APP, server.url(""), mode, planted.prompt);
            SdkChecks.assertBlockedThenRecovered(run, server.received(), GenAiErrors.IO, GenAiErrors.VEIL_CAUSE, planted);
        }
    }

    /** What google-genai throws when its OkHttp call fails with an IOException, and the cause it keeps. */
    static final class GenAiErrors {
        static final String IO = "com.google.genai.errors.GenAiIOException";
        static final String VEIL_CAUSE = "java.io.IOException";
    }
}
