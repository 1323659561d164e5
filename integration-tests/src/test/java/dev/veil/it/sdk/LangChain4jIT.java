package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import dev.veil.it.OtlpReceiver;
import dev.veil.it.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LangChain4j 1.x chat models (OpenAI, Anthropic, Ollama; the default JDK HttpClient transport), blocking and
 * streaming, unmodified, against local fakes of each provider's wire format; Veil's GenAI span for each call; the
 * SDK's request/response logging kept free of secrets.
 */
class LangChain4jIT {

    private static final Path APP = ChildJvm.testAppJar("langchain4j-app", "langchain4j-app.jar");
    /** The model each provider's app asks for (the span's gen_ai.request.model). */
    private static final Map<String, String> MODELS = Map.of("openai", "gpt-4o-mini", "anthropic", "claude-3-5-haiku-20241022",
            "ollama", "llama3.2");

    private static RecordingServer fakes() throws java.io.IOException {
        return new RecordingServer()
                .on("/v1/chat/completions", ProviderFakes.openAiChat())
                .on("/v1/messages", ProviderFakes.anthropicMessages())
                .on("/api/chat", ProviderFakes.ollamaChat());
    }

    private static String baseUrl(RecordingServer server, String provider) {
        switch (provider) {
            case "openai":
                return server.url("/v1");
            case "anthropic":
                return server.url("/v1/");
            default:
                return server.url("");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "openai, chat, openai, " + ProviderFakes.OPENAI_IN + ", " + ProviderFakes.OPENAI_OUT,
        "openai, stream, openai, " + ProviderFakes.OPENAI_STREAM_IN + ", " + ProviderFakes.OPENAI_STREAM_OUT,
        "anthropic, chat, anthropic, " + ProviderFakes.ANTHROPIC_IN + ", " + ProviderFakes.ANTHROPIC_OUT,
        "anthropic, stream, anthropic, " + ProviderFakes.ANTHROPIC_STREAM_IN + ", " + ProviderFakes.ANTHROPIC_STREAM_OUT,
        "ollama, chat, ollama, " + ProviderFakes.OLLAMA_IN + ", " + ProviderFakes.OLLAMA_OUT,
        "ollama, stream, ollama, " + ProviderFakes.OLLAMA_STREAM_IN + ", " + ProviderFakes.OLLAMA_STREAM_OUT,
    })
    void redactsThePromptAndTheAppSeesTheSameAnswer(String provider, String mode, String providerName, int in, int out)
            throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted((provider + mode).hashCode());
        try (RecordingServer server = fakes(); OtlpReceiver otlp = new OtlpReceiver()) {
            String url = baseUrl(server, provider);
            ChildJvm.Result plain = ChildJvm.on(Jdks.current()).withoutAgent().runJar(APP, provider, url, mode, planted.prompt);
            assertEquals(1, server.received().size(), plain::toString);
            server.clear();

            ChildJvm.Result veiled = SdkSpans.withTelemetry(ChildJvm.on(Jdks.current()), otlp).property("veil.log.level", "debug")
                    .runJar(APP, provider, url, mode, planted.prompt);

            SdkChecks.assertRedactedRun(plain, veiled, server.received(), planted, providerName, "stream".equals(mode), in, out);
            SdkSpans.onlySpan(otlp, veiled, new SdkSpans.Expected("chat", providerName, MODELS.get(provider), in, out,
                    "stream".equals(mode)), server.port(), "redacted");
            SdkSpans.assertNothingPlantedExported(otlp, planted);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "openai, chat, " + LangChain4jErrors.SYNC,
        "openai, stream, " + LangChain4jErrors.STREAM,
        "anthropic, chat, " + LangChain4jErrors.SYNC,
        "anthropic, stream, " + LangChain4jErrors.STREAM,
        "ollama, chat, " + LangChain4jErrors.SYNC,
        "ollama, stream, " + LangChain4jErrors.STREAM,
    })
    void blockModeIsTheSdksOwnError(String provider, String mode, String exceptionClass) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted((provider + mode).hashCode() + 1);
        try (RecordingServer server = fakes()) {
            ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("veil.prompt.mode", "block")
                    .runJar(APP, provider, baseUrl(server, provider), mode, planted.prompt);
            SdkChecks.assertBlocked(run, server.received(), exceptionClass, planted);
        }
    }

    /**
     * LangChain4j's own request/response logging ({@code logRequests(true).logResponses(true)}) through SLF4J into
     * Logback (console and file): the API key (LangChain4j shortens it in the header, Veil masks what is left) and
     * the key in the logged request body appear nowhere; the request and the response line each arrive once, in
     * order, with their placeholders. The control run without the agent shows the log does carry the prompt's key.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai, /v1/chat/completions", "anthropic, /v1/messages"})
    void requestAndResponseLogsKeepNoSecret(String provider, String path, @TempDir Path logs) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted((provider + "logged").hashCode());
        TestSecrets secrets = new TestSecrets(provider.hashCode() * 31L);
        String apiKey = "openai".equals(provider) ? secrets.openAiKey() : "sk-ant-" + "api03-" + secrets.chars(93) + "AA";
        Path config = ChildJvm.testAppFile("langchain4j-app", "classes/logback-requests.xml");
        try (RecordingServer server = fakes()) {
            String url = baseUrl(server, provider);
            Path plainLogs = Files.createDirectories(logs.resolve("plain"));
            ChildJvm.on(Jdks.current()).withoutAgent().property("log.dir", plainLogs.toString())
                    .property("logback.configurationFile", config.toString())
                    .runJar(APP, provider, url, "chat-logged", planted.prompt, apiKey);
            String plainLog = new String(Files.readAllBytes(plainLogs.resolve("langchain4j.log")), StandardCharsets.UTF_8);
            assertTrue(plainLog.contains(planted.key), "without Veil the logged request body holds the prompt's key:\n" + plainLog);
            server.clear();

            ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("log.dir", logs.toString())
                    .property("logback.configurationFile", config.toString())
                    .runJar(APP, provider, url, "chat-logged", planted.prompt, apiKey);

            assertEquals(0, run.exitCode, run::toString);
            assertTrue(run.stdout.contains("ANSWER "), run::toString);
            SdkChecks.assertRedacted(server.received(), planted);
            String file = new String(Files.readAllBytes(logs.resolve("langchain4j.log")), StandardCharsets.UTF_8);
            String console = run.stdout;
            for (String[] output : new String[][] {{"langchain4j.log", file}, {"console", console}, {"stderr", run.stderr}}) {
                for (String secret : new String[] {apiKey, planted.key}) {
                    assertNoFragment(output[0], output[1], secret);
                }
            }
            for (String[] output : new String[][] {{"langchain4j.log", file}, {"console", console}}) {
                String text = output[1];
                assertEquals(1, count(text, "HTTP request:"), output[0] + ":\n" + text);
                assertEquals(1, count(text, "HTTP response:"), output[0] + ":\n" + text);
                int request = text.indexOf("HTTP request:");
                int response = text.indexOf("HTTP response:");
                assertTrue(request < response, output[0] + ": the response logged before the request:\n" + text);
                String requestEvent = text.substring(request, response);
                assertTrue(requestEvent.contains("- url: ") && requestEvent.contains(path), requestEvent);
                assertTrue(requestEvent.contains("- body: {"), "the request body is logged (masked), not dropped:\n" + requestEvent);
                assertTrue(requestEvent.contains("[[VEIL:OPENAI_API_KEY"), "the prompt's key is masked in place:\n" + requestEvent);
                assertTrue(text.substring(response).contains("Hello"), "the response body arrives:\n" + text);
            }
        }
    }

    /** Any 12-character window of the secret counts as a leak (a partly shown key is still a leak). */
    private static void assertNoFragment(String what, String text, String secret) {
        for (int i = 0; i + 12 <= secret.length(); i += 6) {
            String fragment = secret.substring(i, i + 12);
            assertFalse(text.contains(fragment), what + " shows part of a secret (" + fragment + "):\n" + text);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * What LangChain4j 1.x hands the app when its JDK HttpClient transport fails with an IOException: the
     * blocking models throw a RuntimeException wrapping it (after their default retries, each blocked again,
     * none sent); the streaming models pass the IOException itself to {@code onError}.
     */
    static final class LangChain4jErrors {
        static final String SYNC = "java.lang.RuntimeException";
        static final String STREAM = "java.io.IOException";
    }
}
