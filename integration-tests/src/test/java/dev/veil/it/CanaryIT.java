package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary: one secret and one personal-data value, generated for this run, pushed through every path
 * at once in one app (test-apps/logback-app {@code CanaryApp}): the prompt, tool-call arguments and a tool
 * result (HttpURLConnection), a model answer that repeats both, Logback (console, file, async file) and
 * java.util.logging (console, file), exception messages (logged, printed, uncaught on a thread),
 * System.out/System.err, GenAI spans with content capture on (exported over OTLP to a real receiver), the
 * audit file and the agent's own log at debug level. Neither value, nor any 12-character piece of the
 * secret, may appear in any byte of any output; each path is also checked to have carried the event
 * (masked or redacted, not dropped).
 */
class CanaryIT {

    @TempDir
    Path dir;

    @Test
    void oneSecretAndOnePersonalValueNeverAppearInAnyOutput() throws Exception {
        long seed = System.nanoTime();
        TestSecrets generated = new TestSecrets(seed);
        String secret = generated.openAiKey();
        String pii = generated.email();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path audit = dir.resolve("audit.jsonl");
        String path = "/v1/chat/completions";
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            // a model that repeats what it should not
            llm.reply(path, new FakeLlmServer.Reply(200, "application/json", "{\"id\":\"chatcmpl-canary\",\"object\":\"chat.completion\","
                    + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Your key "
                    + secret + " belongs to " + pii + ".\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":40,"
                    + "\"completion_tokens\":9}}"));
            ChildJvm.Result run = ChildJvm.on(Jdks.current())
                    .property("veil.log.level", "debug")
                    .property("veil.logs.pii", "true")
                    .property("veil.audit.file", audit.toString())
                    .property("veil.otel.enabled", "true")
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint())
                    .env("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true")
                    .property("log.dir", logs.toString())
                    .property("logback.configurationFile", ChildJvm.testAppFile("logback-app", "classes/logback.xml").toString())
                    .runClass(List.of(ChildJvm.testAppFile("logback-app", "logback-app.jar").toString(),
                            ChildJvm.testAppFile("logback-app", "logback15") + "/*"), "dev.veil.testapp.canary.CanaryApp",
                            llm.url(path), secret, pii, logs.toString());
            assertEquals(0, run.exitCode, run::toString);
            assertTrue(run.stdout.contains("CANARY DONE"), run::toString);

            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("stdout", run.stdout);
            outputs.put("stderr (app and agent log)", run.stderr);
            for (String file : new String[] {"app.log", "async.log", "jul.log"}) {
                outputs.put(file, LogOutputs.read(logs.resolve(file)));
            }
            outputs.put("bytes the LLM server received", String.join("\n", received(llm)));
            List<String> exported = new ArrayList<>();
            for (byte[] b : otlp.raw()) {
                exported.add(new String(b, StandardCharsets.ISO_8859_1));
                exported.add(new String(b, StandardCharsets.UTF_8));
            }
            outputs.put("exported OTLP bytes", String.join("\n", exported));
            List<String> spans = new ArrayList<>();
            otlp.spans().forEach(s -> spans.add(s.toString()));
            outputs.put("decoded spans", String.join("\n", spans));
            outputs.put("audit file", new String(Files.readAllBytes(audit), StandardCharsets.UTF_8));
            for (Map.Entry<String, String> o : outputs.entrySet()) {
                assertAbsent(o.getKey(), o.getValue(), secret, pii, seed);
            }

            // Each path carried its event, masked or redacted rather than dropped.
            String sent = received(llm).get(0);
            assertTrue(sent.contains("[[VEIL:OPENAI_API_KEY_1]]") && sent.contains("[[VEIL:EMAIL_ADDRESS_1]]")
                    && sent.contains("send_mail") && sent.contains("call_1"), sent);
            assertTrue(run.stdout.contains("REPLY 200 ") && run.stdout.contains("stdout: key [[VEIL:"), run.stdout);
            assertTrue(run.stderr.contains("stderr: key [[VEIL:") && run.stderr.contains("canary-worker")
                    && run.stderr.contains("worker died holding [[VEIL:"), run.stderr);
            for (String file : new String[] {"app.log", "async.log"}) {
                String text = outputs.get(file);
                assertTrue(text.contains("model answered") && text.contains("billing call failed")
                        && text.contains("billing rejected key [[VEIL:") && text.contains("401 for [[VEIL:"), file + ":\n" + text);
            }
            assertTrue(outputs.get("jul.log").contains("billing rejected key [[VEIL:"), outputs.get("jul.log"));
            OtlpReceiver.ReceivedSpan span = otlp.spans().stream().filter(s -> s.string("gen_ai.input.messages") != null)
                    .findFirst().orElseThrow(() -> new AssertionError("no span with content:\n" + run));
            assertTrue(span.string("gen_ai.input.messages").contains("[[VEIL:"), span::toString);
            assertTrue(span.string("gen_ai.output.messages").contains("[[VEIL:"), span::toString);
            String auditLine = outputs.get("audit file").trim();
            assertTrue(auditLine.contains("\"openai_api_key\":") && auditLine.contains("\"fingerprints\":"), auditLine);
            assertTrue(run.agentLines().stream().anyMatch(l -> l.contains("DEBUG") && l.contains("redacted")), run::toString);
        }
    }

    private static List<String> received(FakeLlmServer llm) {
        List<String> all = new ArrayList<>();
        for (FakeLlmServer.Received r : llm.received()) {
            all.add(r.method + " " + r.path + "\n" + r.headers + "\n" + r.decodedText());
        }
        assertEquals(1, all.size(), "one LLM call");
        return all;
    }

    /** Neither value, and no 12-character window of the secret (a partly masked key still leaks). */
    private static void assertAbsent(String what, String text, String secret, String pii, long seed) {
        List<String> needles = new ArrayList<>();
        needles.add(pii);
        needles.add(pii.substring(0, pii.indexOf('@')));
        for (int i = 0; i + 12 <= secret.length(); i += 4) {
            needles.add(secret.substring(i, i + 12));
        }
        for (String n : needles) {
            int at = text.indexOf(n);
            if (at >= 0) {
                int from = Math.max(0, at - 120);
                fail(what + " holds a planted value (seed " + seed + "): ..." + text.substring(from, Math.min(text.length(), at + 120)));
            }
        }
        assertFalse(text.isEmpty(), what + " is empty: the path was not exercised");
    }
}
