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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official OpenAI Java SDK 4.x (its default OkHttp transport), unmodified, against local fakes of the chat
 * completions, Responses and embeddings wire formats: what the server received, what the app printed (the same
 * as without Veil), block mode, the SDK's own debug log, and the GenAI span Veil exported for each call.
 */
class OpenAiJavaIT {

    private static final Path APP = ChildJvm.testAppJar("openai-java-app", "openai-java-app.jar");

    private static RecordingServer fakes() throws java.io.IOException {
        return new RecordingServer()
                .on("/v1/chat/completions", ProviderFakes.openAiChat())
                .on("/v1/responses", SdkFakes.openAiResponses())
                .on("/v1/embeddings", SdkFakes.openAiEmbeddings());
    }

    /** The app's API key, generated per test: the SDK sends it in a header and may log it. */
    private static String apiKey(long seed) {
        return new TestSecrets(seed * 31).openAiKey();
    }

    private static ChildJvm app(ChildJvm jvm, String apiKey) {
        return jvm.env("OPENAI_API_KEY", apiKey);
    }

    /**
     * With the agent: streamed usage is asked for as {@code veil.stream.usage=auto} does for api.openai.com (the fake
     * on 127.0.0.1 is not a host known to accept {@code stream_options}); the app must still read the same stream.
     */
    private static ChildJvm veiled(String apiKey, OtlpReceiver otlp) {
        return SdkSpans.withTelemetry(app(ChildJvm.on(Jdks.current()), apiKey), otlp).property("veil.stream.usage", "inject");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
        "chat,             chat,       gpt-4o-mini,            " + ProviderFakes.OPENAI_IN + ", " + ProviderFakes.OPENAI_OUT + ", false",
        "chat-async,       chat,       gpt-4o-mini,            " + ProviderFakes.OPENAI_IN + ", " + ProviderFakes.OPENAI_OUT + ", false",
        "chat-stream,      chat,       gpt-4o-mini,            " + ProviderFakes.OPENAI_STREAM_IN + ", " + ProviderFakes.OPENAI_STREAM_OUT + ", true",
        "responses,        chat,       gpt-4.1-mini,           " + SdkFakes.RESPONSES_IN + ", " + SdkFakes.RESPONSES_OUT + ", false",
        "responses-stream, chat,       gpt-4.1-mini,           " + SdkFakes.RESPONSES_STREAM_IN + ", " + SdkFakes.RESPONSES_STREAM_OUT + ", true",
        "embeddings,       embeddings, text-embedding-3-small, " + SdkFakes.EMBEDDINGS_IN + ", none, false",
    })
    void redactsThePromptAndTheAppSeesTheSameAnswer(String mode, String operation, String model, Integer in, Integer out,
                                                    boolean stream) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(mode.hashCode());
        String key = apiKey(mode.hashCode());
        try (RecordingServer server = fakes(); OtlpReceiver otlp = new OtlpReceiver()) {
            String url = server.url("/v1");
            SdkChecks.Runs runs = SdkChecks.plainThenVeiled(server, app(ChildJvm.on(Jdks.current()).withoutAgent(), key),
                    veiled(key, otlp), planted, APP, url, mode, planted.prompt);
            ChildJvm.Result veiled = runs.veiled;

            SdkChecks.assertSameOutput(runs.plain, veiled, planted);
            if (mode.equals("embeddings")) {
                assertTrue(veiled.stdout.contains("EMBEDDING [0.25, -0.5, 0.125]"), veiled::toString);
                assertTrue(veiled.stdout.contains("USAGE in " + in), veiled::toString);
            } else {
                assertTrue(veiled.stdout.contains("ANSWER Hello!") || veiled.stdout.contains("TOKEN Hel\nTOKEN lo!\n"), veiled::toString);
            }
            List<RecordingServer.Received> received = server.received();
            assertEquals(1, received.size());
            SdkChecks.assertRedacted(received, planted);
            OtlpReceiver.ReceivedSpan span = SdkSpans.onlySpan(otlp, veiled,
                    new SdkSpans.Expected(operation, "openai", model, in, out, stream), server.port(), "redacted");
            if (!mode.equals("embeddings")) {
                assertEquals(mode.startsWith("chat") ? "chat_completions" : "responses", span.string("openai.api.type"), span::toString);
            }
            SdkSpans.assertNothingPlantedExported(otlp, planted);
        }
    }

    /**
     * A conversation that went through a tool call: the secrets are in the assistant's tool-call arguments (a JSON
     * string holding JSON) and in the tool's result. Both are redacted; ids, names and the arguments' JSON stay intact.
     */
    @Test
    void toolCallArgumentsAndResultsAreRedactedAndStayValidJson() throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(4242);
        String arguments = "{\"to\":\"" + planted.email + "\",\"body\":\"The new key is " + planted.key + "\"}";
        String result = "Sent to " + planted.email + " with key " + planted.key;
        String key = apiKey(4242);
        try (RecordingServer server = fakes(); OtlpReceiver otlp = new OtlpReceiver()) {
            String url = server.url("/v1");
            SdkChecks.Runs runs = SdkChecks.plainThenVeiled(server, app(ChildJvm.on(Jdks.current()).withoutAgent(), key),
                    veiled(key, otlp), planted, APP, url, "tools", planted.prompt, arguments, result);
            ChildJvm.Result veiled = runs.veiled;

            SdkChecks.assertSameOutput(runs.plain, veiled, planted);
            List<RecordingServer.Received> received = server.received();
            SdkChecks.assertRedacted(received, planted);
            JsonNode messages = ProviderFakes.json(received.get(0).body).get("messages");
            assertEquals(List.of("system", "user", "assistant", "tool", "user"), roles(messages));
            JsonNode call = messages.get(2).at("/tool_calls/0");
            assertEquals("call_it_1", call.get("id").asText());
            assertEquals("function", call.get("type").asText());
            assertEquals("send_mail", call.at("/function/name").asText());
            JsonNode args = ProviderFakes.json(call.at("/function/arguments").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("[[VEIL:EMAIL_ADDRESS_1]]", args.get("to").asText(), args::toString);
            assertEquals("The new key is [[VEIL:OPENAI_API_KEY_1]]", args.get("body").asText(), args::toString);
            assertEquals("call_it_1", messages.get(3).get("tool_call_id").asText());
            assertEquals("Sent to [[VEIL:EMAIL_ADDRESS_1]] with key [[VEIL:OPENAI_API_KEY_1]]", messages.get(3).get("content").asText());
            assertEquals("send_mail", ProviderFakes.json(received.get(0).body).at("/tools/0/function/name").asText());
            OtlpReceiver.ReceivedSpan span = SdkSpans.onlySpan(otlp, veiled, new SdkSpans.Expected("chat", "openai", "gpt-4o-mini",
                    ProviderFakes.OPENAI_IN, ProviderFakes.OPENAI_OUT, false), server.port(), "redacted");
            assertEquals(6L, span.number("veil.redaction.count"), span::toString);
            SdkSpans.assertNothingPlantedExported(otlp, planted);
        }
    }

    private static List<String> roles(JsonNode messages) {
        List<String> roles = new java.util.ArrayList<>();
        messages.forEach(m -> roles.add(m.get("role").asText()));
        return roles;
    }

    /**
     * Block mode: the SDK's own {@code OpenAIIoException}. openai-java wraps every transport IOException in one with
     * the fixed message "Request failed" (after its default two retries, each blocked again, none sent), so Veil's
     * {@code veil: blocked: ...} is the message of its cause. Nothing is sent and the app's next call works.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"chat", "chat-async", "chat-stream", "responses", "responses-stream", "embeddings"})
    void blockModeIsTheSdksOwnErrorAndTheAppGoesOn(String mode) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(mode.hashCode() + 1);
        try (RecordingServer server = fakes()) {
            ChildJvm.Result run = app(ChildJvm.on(Jdks.current()), apiKey(mode.hashCode() + 1))
                    .property("veil.prompt.mode", "block")
                    .runJar(APP, server.url("/v1"), mode, planted.prompt);
            SdkChecks.assertBlockedThenRecovered(run, server.received(), OpenAiJavaErrors.IO, "java.io.IOException", planted);
        }
    }

    /**
     * {@code OPENAI_LOG=debug}: the SDK prints each request's headers and body on stderr before its HTTP client sends
     * it (so before Veil's redaction). Veil's console masking keeps the API key and the prompt's key out of it.
     */
    @Test
    void theSdksDebugLogHasNoSecret() throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(777);
        String key = apiKey(777);
        try (RecordingServer server = fakes()) {
            ChildJvm.Result run = app(ChildJvm.on(Jdks.current()), key).env("OPENAI_LOG", "debug")
                    .runJar(APP, server.url("/v1"), "chat", planted.prompt);
            SdkChecks.assertDebugLogMasked(run, key, planted, "/v1/chat/completions");
        }
    }

    /** What openai-java 4.x throws when its OkHttp call fails with an IOException ("Request failed", the cause kept). */
    static final class OpenAiJavaErrors {
        static final String IO = "com.openai.errors.OpenAIIoException";
    }
}
