package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import dev.veil.it.OtlpReceiver;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ollama4j (JDK HttpClient; NDJSON streaming), unmodified, against a local Ollama fake; JDK 17 and 25; Veil's GenAI span. */
class Ollama4jIT {

    private static final Path APP = ChildJvm.testAppJar("ollama4j-app", "ollama4j-app.jar");

    static Stream<Arguments> jdksAndModes() {
        return Jdks.all().stream().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "chat", ProviderFakes.OLLAMA_IN, ProviderFakes.OLLAMA_OUT),
                Arguments.of(jdk, "stream", ProviderFakes.OLLAMA_STREAM_IN, ProviderFakes.OLLAMA_STREAM_OUT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndModes")
    void redactsThePromptAndTheAppSeesTheSameAnswer(Jdks.Jdk jdk, String mode, int in, int out) throws Exception {
        Jdks.assumeInstalled(jdk);
        SdkChecks.Planted planted = new SdkChecks.Planted(mode.hashCode() + jdk.feature());
        try (RecordingServer server = new RecordingServer().on("/api/chat", ProviderFakes.ollamaChat());
             OtlpReceiver otlp = new OtlpReceiver()) {
            String url = server.url("");
            ChildJvm.Result plain = ChildJvm.on(jdk).withoutAgent().runJar(APP, url, mode, planted.prompt);
            assertEquals(1, server.received().size(), plain::toString);
            server.clear();

            ChildJvm.Result veiled = SdkSpans.withTelemetry(ChildJvm.on(jdk), otlp).property("veil.log.level", "debug")
                    .runJar(APP, url, mode, planted.prompt);

            SdkChecks.assertRedactedRun(plain, veiled, server.received(), planted, "ollama", "stream".equals(mode), in, out);
            SdkSpans.onlySpan(otlp, veiled, new SdkSpans.Expected("chat", "ollama", "llama3.2", in, out, "stream".equals(mode)),
                    server.port(), "redacted");
            SdkSpans.assertNothingPlantedExported(otlp, planted);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndModes")
    void blockModeIsOllama4jsOwnError(Jdks.Jdk jdk, String mode, int in, int out) throws Exception {
        Jdks.assumeInstalled(jdk);
        SdkChecks.Planted planted = new SdkChecks.Planted(mode.hashCode() + jdk.feature() + 1);
        try (RecordingServer server = new RecordingServer().on("/api/chat", ProviderFakes.ollamaChat())) {
            ChildJvm.Result run = ChildJvm.on(jdk).property("veil.prompt.mode", "block")
                    .runJar(APP, server.url(""), mode, planted.prompt);
            SdkChecks.assertBlocked(run, server.received(), "io.github.ollama4j.exceptions.OllamaException", planted);
        }
    }
}
