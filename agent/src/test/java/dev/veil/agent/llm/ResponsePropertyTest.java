package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Seeded property tests over every response fixture: chunking never matters, corruption never throws. */
class ResponsePropertyTest {
    static final int SPLITS_PER_CASE = 300;
    static final int CORRUPTIONS_PER_CASE = 300;

    @Test
    void anyChunkingGivesTheSameResult() {
        int runs = 0;
        for (ResponseCase c : ResponseCases.ALL) {
            String whole = Chunking.describe(c.parse());
            assertFalse(c.parse().malformed(), c.name);
            for (int seed = 0; seed < SPLITS_PER_CASE; seed++) {
                ResponseInfo r = Chunking.feedRandomly(c.parser(10_000), c.body, new Random(seed));
                assertEquals(whole, Chunking.describe(r), c.name + " seed " + seed);
                runs++;
            }
            ResponseParser oneByOne = c.parser(10_000);
            for (int i = 0; i < c.body.length; i++) {
                oneByOne.onBytes(c.body, i, 1);
            }
            oneByOne.onEnd();
            assertEquals(whole, Chunking.describe(oneByOne.result()), c.name + " byte by byte");
        }
        assertEquals(ResponseCases.ALL.size() * SPLITS_PER_CASE, runs);
    }

    @Test
    void compressedBodiesGiveTheSameResult() throws IOException {
        for (ResponseCase c : ResponseCases.ALL) {
            String whole = Chunking.describe(c.parse());
            byte[][] encoded = {gzip(c.body), deflate(c.body)};
            String[] names = {"gzip", "deflate"};
            for (int e = 0; e < 2; e++) {
                for (int seed = 0; seed < 50; seed++) {
                    ResponseParser p = ResponseParsers.forResponse(c.match, c.request, c.contentType, names[e], 10_000,
                            System.nanoTime());
                    assertEquals(whole, Chunking.describe(Chunking.feedRandomly(p, encoded[e], new Random(seed))),
                            c.name + " " + names[e] + " seed " + seed);
                }
            }
        }
    }

    @Test
    void corruptionNeverThrows() {
        for (ResponseCase c : ResponseCases.ALL) {
            for (int seed = 0; seed < CORRUPTIONS_PER_CASE; seed++) {
                Random random = new Random(seed);
                byte[] body = corrupt(c.body, random);
                String encoding = random.nextInt(5) == 0 ? "gzip" : null;
                ResponseParser p = ResponseParsers.forResponse(c.match, c.request, c.contentType, encoding, 100,
                        System.nanoTime());
                assertNotNull(Chunking.feedRandomly(p, body, random), c.name);
                p.onBytes(body, 0, body.length); // after onEnd: ignored, no exception
                p.onBytes(null, 0, 5);
                p.onBytes(body, body.length, 5);
                p.onHeader(null, "x");
                p.onHeader("x-amzn-bedrock-input-token-count", "not a number");
            }
        }
    }

    @Test
    void garbageInEveryFramingNeverThrows() {
        String[] types = {"text/event-stream", "application/json", "application/x-ndjson", "application/vnd.amazon.eventstream"};
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(3000)];
            random.nextBytes(junk);
            ResponseCase c = ResponseCases.ALL.get(random.nextInt(ResponseCases.ALL.size()));
            ResponseParser p = ResponseParsers.forResponse(c.match, c.request, types[i % types.length],
                    i % 7 == 0 ? "deflate" : null, 50, System.nanoTime());
            assertNotNull(Chunking.feedRandomly(p, junk, random));
        }
    }

    /** Flips, deletes, duplicates or truncates a few random bytes. */
    static byte[] corrupt(byte[] body, Random random) {
        byte[] b = body.clone();
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0:
                    b[at] = (byte) random.nextInt(256);
                    break;
                case 1:
                    b = splice(b, at, Math.min(b.length, at + 1 + random.nextInt(20)), new byte[0]);
                    break;
                case 2:
                    byte[] dup = java.util.Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + random.nextInt(40)));
                    b = splice(b, at, at, dup);
                    break;
                default:
                    b = java.util.Arrays.copyOf(b, at);
                    break;
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
