package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseParsingTest {

    private static void usage(ResponseInfo r, Long in, Long out, Long cacheRead, Long cacheCreation, Long reasoning) {
        assertEquals(in, r.inputTokens(), "input");
        assertEquals(out, r.outputTokens(), "output");
        assertEquals(cacheRead, r.cacheReadTokens(), "cache read");
        assertEquals(cacheCreation, r.cacheCreationTokens(), "cache creation");
        assertEquals(reasoning, r.reasoningTokens(), "reasoning");
    }

    private static Long l(long v) {
        return Long.valueOf(v);
    }

    private static List<String> reasons(String... r) {
        return Arrays.asList(r);
    }

    @Test
    void openAiChat() {
        ResponseInfo r = ResponseCases.OPENAI_CHAT.parse();
        assertEquals("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", r.responseId());
        assertEquals("gpt-4.1-2025-04-14", r.responseModel());
        assertEquals(reasons("stop", "tool_calls"), r.finishReasons());
        usage(r, l(19), l(10), l(4), null, l(2));
        assertEquals("fp_50cad350e4", r.systemFingerprint());
        assertEquals("default", r.serviceTier());
        assertEquals("Hello! How can I assist you today?", r.outputText());
        assertEquals(0, r.chunkCount());
        assertEquals(-1, r.timeToFirstChunkNanos());
        assertFalse(r.malformed());
    }

    @Test
    void openAiChatStream() {
        ResponseInfo r = ResponseCases.OPENAI_STREAM.parse();
        assertEquals("chatcmpl-123", r.responseId());
        assertEquals("gpt-4o-mini", r.responseModel());
        assertEquals(reasons("stop"), r.finishReasons());
        usage(r, l(9), l(3), l(0), null, l(0));
        assertEquals("Hello there \u00e9\ud83d\ude80", r.outputText());
        assertEquals(5, r.chunkCount());
        assertTrue(r.timeToFirstChunkNanos() >= 0);
        assertFalse(r.malformed());
    }

    @Test
    void openAiToolCallStreamWithoutUsage() {
        ResponseInfo r = ResponseCases.OPENAI_STREAM_TOOLS.parse();
        assertEquals(reasons("tool_calls"), r.finishReasons());
        usage(r, null, null, null, null, null);
        assertEquals(4, r.chunkCount());
        assertEquals("default", r.serviceTier());
    }

    @Test
    void azureContentFilterChunkDoesNotHideTheIdentity() {
        ResponseInfo r = ResponseCases.AZURE_STREAM.parse();
        assertEquals("chatcmpl-AZURE1", r.responseId());
        assertEquals("gpt-4o-2024-08-06", r.responseModel());
        assertEquals(reasons("stop"), r.finishReasons());
        usage(r, l(20), l(2), l(0), null, l(0));
        assertEquals("Hi", r.outputText());
        ResponseInfo d = ResponseCases.DEEPSEEK.parse();
        usage(d, l(16), l(10), l(0), null, null);
        assertEquals("fp_8802369eaa_prod0425fp8", d.systemFingerprint());
    }

    @Test
    void openAiCompletionsAndEmbeddings() {
        ResponseInfo c = ResponseCases.OPENAI_COMPLETIONS.parse();
        assertEquals(reasons("length"), c.finishReasons());
        assertEquals("\n\nThis is indeed a test", c.outputText());
        usage(c, l(5), l(7), null, null, null);
        ResponseInfo e = ResponseCases.OPENAI_EMBEDDINGS.parse();
        assertEquals("text-embedding-3-small", e.responseModel());
        usage(e, l(8), null, null, null, null);
        assertEquals(Collections.emptyList(), e.finishReasons());
    }

    @Test
    void openAiErrorBodyOnStreamingRequest() {
        ResponseInfo r = ResponseCases.OPENAI_ERROR.parse();
        assertEquals("tokens", r.errorType());
        assertNull(r.responseId());
    }

    @Test
    void responsesApi() {
        ResponseInfo r = ResponseCases.RESPONSES.parse();
        assertEquals("resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41", r.responseId());
        assertEquals(reasons("max_output_tokens"), r.finishReasons());
        usage(r, l(328), l(64), l(128), null, l(16));
        assertEquals("The image depicts a scenic landscape", r.outputText());
        ResponseInfo s = ResponseCases.RESPONSES_STREAM.parse();
        assertEquals("resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654", s.responseId());
        assertEquals("gpt-4.1-2025-04-14", s.responseModel());
        assertEquals(reasons("completed"), s.finishReasons());
        usage(s, l(37), l(11), l(0), null, l(0));
        assertEquals("Hi there!", s.outputText());
        assertEquals(8, s.chunkCount());
    }

    @Test
    void responsesStreamFailureAndIncomplete() {
        String failed = "event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"id\":\"resp_1\","
                + "\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"boom\"},\"usage\":null}}\n\n";
        ResponseInfo f = parse("https://api.openai.com/v1/responses", "text/event-stream", failed);
        assertEquals("server_error", f.errorType());
        assertEquals(reasons("failed"), f.finishReasons());
        String incomplete = "data: {\"type\":\"response.incomplete\",\"response\":{\"id\":\"resp_2\",\"status\":"
                + "\"incomplete\",\"incomplete_details\":{\"reason\":\"content_filter\"},\"usage\":{\"input_tokens\":5,"
                + "\"output_tokens\":1}}}\n\n";
        ResponseInfo i = parse("https://api.openai.com/v1/responses", "text/event-stream", incomplete);
        assertEquals(reasons("content_filter"), i.finishReasons());
        usage(i, l(5), l(1), null, null, null);
        String streamError = "event: error\ndata: {\"type\":\"error\",\"code\":\"rate_limit_exceeded\",\"message\":\"x\"}\n\n";
        assertEquals("rate_limit_exceeded",
                parse("https://api.openai.com/v1/responses", "text/event-stream", streamError).errorType());
    }

    @Test
    void mistralAndOllamaErrors() {
        assertEquals("invalid_request_error", parse("https://api.mistral.ai/v1/chat/completions", "application/json",
                "{\"object\":\"error\",\"message\":\"bad\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}")
                .errorType());
        assertEquals("error", parse("http://localhost:11434/api/chat", "application/json", "{\"error\":\"model not found\"}")
                .errorType());
    }

    private static ResponseInfo parse(String url, String contentType, String body) {
        ResponseParser p = ResponseParsers.forResponse(Endpoints.match(url), null, contentType, null);
        byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        p.onBytes(b, 0, b.length);
        p.onEnd();
        return p.result();
    }

    @Test
    void anthropic() {
        ResponseInfo r = ResponseCases.ANTHROPIC.parse();
        assertEquals("msg_013Zva2CMHLNnXjNJJKqJ2EF", r.responseId());
        assertEquals("claude-sonnet-4-20250514", r.responseModel());
        assertEquals(reasons("tool_use"), r.finishReasons(), "tool input members are not finish reasons");
        usage(r, l(2095 + 1000 + 100), l(503), l(1000), l(100), null);
        assertEquals("Hi! My name is Claude.", r.outputText());
        ResponseInfo s = ResponseCases.ANTHROPIC_STREAM.parse();
        assertEquals("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", s.responseId());
        assertEquals("claude-opus-4-1-20250805", s.responseModel());
        assertEquals(reasons("tool_use"), s.finishReasons());
        usage(s, l(472 + 50), l(89), l(50), l(0), null);
        assertEquals("Okay, let's check the weather.", s.outputText());
        assertEquals(12, s.chunkCount());
        ResponseInfo e = ResponseCases.ANTHROPIC_ERROR.parse();
        assertEquals("overloaded_error", e.errorType());
        assertEquals(l(12), e.inputTokens());
    }

    @Test
    void gemini() {
        ResponseInfo r = ResponseCases.GEMINI.parse();
        assertEquals("mAitaLmkHPPlz7IPvtfUqQ4", r.responseId());
        assertEquals("gemini-2.5-flash", r.responseModel());
        assertEquals(reasons("STOP"), r.finishReasons());
        usage(r, l(120), l(8 + 50), l(64), null, l(50));
        assertEquals("The weather in Boston is sunny.", r.outputText());
        ResponseInfo s = ResponseCases.GEMINI_SSE.parse();
        assertEquals("resp-gem-1", s.responseId());
        assertEquals(reasons("STOP"), s.finishReasons());
        usage(s, l(9), l(5), null, null, null);
        assertEquals("Once upon a time.", s.outputText());
        assertEquals(3, s.chunkCount());
        ResponseInfo a = ResponseCases.GEMINI_ARRAY.parse();
        assertEquals("gemini-1.5-pro-002", a.responseModel());
        assertEquals(reasons("MAX_TOKENS"), a.finishReasons());
        usage(a, l(4), l(2), null, null, null);
        assertEquals("Hello world", a.outputText());
        assertEquals(2, a.chunkCount());
        assertEquals("RESOURCE_EXHAUSTED", ResponseCases.GEMINI_ERROR.parse().errorType());
    }

    @Test
    void bedrock() {
        ResponseInfo r = ResponseCases.BEDROCK_CONVERSE.parse();
        assertEquals(reasons("end_turn"), r.finishReasons());
        usage(r, l(30 + 150 + 50), l(12), l(150), l(50), null);
        assertEquals("Bonjour! Comment puis-je vous aider?", r.outputText());
        ResponseInfo s = ResponseCases.BEDROCK_STREAM.parse();
        assertEquals(reasons("max_tokens"), s.finishReasons());
        usage(s, l(14), l(20), null, null, null);
        assertEquals("Hello from Nova", s.outputText());
        assertEquals(6, s.chunkCount());
        assertFalse(s.malformed());
        ResponseInfo i = ResponseCases.BEDROCK_INVOKE_STREAM.parse();
        assertEquals("msg_bdrk_01XFDUDYJgAACzvnptvVoYEL", i.responseId());
        assertEquals("claude-3-5-sonnet-20240620", i.responseModel());
        assertEquals(reasons("end_turn"), i.finishReasons());
        usage(i, l(15), l(5), null, null, null);
        assertEquals("Hi", i.outputText());
        assertEquals(6, i.chunkCount());
        ResponseInfo x = ResponseCases.BEDROCK_EXCEPTION.parse();
        assertEquals("throttlingException", x.errorType());
    }

    @Test
    void bedrockInvokeUsageFromHeaders() {
        EndpointMatch m = Endpoints.match(
                "https://bedrock-runtime.us-east-1.amazonaws.com/model/meta.llama3-8b-instruct-v1:0/invoke");
        ResponseParser p = ResponseParsers.forResponse(m, null, "application/json", null);
        p.onHeader("X-Amzn-Bedrock-Input-Token-Count", "11");
        p.onHeader("X-Amzn-Bedrock-Output-Token-Count", "42");
        byte[] body = "{\"generation\":\"Hi\",\"stop_reason\":\"stop\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        p.onBytes(body, 0, body.length);
        p.onEnd();
        usage(p.result(), l(11), l(42), null, null, null);
        assertEquals(reasons("stop"), p.result().finishReasons());
    }

    @Test
    void ollama() {
        ResponseInfo s = ResponseCases.OLLAMA_STREAM.parse();
        assertEquals("llama3.2", s.responseModel());
        assertEquals(reasons("stop"), s.finishReasons());
        usage(s, l(26), l(282), null, null, null);
        assertEquals("The sky is blue", s.outputText());
        assertEquals(3, s.chunkCount());
        ResponseInfo g = ResponseCases.OLLAMA_GENERATE.parse();
        assertEquals(reasons("length"), g.finishReasons());
        usage(g, l(26), l(259), null, null, null);
        assertEquals(0, g.chunkCount());
    }

    @Test
    void cohereAndMistral() {
        ResponseInfo c = ResponseCases.COHERE.parse();
        assertEquals("c14c80c3-18eb-4519-9460-6c92edd8cfb4", c.responseId());
        assertEquals(reasons("COMPLETE"), c.finishReasons());
        usage(c, l(71), l(418), null, null, null);
        assertEquals("LLMs stand for Large Language Models.", c.outputText());
        ResponseInfo s = ResponseCases.COHERE_STREAM.parse();
        assertEquals("29f14a5a-11de-4cae-9800-25e4747408ea", s.responseId());
        assertEquals(reasons("COMPLETE"), s.finishReasons());
        usage(s, l(69), l(258), null, null, null);
        assertEquals("A large language model", s.outputText());
        ResponseInfo e = ResponseCases.COHERE_EMBED.parse();
        assertEquals("da6e531f-54c6-4a73-bf92-f60566d8d753", e.responseId());
        usage(e, l(2), null, null, null, null);
        ResponseInfo m = ResponseCases.MISTRAL_STREAM.parse();
        assertEquals(reasons("stop"), m.finishReasons());
        usage(m, l(10), l(3), null, null, null);
        assertEquals("Bonjour!", m.outputText());
    }

    @Test
    void noCaptureMeansNoText() {
        ResponseParser p = ResponseCases.OPENAI_STREAM.parser(0);
        p.onBytes(ResponseCases.OPENAI_STREAM.body, 0, ResponseCases.OPENAI_STREAM.body.length);
        p.onEnd();
        assertNull(p.result().outputText());
    }

    @Test
    void captureIsCapped() {
        ResponseParser p = ResponseCases.OPENAI_STREAM.parser(7);
        p.onBytes(ResponseCases.OPENAI_STREAM.body, 0, ResponseCases.OPENAI_STREAM.body.length);
        p.onEnd();
        assertEquals("Hello t", p.result().outputText());
        assertTrue(p.result().outputTruncated());
    }
}
