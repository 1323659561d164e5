package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.veil.agent.config.ConfigException;
import dev.veil.agent.config.Setting;
import dev.veil.agent.config.SettingsCatalog;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.detect.Sample;
import dev.veil.agent.detect.Samples;
import dev.veil.agent.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing that runs in every build: the JSON request rewriter (every request family), every response
 * stream parser (SSE variants, NDJSON, JSON, the Gemini JSON array, AWS event stream binary with CRCs,
 * gzip/deflate) and configuration parsing get generated and mutated inputs from one seed, printed at the
 * start (reproduce a failure with {@code -Dveil.fuzz.seed=<seed>}; the sizes scale with
 * {@code -Dveil.fuzz.scale=<factor>}). Per input: no exception other than the component's documented one
 * ({@link WireFormatException}, {@link ConfigException}) escapes, and no input runs longer than
 * {@link #PER_INPUT_BOUND_MILLIS} (a watchdog fails the test naming the input). On every valid generated
 * request the redaction invariant holds: the planted generated secret or PII value never survives, the
 * fields the rewriter must not touch are intact, and the output is valid JSON with the same structure.
 */
class FuzzTest {
    static final long SEED = Long.getLong("veil.fuzz.seed", new java.security.SecureRandom().nextLong());
    static final double SCALE = Double.parseDouble(System.getProperty("veil.fuzz.scale", "1"));

    static final int GENERATED_REQUESTS = scaled(30_000);
    static final int MUTATED_REQUESTS = scaled(25_000);
    static final int MUTATED_RESPONSES = scaled(35_000);
    static final int GENERATED_EVENT_STREAMS = scaled(5_000);
    static final int CONFIGS = scaled(10_000);
    static final long PER_INPUT_BOUND_MILLIS = 5_000;

    /** Request families: fixture, endpoint. */
    private static final String BEDROCK = "https://bedrock-runtime.us-east-1.amazonaws.com/model/";
    private static final String[][] FAMILIES = {
        {"openai-chat-string.json", "https://api.openai.com/v1/chat/completions"},
        {"openai-chat-parts.json", "https://api.openai.com/v1/chat/completions"},
        {"openai-chat-tools.json", "https://api.openai.com/v1/chat/completions"},
        {"openai-completions.json", "https://api.openai.com/v1/completions"},
        {"openai-embeddings.json", "https://api.openai.com/v1/embeddings"},
        {"openai-responses.json", "https://api.openai.com/v1/responses"},
        {"openai-responses-string.json", "https://api.openai.com/v1/responses"},
        {"anthropic-messages.json", "https://api.anthropic.com/v1/messages"},
        {"gemini.json", "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse"},
        {"bedrock-converse.json", BEDROCK + "amazon.nova-pro-v1:0/converse"},
        {"bedrock-invoke-anthropic.json", BEDROCK + "anthropic.claude-3-5-sonnet-20240620-v1:0/invoke"},
        {"bedrock-invoke-titan.json", BEDROCK + "amazon.titan-text-express-v1/invoke"},
        {"bedrock-invoke-llama.json", BEDROCK + "meta.llama3-70b-instruct-v1:0/invoke-with-response-stream"},
        {"bedrock-invoke-mistral.json", BEDROCK + "mistral.mistral-7b-instruct-v0:2/invoke"},
        {"bedrock-invoke-cohere.json", BEDROCK + "cohere.command-r-plus-v1:0/invoke"},
        {"bedrock-invoke-titan-embed.json", BEDROCK + "amazon.titan-embed-text-v2:0/invoke"},
        {"ollama-chat.json", "http://localhost:11434/api/chat"},
        {"ollama-generate.json", "http://localhost:11434/api/generate"},
        {"cohere-chat.json", "https://api.cohere.com/v2/chat"},
        {"cohere-embed.json", "https://api.cohere.com/v2/embed"},
    };
    /** Words with no JSON escape, so they read the same inside a string and inside JSON inside a string. */
    private static final String[] WORDS = {"hello", "world", "naïve", "日本語", "🚀", "please", "summarise", "ok.", "(see", "below)",
        "x=1", "the", "and", "—", "ß", "#", "[", "}", "key:", "mail"};

    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, String> FIXTURE_TEXT = new HashMap<String, String>();
    private static final Map<String, Integer> COUNTS = new LinkedHashMap<String, Integer>();
    private static Redactor redactor;
    private static List<Sample> planted;

    private static int scaled(int n) {
        return Math.max(1, (int) Math.round(n * SCALE));
    }

    @BeforeAll
    static void seed() {
        System.out.println("[fuzz] seed " + SEED + " (reproduce with -Dveil.fuzz.seed=" + SEED + ")");
        redactor = Redactor.fromConfig(VeilConfig.defaults());
        planted = plantable(SEED);
    }

    @AfterAll
    static void report() {
        int total = 0;
        for (Map.Entry<String, Integer> e : COUNTS.entrySet()) {
            System.out.println("[fuzz] " + e.getKey() + ": " + e.getValue() + " inputs");
            total += e.getValue();
        }
        System.out.println("[fuzz] total " + total + " inputs, seed " + SEED);
    }

    /**
     * Positive detector samples (secrets and personal data generated from the seed) whose text needs no
     * JSON escaping and whose value the engine finds in that text: what the generators plant.
     */
    private static List<Sample> plantable(long seed) {
        List<Sample> out = new ArrayList<Sample>();
        for (Sample s : Samples.generate(seed)) {
            if (!s.isPositive() || s.value.length() < 8 || !escapeFree(s.text)) {
                continue;
            }
            String scrubbed = redactor.newSession(true).scrub(s.text);
            if (!scrubbed.contains(s.value)) {
                out.add(s);
            }
        }
        assertTrue(out.size() > 50, "too few plantable samples: " + out.size());
        return out;
    }

    private static boolean escapeFree(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ requests

    /** A generated request: bytes, the values planted, the markers that must stay. */
    private static final class Generated {
        final EndpointMatch match;
        final String text;
        final List<String> secrets = new ArrayList<String>();
        final List<String> keeps = new ArrayList<String>();

        Generated(EndpointMatch match, String text) {
            this.match = match;
            this.text = text;
        }
    }

    private static Generated generateRequest(Random r) {
        String template;
        EndpointMatch match;
        if (r.nextInt(3) == 0) {
            // free-form nesting, tool arguments as JSON inside strings, odd whitespace, to any family's endpoint
            template = new RandomRequests(r).body();
            match = Endpoints.match(FAMILIES[r.nextInt(FAMILIES.length)][1]);
            if (match.apiFamily() != ApiFamily.OPENAI_CHAT && match.apiFamily() != ApiFamily.GENERIC) {
                match = Endpoints.match("https://api.openai.com/v1/chat/completions");
            }
        } else {
            String[] family = FAMILIES[r.nextInt(FAMILIES.length)];
            template = Fixtures.plant(fixture(family[0]));
            match = Endpoints.match(family[1]);
        }
        assertNotNull(match);
        StringBuilder sb = new StringBuilder();
        Matcher m = CanaryScrubber.MARKER.matcher(template);
        int last = 0;
        List<String> secrets = new ArrayList<String>();
        List<String> keeps = new ArrayList<String>();
        while (m.find()) {
            sb.append(template, last, m.start());
            if (m.group().startsWith("CANARY")) {
                Sample s = planted.get(r.nextInt(planted.size()));
                sb.append(words(r)).append(' ').append(s.text).append(' ').append(words(r));
                secrets.add(s.value);
            } else {
                String keep = "KEEPME-" + Long.toHexString(r.nextLong());
                sb.append(keep);
                keeps.add(keep);
            }
            last = m.end();
        }
        sb.append(template.substring(last));
        Generated g = new Generated(match, sb.toString());
        g.secrets.addAll(secrets);
        g.keeps.addAll(keeps);
        return g;
    }

    private static synchronized String fixture(String name) {
        String text = FIXTURE_TEXT.get(name);
        if (text == null) {
            text = Fixtures.text("request/" + name);
            FIXTURE_TEXT.put(name, text);
        }
        return text;
    }

    private static String words(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    @Test
    void generatedRequestsOfEveryFamilyLoseEveryPlantedValueAndKeepTheirStructure() {
        fuzz("request rewriter, generated (" + FAMILIES.length + " family fixtures + random shapes)", GENERATED_REQUESTS,
                new Case() {
                    @Override
                    public void run(Random r, int i) throws Exception {
                        Generated g = generateRequest(r);
                        boolean gzip = r.nextInt(10) == 0;
                        byte[] in = g.text.getBytes(StandardCharsets.UTF_8);
                        RewriteResult result = RequestRewriter.rewrite(g.match, gzip ? ResponsePropertyTest.gzip(in) : in,
                                gzip ? "gzip" : null, redactor.newSession(true), r.nextBoolean());
                        byte[] outBytes = gzip ? gunzip(result.body()) : result.body();
                        String out = new String(outBytes, StandardCharsets.UTF_8);
                        for (String secret : g.secrets) {
                            if (out.contains(secret)) {
                                throw new AssertionError("a planted value survived (" + g.match.apiFamily() + "): " + out);
                            }
                        }
                        for (String keep : g.keeps) {
                            if (!out.contains(keep)) {
                                throw new AssertionError("a structural value was altered: " + keep + " in " + out);
                            }
                        }
                        sameStructure(in, outBytes, result.usageInjected());
                    }
                });
    }

    @Test
    void mutatedRequestsNeverThrowAnythingButWireFormatExceptionAndStayJson() {
        fuzz("request rewriter, mutated", MUTATED_REQUESTS, new Case() {
            @Override
            public void run(Random r, int i) throws Exception {
                Generated g = generateRequest(r);
                byte[] body = mutate(g.text.getBytes(StandardCharsets.UTF_8), r);
                String encoding = null;
                if (r.nextInt(8) == 0) {
                    encoding = r.nextBoolean() ? "gzip" : "deflate";
                    body = r.nextBoolean() ? ResponsePropertyTest.gzip(body) : mutate(ResponsePropertyTest.gzip(body), r);
                    if ("deflate".equals(encoding)) {
                        body = ResponsePropertyTest.deflate(body);
                    }
                }
                RewriteResult result;
                try {
                    result = RequestRewriter.rewrite(g.match, body, encoding, redactor.newSession(true), r.nextBoolean());
                } catch (WireFormatException refused) {
                    return; // documented: the failure policy applies
                }
                if (encoding == null && isJson(body)) {
                    RedactionCheck.assertValidJson(result.body());
                    // every planted sample the mutation left whole is still redacted
                    String in = new String(body, StandardCharsets.UTF_8);
                    String out = new String(result.body(), StandardCharsets.UTF_8);
                    for (String secret : g.secrets) {
                        if (count(in, secret) == 1 && wholeSampleIn(in, g.text, secret) && out.contains(secret) && result.recognized()
                                && inPromptPosition(in, secret)) {
                            throw new AssertionError("a planted value survived a valid mutated body: " + out);
                        }
                    }
                }
            }
        });
    }

    // ------------------------------------------------------------------ responses

    @Test
    void mutatedResponsesInEveryFramingNeverThrow() {
        fuzz("response parsers, mutated (" + ResponseCases.ALL.size() + " fixtures: SSE, NDJSON, JSON, Gemini array, "
                + "AWS event stream)", MUTATED_RESPONSES, new Case() {
                    @Override
                    public void run(Random r, int i) throws Exception {
                        ResponseCase c = ResponseCases.ALL.get(r.nextInt(ResponseCases.ALL.size()));
                        byte[] body = mutateResponse(c.body, c.contentType, r);
                        String encoding = null;
                        int z = r.nextInt(10);
                        if (z == 0) {
                            encoding = "gzip";
                            body = ResponsePropertyTest.gzip(body);
                        } else if (z == 1) {
                            encoding = "deflate";
                            body = ResponsePropertyTest.deflate(body);
                        } else if (z == 2) {
                            encoding = "gzip";
                            body = mutate(ResponsePropertyTest.gzip(body), r);
                        }
                        if (z <= 2 && r.nextInt(4) == 0) {
                            body = mutate(body, r);
                        }
                        String type = r.nextInt(12) == 0 ? randomType(r) : c.contentType;
                        ResponseParser p = ResponseParsers.forResponse(c.match, c.request, type, encoding,
                                r.nextBoolean() ? 0 : 1 + r.nextInt(5000), System.nanoTime());
                        if (r.nextInt(6) == 0) {
                            p.onHeader(r.nextBoolean() ? "x-amzn-bedrock-input-token-count" : "x-amzn-bedrock-output-token-count",
                                    r.nextBoolean() ? String.valueOf(r.nextInt()) : words(r));
                        }
                        assertNotNull(Chunking.feedRandomly(p, body, r));
                    }
                });
    }

    @Test
    void generatedEventStreamsWithValidAndBrokenCrcsNeverThrow() {
        final ResponseCase[] aws = {ResponseCases.BEDROCK_STREAM, ResponseCases.BEDROCK_INVOKE_STREAM, ResponseCases.BEDROCK_EXCEPTION};
        fuzz("AWS event stream, generated frames", GENERATED_EVENT_STREAMS, new Case() {
            @Override
            public void run(Random r, int i) throws Exception {
                ResponseCase c = aws[r.nextInt(aws.length)];
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int frames = 1 + r.nextInt(8);
                for (int f = 0; f < frames; f++) {
                    byte[] m;
                    int kind = r.nextInt(4);
                    if (kind == 0) {
                        String json = "{\"text\":\"" + words(r) + "\"}";
                        String b64 = Base64.getEncoder().encodeToString(r.nextBoolean() ? json.getBytes(StandardCharsets.UTF_8)
                                : randomBytes(r, r.nextInt(60)));
                        m = EventStreamWriter.message("event", ":event-type", "chunk", "{\"bytes\":\"" + b64 + "\"}");
                    } else if (kind == 1) {
                        m = EventStreamWriter.message(r.nextBoolean() ? "exception" : "error",
                                r.nextBoolean() ? ":exception-type" : ":error-code", words(r), "{\"message\":\"" + words(r) + "\"}");
                    } else if (kind == 2) {
                        m = EventStreamWriter.message("event", ":event-type",
                                pick(r, "messageStart", "contentBlockDelta", "messageStop", "metadata", "contentBlockStop"),
                                pick(r, "{\"delta\":{\"text\":\"hi\"}}", "{\"usage\":{\"inputTokens\":" + r.nextInt() + "}}",
                                        "{\"stopReason\":\"end_turn\"}", "{", "[]", "null", ""));
                    } else {
                        m = new String(randomBytes(r, 16 + r.nextInt(64)), StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
                    }
                    if (r.nextInt(5) == 0) {
                        m = mutate(m, r); // breaks a length or a CRC, or the headers
                    }
                    if (m.length >= 2 && r.nextInt(10) == 0) {
                        // a prelude announcing a huge message: the parser must not allocate it
                        m[0] = (byte) 0x7f;
                        m[1] = (byte) r.nextInt(256);
                    }
                    out.write(m, 0, m.length);
                }
                ResponseParser p = ResponseParsers.forResponse(c.match, c.request, ResponseCases.AWS, null, 1000, System.nanoTime());
                assertNotNull(Chunking.feedRandomly(p, out.toByteArray(), r));
            }
        });
    }

    // ------------------------------------------------------------------ configuration

    @Test
    void configurationParsingOnlyEverRejectsWithOneLineConfigException() {
        final List<Setting<?>> all = SettingsCatalog.ALL;
        fuzz("configuration (" + all.size() + " settings: system properties, environment, file)", CONFIGS, new Case() {
            @Override
            public void run(Random r, int i) throws Exception {
                Properties system = new Properties();
                Map<String, String> env = new HashMap<String, String>();
                int n = 1 + r.nextInt(6);
                for (int k = 0; k < n; k++) {
                    Setting<?> s = all.get(r.nextInt(all.size()));
                    String value = configValue(s, r);
                    if (r.nextInt(4) == 0) {
                        env.put(s.envName(), value);
                    } else {
                        system.setProperty(s.key(), value);
                    }
                }
                if (r.nextInt(10) == 0) {
                    system.setProperty("veil." + words(r).replace(' ', '.'), words(r));
                }
                if (r.nextInt(10) == 0) {
                    env.put("VEIL_" + words(r).replace(' ', '_').toUpperCase(java.util.Locale.ROOT), words(r));
                }
                if (r.nextInt(40) == 0) {
                    system.setProperty("veil.config", "/nonexistent/" + r.nextInt() + ".properties");
                }
                VeilConfig config;
                try {
                    config = VeilConfig.load(system, env);
                } catch (ConfigException e) {
                    String msg = e.getMessage();
                    assertNotNull(msg);
                    assertFalse(msg.contains("\n") || msg.contains("\r"), "a config error must be one line: " + msg);
                    return;
                }
                if (r.nextInt(8) == 0) {
                    // what start-up builds from it
                    Redactor.fromConfig(config).newSession(true).scrub("mail max@example.org " + words(r));
                    EndpointRegistry.fromConfig(config);
                }
            }
        });
    }

    private static String configValue(Setting<?> s, Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return s.defaultValue();
            case 1:
                return new String(mutate(s.defaultValue().getBytes(StandardCharsets.UTF_8), r), StandardCharsets.UTF_8);
            case 2:
                return pick(r, "true", "false", "0", "-1", "1", "99999999999999999999999", "8MiB", "1KiB", "1.5GB", "12x",
                        "open", "closed", "redact", "block", "audit", "off", "debug", "hash", "mask", "remove", "placeholder", "",
                        " ", ",", ",,", "=", "a=b", "email_address=hash", "secret", "pii", "/v1/x", "*.corp", "0x10");
            case 3:
                return pick(r, "x=[a-z]+", "name=(", "n=a{1,99999}", "n=\\p{L}+", "=abc", "id=(?i)key-[0-9]{4}", "a=(a+)+$",
                        "y=[", "z=\\", "email=.*@corp\\.com", "k=(?P<x>.)", "k=\\Q..\\E");
            case 4:
                return words(r);
            case 5:
                return new String(randomBytes(r, r.nextInt(40)), StandardCharsets.ISO_8859_1);
            case 6:
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(2000);
                for (int k = 0; k < n; k++) {
                    sb.append((char) (r.nextInt(0x3000)));
                }
                return sb.toString();
            default:
                return s.defaultValue() + pick(r, ",", " ", "x", ",email_address", "\t", "\n");
        }
    }

    // ------------------------------------------------------------------ harness

    interface Case {
        void run(Random random, int index) throws Exception;
    }

    /**
     * Runs {@code count} inputs on a worker thread, each with its own {@link Random} derived from the seed,
     * the target and the index; a watchdog fails the test if one input runs past the bound.
     */
    private static void fuzz(final String target, final int count, final Case c) {
        final AtomicInteger index = new AtomicInteger(-1);
        final AtomicLong started = new AtomicLong(System.nanoTime());
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "veil-fuzz");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        Future<?> done = worker.submit(() -> {
            for (int i = 0; i < count; i++) {
                Random r = new Random(SEED * 31 + target.hashCode() * 1_000_003L + i);
                started.set(System.nanoTime());
                index.set(i);
                try {
                    c.run(r, i);
                } catch (Throwable t) {
                    throw new AssertionError(target + ": input #" + i + " failed (seed " + SEED
                            + ", reproduce with -Dveil.fuzz.seed=" + SEED + "): " + t, t);
                }
            }
            return null;
        });
        try {
            while (true) {
                try {
                    done.get(100, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException stillRunning) {
                    long ms = (System.nanoTime() - started.get()) / 1_000_000;
                    if (ms > PER_INPUT_BOUND_MILLIS) {
                        fail(target + ": input #" + index.get() + " ran for more than " + PER_INPUT_BOUND_MILLIS
                                + " ms (seed " + SEED + ", reproduce with -Dveil.fuzz.seed=" + SEED + ")");
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError) {
                throw (AssertionError) cause;
            }
            throw new AssertionError(cause);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            worker.shutdownNow();
        }
        synchronized (COUNTS) {
            COUNTS.put(target, count);
        }
        System.out.println("[fuzz] " + target + ": " + count + " inputs in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    // ------------------------------------------------------------------ mutators and checks

    /** Byte mutations: flip, delete, duplicate, truncate, insert interesting bytes. */
    static byte[] mutate(byte[] body, Random r) {
        if (r.nextInt(3) == 0) {
            return ResponsePropertyTest.corrupt(body, r);
        }
        byte[] b = body;
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            byte[] insert;
            switch (r.nextInt(6)) {
                case 0:
                    insert = pick(r, "\"", "\\", "\\u", "\\ud800", "{", "}", "[", "]", ",", ":", "\u0000", "\r\n", "null", "1e999",
                            "-", "\"\\\"", "\uFEFF").getBytes(StandardCharsets.UTF_8);
                    break;
                case 1:
                    insert = new byte[] {(byte) 0xC3}; // a cut UTF-8 sequence
                    break;
                case 2:
                    insert = new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x9A};
                    break;
                case 3:
                    StringBuilder deep = new StringBuilder();
                    int d = r.nextInt(600);
                    for (int k = 0; k < d; k++) {
                        deep.append(r.nextBoolean() ? '[' : '{');
                    }
                    insert = deep.toString().getBytes(StandardCharsets.UTF_8);
                    break;
                case 4:
                    insert = randomBytes(r, 1 + r.nextInt(8));
                    break;
                default:
                    insert = new byte[0];
                    if (b.length > 0) {
                        int to = Math.min(b.length, at + 1 + r.nextInt(10));
                        byte[] cut = new byte[b.length - (to - Math.min(at, b.length))];
                        int from = Math.min(at, b.length);
                        System.arraycopy(b, 0, cut, 0, from);
                        System.arraycopy(b, to, cut, from, b.length - to);
                        b = cut;
                        continue;
                    }
            }
            at = Math.min(at, b.length);
            byte[] out = new byte[b.length + insert.length];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(b, at, out, at + insert.length, b.length - at);
            b = out;
        }
        return b;
    }

    /** Framing-aware mutations on top of the byte ones. */
    private static byte[] mutateResponse(byte[] body, String contentType, Random r) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        switch (r.nextInt(7)) {
            case 0:
                s = s.replace("\n", r.nextBoolean() ? "\r\n" : "\r");
                break;
            case 1:
                s = s.replace("\n\n", "\n: keep-alive comment\n\nevent: ping\ndata: {}\n\n");
                break;
            case 2:
                if (r.nextInt(10) != 0) {
                    return mutate(body, r);
                }
                StringBuilder big = new StringBuilder("data: {\"x\":\"");
                int n = r.nextInt(100_000);
                for (int k = 0; k < n; k++) {
                    big.append('a');
                }
                s = s + big + (r.nextBoolean() ? "\"}\n\n" : "");
                break;
            case 3:
                s = s + s; // a repeated stream
                break;
            case 4:
                s = s.replace("data:", r.nextBoolean() ? "data:" + (char) r.nextInt(128) : "data: data:");
                break;
            default:
                return mutate(body, r);
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String randomType(Random r) {
        return pick(r, "text/event-stream", "application/json", "application/x-ndjson", "application/vnd.amazon.eventstream",
                "text/plain", "", "application/json; charset=utf-16", "text/event-stream;;;", "multipart/mixed; boundary=x");
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Whether the mutated body still holds the planted sample whole, with the same character on either side
     * as in the generated body: a mutation that glues letters or more text onto a value (an SSN run into
     * a word, a password run into a bracket storm) makes it a different token, which detectors rightly judge
     * on its own.
     */
    private static boolean wholeSampleIn(String in, String generated, String value) {
        for (Sample s : planted) {
            if (s.value.equals(value) && in.contains(s.text) && generated.contains(s.text)
                    && sameSurroundings(in, generated, s.text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSurroundings(String in, String generated, String text) {
        int a = in.indexOf(text);
        int b = generated.indexOf(text);
        return charAt(in, a - 1) == charAt(generated, b - 1)
                && charAt(in, a + text.length()) == charAt(generated, b + text.length());
    }

    private static int charAt(String s, int i) {
        return i < 0 || i >= s.length() ? -1 : s.charAt(i);
    }

    /**
     * Whether the value sits in a string of the same key as in the family's fixture (a mutation that renames
     * a key or moves the value into a structural field legitimately stops it being prompt text).
     */
    private static boolean inPromptPosition(String in, String value) {
        try (JsonParser p = JSON.createParser(in)) {
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.getCurrentName();
                } else if (t == JsonToken.VALUE_STRING && p.getText().contains(value)) {
                    return field != null && Arrays.asList("content", "text", "prompt", "input", "system", "inputText", "message")
                            .contains(field);
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    static boolean isJson(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            while (p.nextToken() != null) {
                // read all
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Same token types, field names and non-string scalars; strings may differ (they were redacted). */
    private static void sameStructure(byte[] in, byte[] out, boolean usageInjected) throws IOException {
        if (usageInjected) {
            RedactionCheck.assertValidJson(out);
            return; // one member added on purpose (stream_options): covered by RequestMechanicsTest
        }
        try (JsonParser a = JSON.createParser(in); JsonParser b = JSON.createParser(out)) {
            JsonToken ta;
            while ((ta = a.nextToken()) != null) {
                JsonToken tb = b.nextToken();
                assertEquals(ta, tb, "structure changed");
                if (ta == JsonToken.FIELD_NAME && !holdsPlanted(a.getText())
                        || ta == JsonToken.VALUE_NUMBER_INT || ta == JsonToken.VALUE_NUMBER_FLOAT) {
                    assertEquals(a.getText(), b.getText(), "a name or number changed");
                }
            }
            assertEquals(null, b.nextToken(), "trailing tokens added");
        }
    }

    /** A member name that is app data holding a planted value (e.g. a key of tool input): redacted like any text. */
    private static boolean holdsPlanted(String name) {
        for (Sample s : planted) {
            if (name.contains(s.value)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return Fixtures.readAll(in);
        }
    }
}
