package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streaming through the JDK client: the app reads exactly the bytes it reads without the agent — also
 * when Veil asks the server for streamed token usage and removes it again before the app sees it.
 */
class JdkHttpStreamingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path APP = ChildJvm.testAppJar("jdk-httpclient-app", "jdk-httpclient-app.jar");

    @TempDir
    Path tmp;

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void theAppReadsTheSameStreamWithAndWithoutVeil(Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(41);
        String email = secrets.email();
        Path body = Files.writeString(tmp.resolve("stream.json"),
                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"mail " + email + "\"}]}");
        try (FakeLlmServer server = new FakeLlmServer()) {
            String url = server.url("/v1/chat/completions");
            ChildJvm.Result plain = ChildJvm.on(jdk).withoutAgent().runJar(APP, url, "stream", body.toString());
            ChildJvm.Result teed = ChildJvm.on(jdk).property("veil.log.level", "debug").runJar(APP, url, "stream", body.toString());
            ChildJvm.Result injected = ChildJvm.on(jdk).property("veil.log.level", "debug")
                    .property("veil.stream.usage", "inject").runJar(APP, url, "stream", body.toString());

            String expected = plain.line("STREAM");
            assertTrue(new String(Base64.getDecoder().decode(expected.substring(7)), StandardCharsets.UTF_8)
                    .contains("data: [DONE]"), plain::toString);
            assertEquals(expected, teed.line("STREAM"), teed::toString);
            assertEquals(expected, injected.line("STREAM"), "the app must not see the usage Veil asked for:\n" + injected);

            JsonNode sentWithInjection = JSON.readTree(server.received().get(2).body);
            assertTrue(sentWithInjection.at("/stream_options/include_usage").asBoolean(), sentWithInjection::toString);
            assertFalse(server.received().get(1).bodyText().contains("stream_options"), "auto must not inject for an unknown server");
            assertFalse(server.received().get(1).bodyText().contains(email));

            assertTrue(injected.agentLines().stream().anyMatch(l -> l.contains("tokens in 9 out 2")), injected::toString);
            assertTrue(teed.agentLines().stream().anyMatch(l -> l.contains("model gpt-4o-mini-2024-07-18")), teed::toString);
            JdkHttpClientIT.assertNoSecretIn(injected, email);
        }
    }
}
