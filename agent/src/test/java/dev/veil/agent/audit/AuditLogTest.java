package dev.veil.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.call.CallRecord;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.hooks.AgentHooks;
import dev.veil.agent.log.VeilLog;
import dev.veil.bootstrap.RequestVerdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final String EMAIL = "max.mustermann@example.net";
    private static final java.util.regex.Pattern FINGERPRINTS =
            java.util.regex.Pattern.compile("\"fingerprints\":\\{\"email_address\":\\[(\"[0-9a-f]{12}\"(?:,\"[0-9a-f]{12}\")*)]}");

    @TempDir
    Path dir;

    private CallRecord redactedCall(AuditLog audit, String traceparent) {
        return call(new AgentHooks(VeilConfig.defaults(), audit), "write " + EMAIL, traceparent);
    }

    private static CallRecord call(AgentHooks hooks, String prompt, String traceparent) {
        return (CallRecord) verdict(hooks, prompt, traceparent).call();
    }

    /** Inspects a chat request holding {@code prompt} and plays a short JSON answer through the call. */
    private static RequestVerdict verdict(AgentHooks hooks, String prompt, String traceparent) {
        Object endpoint = hooks.matchEndpoint("POST", "https", "api.openai.com", -1, "/v1/chat/completions", null);
        byte[] body = ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        RequestVerdict v = hooks.inspectRequest(endpoint, body, null, traceparent, false);
        CallRecord call = (CallRecord) v.call();
        call.responseStarted(200, "application/json", null);
        byte[] reply = "{\"id\":\"r1\",\"model\":\"gpt-4o-2024\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        call.responseChunk(reply, 0, reply.length);
        call.end(null);
        return v;
    }

    @Test
    void writesOneLineOfIdsAndCountsNeverValues() throws Exception {
        Path file = dir.resolve("audit/veil-audit.jsonl");
        AuditLog audit = new AuditLog(file, 1 << 20, 2, VeilLog.get(AuditLogTest.class));
        redactedCall(audit, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.contains("\"provider\":\"openai\""), line);
        assertTrue(line.contains("\"model\":\"gpt-4o\""), line);
        assertTrue(line.contains("\"response_model\":\"gpt-4o-2024\""), line);
        assertTrue(line.contains("\"action\":\"redacted\""), line);
        assertTrue(line.contains("\"findings\":{\"email_address\":1}"), line);
        assertTrue(line.contains("\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\""), line);
        assertFalse(line.contains(EMAIL), line);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void fingerprintsAreTheHashOperatorsHmacNeverTheValue() throws Exception {
        Path file = dir.resolve("fp.jsonl");
        AuditLog audit = new AuditLog(file, 1 << 20, 1, VeilLog.get(AuditLogTest.class));
        String other = "erika.musterfrau@example.org";
        // The hash operator in the same process: its placeholder carries the same HMAC the audit line holds.
        AgentHooks hashing = new AgentHooks(VeilConfig.of(Collections.singletonMap("veil.redact.operator", "hash")), audit);
        RequestVerdict first = verdict(hashing, "mail " + EMAIL + " and " + other + " and again " + EMAIL, null);
        call(new AgentHooks(VeilConfig.defaults(), audit), "write " + EMAIL, null);
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"findings\":{\"email_address\":3}"), lines.get(0));
        // two distinct values -> two fingerprints, sorted, 12 hex digits (veil.redact.hash.length)
        java.util.regex.Matcher fa = FINGERPRINTS.matcher(lines.get(0));
        java.util.regex.Matcher fb = FINGERPRINTS.matcher(lines.get(1));
        assertTrue(fa.find() && fb.find(), lines.toString());
        List<String> firstHashes = java.util.Arrays.asList(fa.group(1).replace("\"", "").split(","));
        assertEquals(2, firstHashes.size(), lines.get(0));
        assertTrue(firstHashes.get(0).compareTo(firstHashes.get(1)) < 0, lines.get(0));
        // the same value in another call of the same process has the same fingerprint
        String emailHash = fb.group(1).replace("\"", "");
        assertTrue(firstHashes.contains(emailHash), lines.get(0) + "\n" + lines.get(1));
        // and it is exactly what the hash operator put in the prompt it rewrote
        String sent = new String(first.body(), StandardCharsets.UTF_8);
        assertTrue(sent.contains("#" + emailHash + "]]"), sent + "\n" + lines.get(1));
        assertFalse(sent.contains(EMAIL), sent);
        for (String line : lines) {
            assertFalse(line.contains(EMAIL) || line.contains(other) || line.contains("musterfrau"), line);
        }
    }

    @Test
    void aFailurePolicyOutcomeIsAuditedWithoutTheValue() throws Exception {
        Path file = dir.resolve("failures.jsonl");
        AuditLog audit = new AuditLog(file, 1 << 20, 1, VeilLog.get(AuditLogTest.class));
        byte[] notGzip = ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + EMAIL + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        for (String policy : new String[] {"closed", "open"}) {
            AgentHooks hooks = new AgentHooks(VeilConfig.of(Collections.singletonMap("veil.failure", policy)), audit);
            Object endpoint = hooks.matchEndpoint("POST", "https", "api.openai.com", -1, "/v1/chat/completions", null);
            RequestVerdict v = hooks.inspectRequest(endpoint, notGzip, "gzip", null, false);
            assertEquals("closed".equals(policy), v.isBlock(), policy);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"action\":\"blocked\"") && lines.get(0).contains("\"veil_error\":\"the prompt could not be inspected (")
                && lines.get(0).contains("; not sent\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"action\":\"passed\"") && lines.get(1).contains("; sent uninspected\""), lines.get(1));
        for (String line : lines) {
            assertFalse(line.contains(EMAIL), line);
        }
    }

    @Test
    void rotatesAtTheCapAndKeepsTheConfiguredNumber() throws Exception {
        Path file = dir.resolve("a.jsonl");
        AuditLog audit = new AuditLog(file, 600, 2, VeilLog.get(AuditLogTest.class));
        for (int i = 0; i < 10; i++) {
            redactedCall(audit, null);
        }
        assertTrue(Files.exists(file));
        assertTrue(Files.exists(dir.resolve("a.jsonl.1")));
        assertTrue(Files.exists(dir.resolve("a.jsonl.2")));
        assertFalse(Files.exists(dir.resolve("a.jsonl.3")));
        assertTrue(Files.size(file) <= 600);
    }

    @Test
    void anUnwritableFileNeverThrows() {
        AuditLog audit = new AuditLog(dir.resolve("missing-dir-is-a-file"), 1 << 20, 1, VeilLog.get(AuditLogTest.class));
        try {
            Files.write(dir.resolve("missing-dir-is-a-file"), Collections.singletonList("x"));
            Files.setPosixFilePermissions(dir.resolve("missing-dir-is-a-file"), PosixFilePermissions.fromString("r--------"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        redactedCall(audit, null);
        redactedCall(audit, null);
    }

    @Test
    void traceIdsAreParsedStrictly() {
        assertNull(AuditLog.traceId("garbage"));
        assertNull(AuditLog.traceId("00-xyz-abc-01"));
        assertEquals("0af7651916cd43dd8448eb211c80319c", AuditLog.traceId("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01"));
    }
}
