package dev.veil.agent.call;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.EndpointRegistry;
import dev.veil.agent.llm.RequestInfo;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** How a call's end is recorded when the reader closes the body before end of stream. */
class CallRecordEndTest {

    private static final String DONE_STREAM = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    private static CallRecord call() {
        EndpointMatch match = EndpointRegistry.fromConfig(VeilConfig.defaults())
                .match("POST", "https", "api.openai.com", -1, "/v1/chat/completions", null);
        CallRecord call = new CallRecord(match, RequestInfo.fromMatch(match), CallRecord.Action.PASSED, null, null, null, null);
        call.responseStarted(200, "text/event-stream", null);
        return call;
    }

    @Test
    void aCloseAfterTheFinishReasonIsANormalEnd() {
        CallRecord call = call();
        byte[] b = DONE_STREAM.getBytes(StandardCharsets.UTF_8);
        call.responseChunk(b, 0, b.length);
        call.end(new CancellationException("closed after [DONE]"));
        assertNull(call.failure());
    }

    @Test
    void aCloseBeforeTheFinishReasonIsACancellation() {
        CallRecord call = call();
        byte[] b = DONE_STREAM.substring(0, DONE_STREAM.indexOf("data: ", 10)).getBytes(StandardCharsets.UTF_8);
        call.responseChunk(b, 0, b.length);
        CancellationException early = new CancellationException("closed early");
        call.end(early);
        assertSame(early, call.failure());
    }

    @Test
    void otherFailuresAfterTheFinishReasonAreKept() {
        CallRecord call = call();
        byte[] b = DONE_STREAM.getBytes(StandardCharsets.UTF_8);
        call.responseChunk(b, 0, b.length);
        java.io.IOException reset = new java.io.IOException("connection reset");
        call.end(reset);
        assertSame(reset, call.failure());
    }
}
