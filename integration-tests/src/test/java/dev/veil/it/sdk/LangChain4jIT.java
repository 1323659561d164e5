package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import dev.veil.it.OtlpReceiver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LangChain4j 1.x chat models (OpenAI, Anthropic, Ollama; the default JDK HttpClient transport), blocking and
 * streaming, unmodified, against local fakes of each provider's wire format; Veil's GenAI span for each call.
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
     * What LangChain4j 1.x hands the app when its JDK HttpClient transport fails with an IOException: the
     * blocking models throw a RuntimeException wrapping it (after their default retries, each blocked again,
     * none sent); the streaming models pass the IOException itself to {@code onError}.
     */
    static final class LangChain4jErrors {
        static final String SYNC = "java.lang.RuntimeException";
        static final String STREAM = "java.io.IOException";
    }
}
