package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.llm.stream.OpenAiUsageStripper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OpenAiUsageStripperTest {
    static final int SPLITS = 500;

    private static String strip(OpenAiUsageStripper s, byte[] in, Random random) {
        return new String(stripBytes(s, in, random), StandardCharsets.UTF_8);
    }

    private static byte[] stripBytes(OpenAiUsageStripper s, byte[] in, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < in.length) {
            int n = random == null ? in.length : Math.min(in.length - pos, 1 + random.nextInt(random.nextBoolean() ? 4 : 300));
            byte[] got = s.filter(in, pos, n);
            out.write(got, 0, got.length);
            pos += n;
        }
        byte[] rest = s.finish();
        out.write(rest, 0, rest.length);
        return out.toByteArray();
    }

    private static String strip(String in) {
        return strip(new OpenAiUsageStripper(), in.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void appSeesTheStreamItWouldHaveGotWithoutTheOption() {
        String with = Fixtures.text("response/openai-chat-stream.sse");
        String without = Fixtures.text("response/openai-chat-stream-without-usage.sse");
        String[] lineEnds = {"\n", "\r\n", "\r"};
        for (String eol : lineEnds) {
            byte[] in = with.replace("\n", eol).getBytes(StandardCharsets.UTF_8);
            String expected = without.replace("\n", eol);
            for (int seed = 0; seed < SPLITS; seed++) {
                OpenAiUsageStripper s = new OpenAiUsageStripper();
                assertEquals(expected, strip(s, in, new Random(seed)), "line end " + eol.length() + " seed " + seed);
                assertTrue(s.usageChunkRemoved());
                assertEquals(4, s.nullUsagesRemoved());
                assertEquals(Long.valueOf(9), s.inputTokens());
                assertEquals(Long.valueOf(3), s.outputTokens());
                assertEquals(Long.valueOf(0), s.cachedTokens());
                assertEquals(Long.valueOf(0), s.reasoningTokens());
            }
        }
    }

    @Test
    void streamsWithoutTheOptionPassUnchanged() {
        for (String f : new String[] {"openai-chat-stream-tools.sse", "mistral-stream.sse", "anthropic-stream.sse"}) {
            String in = Fixtures.text("response/" + f);
            for (int seed = 0; seed < 50; seed++) {
                OpenAiUsageStripper s = new OpenAiUsageStripper();
                assertEquals(in, strip(s, in.getBytes(StandardCharsets.UTF_8), new Random(seed)), f);
                assertFalse(s.usageChunkRemoved());
            }
        }
    }

    @Test
    void memberPositionAndSpacingAreRespected() {
        assertEquals("data: {\"id\":\"a\", \"choices\": [{\"delta\": {}}]}\n\n",
                strip("data: {\"id\":\"a\", \"choices\": [{\"delta\": {}}], \"usage\": null}\n\n"));
        assertEquals("data: {\"id\":\"a\",\"choices\":[]}\n\n", strip("data: {\"usage\":null,\"id\":\"a\",\"choices\":[]}\n\n"));
        assertEquals("data: {\"id\":\"a\",\"choices\":[],\"obfuscation\":\"x\"}\n\n",
                strip("data: {\"id\":\"a\",\"choices\":[],\"usage\":null,\"obfuscation\":\"x\"}\n\n"));
        String azureFilter = "data: {\"choices\":[],\"created\":0,\"id\":\"\",\"prompt_filter_results\":[]}\n\n";
        assertEquals(azureFilter, strip(azureFilter), "an empty-choices chunk without usage stays");
        String usageWithChoices = "data: {\"choices\":[{\"delta\":{}}],\"usage\":{\"prompt_tokens\":1}}\n\n";
        assertEquals(usageWithChoices, strip(usageWithChoices), "usage the provider always sends stays");
        assertEquals(": keep-alive\n\ndata: [DONE]\n\n", strip(": keep-alive\n\ndata: [DONE]\n\n"));
        assertEquals("data: {\"a\":\"usage\\\"null\"}\n\n", strip("data: {\"a\":\"usage\\\"null\"}\n\n"));
    }

    @Test
    void onlyPlainEventStreamsAreFiltered() {
        assertTrue(OpenAiUsageStripper.canStrip("text/event-stream; charset=utf-8", null));
        assertTrue(OpenAiUsageStripper.canStrip("Text/Event-Stream", "identity"));
        assertFalse(OpenAiUsageStripper.canStrip("text/event-stream", "gzip"));
        assertFalse(OpenAiUsageStripper.canStrip("application/json", null));
        assertFalse(OpenAiUsageStripper.canStrip(null, null));
    }

    @Test
    void oversizedEventPassesThrough() {
        StringBuilder big = new StringBuilder("data: {\"choices\":[{\"delta\":{\"content\":\"");
        while (big.length() < OpenAiUsageStripper.MAX_EVENT_BYTES + 10) {
            big.append("abcdefghij");
        }
        big.append("\"}}],\"usage\":null}\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":2}}\n\n");
        String out = strip(big.toString());
        assertEquals(big.substring(0, big.indexOf("\n\n") + 2), out, "the huge event is kept as is, the usage chunk goes");
    }

    @Test
    void corruptionNeverThrowsOrInventsBytes() {
        byte[] in = Fixtures.bytes("response/openai-chat-stream.sse");
        for (int seed = 0; seed < 1000; seed++) {
            Random random = new Random(seed);
            byte[] bad = ResponsePropertyTest.corrupt(in, random);
            byte[] out = stripBytes(new OpenAiUsageStripper(), bad, random);
            assertTrue(out.length <= bad.length, "seed " + seed);
        }
    }
}
