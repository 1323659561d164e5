package dev.veil.agent.llm.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.veil.agent.llm.ApiFamily;
import dev.veil.agent.llm.Fixtures;
import dev.veil.agent.llm.ResponseInfo;
import dev.veil.agent.llm.response.FramedParser.Framing;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Messages larger than the buffer cap go to the incremental parser: the result must not depend on which
 * reader handled a message.
 */
class OversizedMessageTest {

    private static String parse(ApiFamily family, Framing framing, byte[] body, int cap, long seed) {
        FramedParser p = new FramedParser(family, framing, framing != Framing.JSON, null, 10_000, 0, cap);
        Random random = new Random(seed);
        int pos = 0;
        while (pos < body.length) {
            int n = Math.min(body.length - pos, 1 + random.nextInt(64));
            p.onBytes(body, pos, n);
            pos += n;
        }
        p.onEnd();
        ResponseInfo r = p.result();
        assertFalse(r.malformed(), family + " " + framing);
        return r + " " + r.outputText() + " " + r.systemFingerprint();
    }

    private static void sameEitherWay(ApiFamily family, Framing framing, String fixture) {
        byte[] body = Fixtures.bytes("response/" + fixture);
        String buffered = parse(family, framing, body, MessageBuffer.DEFAULT_CAP, 1);
        for (int cap : new int[] {1, 16, 100}) {
            for (long seed = 0; seed < 20; seed++) {
                assertEquals(buffered, parse(family, framing, body, cap, seed), fixture + " cap " + cap);
            }
        }
    }

    @Test
    void incrementalAndBufferedReadersAgree() {
        sameEitherWay(ApiFamily.OPENAI_CHAT, Framing.SSE, "openai-chat-stream.sse");
        sameEitherWay(ApiFamily.OPENAI_CHAT, Framing.JSON, "openai-chat.json");
        sameEitherWay(ApiFamily.OPENAI_RESPONSES, Framing.SSE, "openai-responses-stream.sse");
        sameEitherWay(ApiFamily.ANTHROPIC_MESSAGES, Framing.SSE, "anthropic-stream.sse");
        sameEitherWay(ApiFamily.GEMINI_GENERATE, Framing.SSE, "gemini-stream.sse");
        sameEitherWay(ApiFamily.OLLAMA_CHAT, Framing.NDJSON, "ollama-chat-stream.ndjson");
        sameEitherWay(ApiFamily.COHERE_CHAT, Framing.SSE, "cohere-chat-stream.sse");
    }
}
