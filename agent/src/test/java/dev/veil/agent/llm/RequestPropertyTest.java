package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded property tests of the request rewriter. */
class RequestPropertyTest {
    static final int RANDOM_BODIES = 3000;
    static final int CORRUPTIONS_PER_FIXTURE = 300;
    private static final List<String> FIXTURES = Arrays.asList("openai-chat-string.json", "openai-chat-parts.json",
            "openai-chat-tools.json", "openai-responses.json", "anthropic-messages.json", "gemini.json",
            "bedrock-converse.json", "ollama-chat.json", "cohere-chat.json");

    @Test
    void randomBodiesKeepTheirStructureAndLoseTheirSecrets() {
        EndpointMatch match = Endpoints.match("https://api.openai.com/v1/chat/completions");
        for (int seed = 0; seed < RANDOM_BODIES; seed++) {
            String input = new RandomRequests(new Random(seed)).body();
            RewriteResult r = RequestRewriter.rewrite(match, input.getBytes(StandardCharsets.UTF_8), null,
                    new CanaryScrubber());
            String output = new String(r.body(), StandardCharsets.UTF_8);
            for (String c : RedactionCheck.markers(input, "CANARY")) {
                assertFalse(output.contains(c), "seed " + seed + " leaked " + c + " in " + output);
            }
            for (String k : RedactionCheck.markers(input, "KEEPME")) {
                assertTrue(output.contains(k), "seed " + seed + " altered " + k);
            }
            String expected = input;
            for (String c : RedactionCheck.markers(input, "CANARY")) {
                expected = expected.replace(c, CanaryScrubber.PLACEHOLDER);
            }
            if (!r.usageInjected()) {
                assertEquals(expected, output, "seed " + seed);
            }
            RedactionCheck.assertValidJson(r.body());
        }
    }

    @Test
    void corruptedBodiesNeverLeakAndNeverBreak() {
        EndpointMatch match = Endpoints.match("https://api.openai.com/v1/chat/completions");
        int runs = 0;
        for (String fixture : FIXTURES) {
            for (int seed = 0; seed < CORRUPTIONS_PER_FIXTURE; seed++) {
                byte[] body = ResponsePropertyTest.corrupt(
                        Fixtures.planted("request/" + fixture).getBytes(StandardCharsets.UTF_8), new Random(seed));
                RewriteResult r;
                try {
                    r = RequestRewriter.rewrite(match, body, null, new CanaryScrubber());
                } catch (WireFormatException refused) {
                    runs++;
                    continue; // the caller applies veil.failure; nothing was sent
                }
                runs++;
                if (!isJson(body)) {
                    String out = new String(r.body(), StandardCharsets.UTF_8);
                    assertEquals(Arrays.asList(), RedactionCheck.markers(out, "CANARY"),
                            fixture + " seed " + seed + ": text fallback leaked");
                } else {
                    RedactionCheck.assertValidJson(r.body());
                }
            }
        }
        assertEquals(FIXTURES.size() * CORRUPTIONS_PER_FIXTURE, runs);
    }

    private static boolean isJson(byte[] body) {
        try (JsonParser p = new JsonFactory().createParser(body)) {
            while (p.nextToken() != null) {
                // read all
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
