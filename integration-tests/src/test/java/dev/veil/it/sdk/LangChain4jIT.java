package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LangChain4j 1.x chat models (OpenAI, Anthropic, Ollama; the default JDK HttpClient transport), blocking and
 * streaming, unmodified, against local fakes of each provider's wire format.
 */
class LangChain4jIT {

    private static final Path APP = ChildJvm.testAppJar("langchain4j-app", "langchain4j-app.jar");

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
        try (RecordingServer server = fakes()) {
            String url = baseUrl(server, provider);
            ChildJvm.Result plain = ChildJvm.on(Jdks.current()).withoutAgent().runJar(APP, provider, url, mode, planted.prompt);
            assertEquals(1, server.received().size(), plain::toString);
            server.clear();

            ChildJvm.Result veiled = ChildJvm.on(Jdks.current()).property("veil.log.level", "debug")
                    .runJar(APP, provider, url, mode, planted.prompt);

            SdkChecks.assertRedactedRun(plain, veiled, server.received(), planted, providerName, "stream".equals(mode), in, out);
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
