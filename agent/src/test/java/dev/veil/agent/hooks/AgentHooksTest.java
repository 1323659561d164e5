package dev.veil.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.call.CallRecord;
import dev.veil.agent.config.VeilConfig;
import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one place a decision about an LLM request is made: modes, failure policy, bookkeeping. */
class AgentHooksTest {

    private static final String EMAIL = "jane.roe@example.org";
    private static final byte[] CHAT = ("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"mail "
            + EMAIL + " now\"}]}").getBytes(StandardCharsets.UTF_8);

    private final List<CallRecord> ended = new ArrayList<CallRecord>();

    private AgentHooks hooks(String... settings) {
        Map<String, String> map = new HashMap<String, String>();
        for (int i = 0; i < settings.length; i += 2) {
            map.put(settings[i], settings[i + 1]);
        }
        return new AgentHooks(VeilConfig.of(map), ended::add);
    }

    private static Object chatEndpoint(AgentHooks hooks) {
        Object endpoint = hooks.matchEndpoint("POST", "http", "127.0.0.1", 8080, "/v1/chat/completions", null);
        assertNotNull(endpoint);
        return endpoint;
    }

    @Test
    void nonLlmRequestsAreNotMatched() {
        assertNull(hooks().matchEndpoint("POST", "https", "example.com", -1, "/orders", null));
    }

    @Test
    void redactRewritesAndFollowsTheCall() {
        AgentHooks hooks = hooks();
        RequestVerdict v = hooks.inspectRequest(chatEndpoint(hooks), CHAT, null, null, true);
        assertTrue(v.isRewrite());
        String sent = new String(v.body(), StandardCharsets.UTF_8);
        assertFalse(sent.contains(EMAIL), sent);
        assertTrue(sent.startsWith("{\"model\":\"gpt-4o-mini\""), sent);
        CallRecord call = (CallRecord) v.call();
        assertEquals(CallRecord.Action.REDACTED, call.action());
        assertEquals(Integer.valueOf(1), call.findings().get("email_address"));
        hooks.callEnded(call, null);
        hooks.callEnded(call, null);
        assertEquals(1, ended.size(), "a call ends exactly once");
    }

    @Test
    void aCancelAfterTheModelFinishedIsACompletedCall() {
        AgentHooks hooks = hooks();
        byte[] stream = ("data: {\"id\":\"c\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},"
                + "\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] finish = ("data: {\"id\":\"c\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
        CallRecord midway = (CallRecord) hooks.inspectRequest(chatEndpoint(hooks), CHAT, null, null, false).call();
        hooks.responseStarted(midway, 200, "text/event-stream", null);
        hooks.responseChunk(midway, stream, 0, stream.length);
        hooks.callEnded(midway, new java.util.concurrent.CancellationException("cancelled"));
        assertNotNull(midway.failure(), "cancelled before the model finished");

        CallRecord done = (CallRecord) hooks.inspectRequest(chatEndpoint(hooks), CHAT, null, null, false).call();
        hooks.responseStarted(done, 200, "text/event-stream", null);
        hooks.responseChunk(done, stream, 0, stream.length);
        hooks.responseChunk(done, finish, 0, finish.length);
        hooks.callEnded(done, new java.util.concurrent.CancellationException("stopped at [DONE]"));
        assertNull(done.failure(), "the app stopped reading after the model finished");
    }

    @Test
    void blockNamesDetectorIdsNeverValues() {
        AgentHooks hooks = hooks("veil.prompt.mode", "block");
        RequestVerdict v = hooks.inspectRequest(chatEndpoint(hooks), CHAT, null, null, true);
        assertTrue(v.isBlock());
        assertEquals("veil: blocked: the prompt holds email_address x1", v.message());
        assertEquals(CallRecord.Action.BLOCKED, ended.get(0).action());
    }

    @Test
    void auditAndOffSendTheOriginalBytes() {
        for (String mode : new String[] {"audit", "off"}) {
            AgentHooks hooks = hooks("veil.prompt.mode", mode);
            RequestVerdict v = hooks.inspectRequest(chatEndpoint(hooks), CHAT, null, null, true);
            assertTrue(v.isPass(), mode);
            assertNotNull(v.call(), mode);
        }
    }

    @Test
    void aBodyThatCannotBeDecodedFailsClosedByDefault() {
        AgentHooks hooks = hooks();
        RequestVerdict v = hooks.inspectRequest(chatEndpoint(hooks), CHAT, "gzip", null, true);
        assertTrue(v.isBlock());
        assertTrue(v.message().startsWith("veil: the prompt could not be inspected"), v.message());
        assertFalse(v.message().contains(EMAIL));
    }

    @Test
    void openPolicySendsWhatCouldNotBeInspected() {
        AgentHooks hooks = hooks("veil.failure", "open");
        RequestVerdict v = hooks.inspectRequest(chatEndpoint(hooks), CHAT, "gzip", null, true);
        assertTrue(v.isPass());
    }

    @Test
    void oversizedBodiesFollowThePolicy() {
        AgentHooks closed = hooks("veil.prompt.max-bytes", "16");
        assertTrue(closed.inspectRequest(chatEndpoint(closed), CHAT, null, null, true).isBlock());
        assertTrue(closed.interceptionFailed(chatEndpoint(closed), new PromptTooLargeException(16)).message()
                .contains("larger than veil.prompt.max-bytes"));
        AgentHooks open = hooks("veil.prompt.max-bytes", "16", "veil.failure", "open");
        assertTrue(open.inspectRequest(chatEndpoint(open), CHAT, null, null, true).isPass());
    }

    @Test
    void aGenericPathWhoseBodyIsNoLlmRequestIsNotAnLlmCall() {
        AgentHooks hooks = hooks();
        Object endpoint = hooks.matchEndpoint("POST", "http", "internal.example", 8080, "/api/chat", null);
        assertNotNull(endpoint, "a known API path on any host is a candidate");
        byte[] notLlm = ("{\"room\":\"general\",\"text\":\"ping " + EMAIL + "\"}").getBytes(StandardCharsets.UTF_8);
        RequestVerdict v = hooks.inspectRequest(endpoint, notLlm, null, null, true);
        assertTrue(v.isPass());
        assertNull(v.call(), "no call record, so no span or audit line");
        assertTrue(ended.isEmpty());
    }

    @Test
    void nothingFoundMeansTheOriginalArray() {
        AgentHooks hooks = hooks();
        byte[] clean = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}".getBytes(StandardCharsets.UTF_8);
        RequestVerdict v = hooks.inspectRequest(chatEndpoint(hooks), clean, null, null, false);
        assertTrue(v.isPass());
        assertNull(v.body());
        assertArrayEquals(clean, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}".getBytes(StandardCharsets.UTF_8));
    }
}
