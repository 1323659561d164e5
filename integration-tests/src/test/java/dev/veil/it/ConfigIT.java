package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration as users meet it: properties, environment, file, typos and bad values. */
class ConfigIT {

    private static final Path APP = ChildJvm.testAppJar("jdk-httpclient-app", "jdk-httpclient-app.jar");

    @TempDir
    Path tmp;

    @Test
    void anInvalidValueStopsTheJvmWithOneLine() throws Exception {
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("veil.prompt.mode", "foo")
                .runJar(APP, "http://127.0.0.1:9/v1/chat/completions", "send", body("{}"));
        assertEquals(1, run.exitCode, run::toString);
        assertEquals("", run.stdout, "main must not have run");
        assertEquals("veil: invalid value 'foo' for veil.prompt.mode (expected one of: redact, block, audit, off)",
                run.stderr.strip(), run::toString);
    }

    @Test
    void anInvalidEnvironmentValueStopsTheJvmToo() throws Exception {
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).env("VEIL_PROMPT_MAX_BYTES", "lots")
                .runJar(APP, "http://127.0.0.1:9/v1/chat/completions", "send", body("{}"));
        assertEquals(1, run.exitCode, run::toString);
        assertEquals(1, run.stderr.strip().lines().count(), run::toString);
        assertTrue(run.stderr.startsWith("veil: invalid value 'lots' for veil.prompt.max-bytes ("), run::toString);
    }

    @Test
    void anUnknownKeyWarnsOnceNamingTheClosestKey() throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("veil.promt.mode", "block")
                    .runJar(APP, server.url("/v1/chat/completions"), "send", body(ChatBodies.chat("hello")));
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            List<String> warnings = run.agentLines().stream().filter(l -> l.contains("WARN")).toList();
            assertEquals(1, warnings.size(), run::toString);
            assertTrue(warnings.get(0).contains("veil.promt.mode") && warnings.get(0).contains("did you mean veil.prompt.mode"),
                    warnings.get(0));
        }
    }

    @Test
    void precedenceIsPropertyThenEnvironmentThenFile() throws Exception {
        Path file = tmp.resolve("veil.properties");
        Files.writeString(file, "veil.prompt.mode=block\n");
        TestSecrets secrets = new TestSecrets(23);
        String sent = ChatBodies.chat("reach me at " + secrets.email());
        try (FakeLlmServer server = new FakeLlmServer()) {
            String url = server.url("/v1/chat/completions");
            ChildJvm.Result fileOnly = ChildJvm.on(Jdks.current()).property("veil.config", file.toString())
                    .runJar(APP, url, "send", body(sent));
            assertTrue(fileOnly.line("ERROR").contains("veil: blocked"), fileOnly::toString);

            ChildJvm.Result envWins = ChildJvm.on(Jdks.current()).property("veil.config", file.toString())
                    .env("VEIL_PROMPT_MODE", "off").runJar(APP, url, "send", body(sent));
            assertEquals("STATUS 200", envWins.line("STATUS"), envWins::toString);
            assertArrayEquals(sent.getBytes(StandardCharsets.UTF_8), server.only().body);

            ChildJvm.Result propertyWins = ChildJvm.on(Jdks.current()).property("veil.config", file.toString())
                    .env("VEIL_PROMPT_MODE", "off").property("veil.prompt.mode", "block").runJar(APP, url, "send", body(sent));
            assertTrue(propertyWins.line("ERROR").contains("veil: blocked"), propertyWins::toString);
        }
    }

    @Test
    void disabledMeansUntouched() throws Exception {
        TestSecrets secrets = new TestSecrets(29);
        String sent = ChatBodies.chat("key " + secrets.openAiKey());
        try (FakeLlmServer server = new FakeLlmServer()) {
            ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("veil.enabled", "false")
                    .runJar(APP, server.url("/v1/chat/completions"), "send", body(sent));
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertArrayEquals(sent.getBytes(StandardCharsets.UTF_8), server.only().body);
            assertTrue(run.agentLines().get(0).contains("disabled"), run::toString);
        }
    }

    private String body(String text) throws Exception {
        Path file = Files.createTempFile(tmp, "body", ".json");
        Files.writeString(file, text);
        return file.toString();
    }
}
