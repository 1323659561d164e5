package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first end-to-end slice: an unmodified app posts OpenAI chat completions through
 * {@code java.net.http.HttpClient}; a real local server records what arrived. Runs on JDK 17 and 25.
 * What every client must do (call styles, block, audit, off, other requests, streams) is in
 * {@code conformance.JdkHttpClientConformanceIT}; these are the JDK client's own variants.
 */
class JdkHttpClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path APP = ChildJvm.testAppJar("jdk-httpclient-app", "jdk-httpclient-app.jar");

    @TempDir
    Path tmp;

    static Stream<Arguments> jdksAndCallStyles() {
        List<Arguments> args = new ArrayList<>();
        for (Jdks.Jdk jdk : Jdks.all()) {
            // send, sendAsync and inputStream (unknown length) run in JdkHttpClientConformanceIT with the same checks.
            for (String how : new String[] {"byteArray"}) {
                args.add(Arguments.of(jdk, how));
            }
        }
        return args.stream();
    }

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jdksAndCallStyles")
    void redactsThePromptWhateverTheBodyPublisher(Jdks.Jdk jdk, String how) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(how.hashCode());
        String key = secrets.openAiKey();
        String email = secrets.email();
        String sent = ChatBodies.chat("Mail " + email + " the key " + key + " please.");
        try (FakeLlmServer server = new FakeLlmServer()) {
            ChildJvm.Result run = ChildJvm.on(jdk).runJar(APP, server.url("/v1/chat/completions"), how, write(sent));

            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertTrue(run.line("BODY").contains("chatcmpl-it"), run::toString);
            FakeLlmServer.Received got = server.only();
            String body = got.bodyText();
            assertFalse(body.contains(key), "the key reached the server: " + body);
            assertFalse(body.contains(email), "the e-mail reached the server: " + body);
            assertNotEquals(sent, body);

            JsonNode json = JSON.readTree(got.body);
            assertEquals("gpt-4o-mini", json.get("model").asText());
            assertEquals("You are a careful assistant.", json.at("/messages/0/content").asText());
            assertEquals("user", json.at("/messages/1/role").asText());
            assertTrue(json.at("/messages/1/content").asText().startsWith("Mail "), body);
            assertEquals(0.2, json.get("temperature").asDouble());
            if (!"inputStream".equals(how)) {
                assertEquals(String.valueOf(got.body.length), got.headers.getFirst("Content-length"));
            }
            assertNoSecretIn(run, key, email);
            assertExactlyOneStartupLine(run, "redact");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void redactsTextParts(Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(7);
        String key = secrets.openAiKey();
        String email = secrets.email();
        String sent = ChatBodies.chatWithParts("my key: " + key, "reply to " + email);
        try (FakeLlmServer server = new FakeLlmServer()) {
            ChildJvm.Result run = ChildJvm.on(jdk).runJar(APP, server.url("/v1/chat/completions"), "send", write(sent));
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            String body = server.only().bodyText();
            assertFalse(body.contains(key), body);
            assertFalse(body.contains(email), body);
            JsonNode json = JSON.readTree(body);
            assertTrue(json.at("/messages/0/content/0/text").asText().startsWith("my key: "), body);
            assertTrue(json.at("/messages/0/content/1/text").asText().startsWith("reply to "), body);
            assertFalse(json.get("stream").asBoolean());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void offModeChangesNothing(Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(17);
        String sent = ChatBodies.chat("key " + secrets.openAiKey() + " for " + secrets.email());
        try (FakeLlmServer server = new FakeLlmServer()) {
            ChildJvm.Result run = ChildJvm.on(jdk).property("veil.prompt.mode", "off")
                    .runJar(APP, server.url("/v1/chat/completions"), "inputStream", write(sent));
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertArrayEquals(sent.getBytes(StandardCharsets.UTF_8), server.only().body);
            assertExactlyOneStartupLine(run, "off");
        }
    }

    private String write(String body) throws Exception {
        Path file = Files.createTempFile(tmp, "body", ".json");
        Files.write(file, body.getBytes(StandardCharsets.UTF_8));
        return file.toString();
    }

    /** The canary rule: neither the agent's log nor anything the app printed holds a planted value. */
    static void assertNoSecretIn(ChildJvm.Result run, String... values) {
        for (String v : values) {
            assertFalse(run.stderr.contains(v), "a planted value appeared on stderr:\n" + run);
            assertFalse(run.stdout.contains(v), "a planted value appeared on stdout:\n" + run);
        }
    }

    static void assertExactlyOneStartupLine(ChildJvm.Result run, String mode) {
        List<String> info = run.agentLines().stream().filter(l -> l.startsWith("[veil] INFO")).toList();
        assertEquals(1, info.size(), run::toString);
        assertTrue(info.get(0).matches("\\[veil] INFO Veil \\S+ started: prompt mode " + mode + ", .*"), info.get(0));
    }
}
