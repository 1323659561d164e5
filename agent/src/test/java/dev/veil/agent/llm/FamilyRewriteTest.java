package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Redaction of every request family on bodies shaped as the providers document them. */
class FamilyRewriteTest {
    private static final String BEDROCK = "https://bedrock-runtime.us-west-2.amazonaws.com/model/";

    private static Long l(long v) {
        return Long.valueOf(v);
    }

    private static Double d(double v) {
        return Double.valueOf(v);
    }

    @Test
    void openAiResponses() {
        RequestInfo info = RedactionCheck.check("https://api.openai.com/v1/responses", "request/openai-responses.json").info();
        assertEquals("o4-mini", info.model());
        assertEquals(l(2048), info.maxTokens());
        assertEquals(Boolean.TRUE, info.stream());
        RequestInfo s = RedactionCheck.check("https://api.openai.com/v1/responses", "request/openai-responses-string.json")
                .info();
        assertEquals(d(0.7), s.temperature());
        assertEquals(d(1), s.topP());
    }

    @Test
    void openAiEmbeddingsAndCompletions() {
        RequestInfo e = RedactionCheck.check("https://api.openai.com/v1/embeddings", "request/openai-embeddings.json").info();
        assertEquals("embeddings", e.operation());
        assertEquals("text-embedding-3-large", e.model());
        RedactionCheck.check("https://api.openai.com/v1/embeddings", "request/openai-embeddings-tokens.json");
        RewriteResult c = RedactionCheck.check("https://api.openai.com/v1/completions", "request/openai-completions.json");
        assertEquals(l(7), c.info().maxTokens());
        assertTrue(c.usageInjected(), "legacy completions stream in the chunk format too");
    }

    @Test
    void azureOpenAiBothUrlStyles() {
        RewriteResult dep = RedactionCheck.check(
                "https://contoso.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21",
                "request/openai-chat-string.json");
        assertTrue(dep.info().model().startsWith("gpt-4o-mini-KEEPME-"), "the body's model wins over the deployment");
        RedactionCheck.check("https://contoso.openai.azure.com/openai/v1/chat/completions", "request/openai-chat-parts.json");
        RedactionCheck.check("https://contoso.openai.azure.com/openai/v1/responses", "request/openai-responses.json");
    }

    @Test
    void anthropicMessages() {
        RequestInfo info = RedactionCheck.check("https://api.anthropic.com/v1/messages", "request/anthropic-messages.json")
                .info();
        assertEquals("claude-sonnet-4-20250514", info.model());
        assertEquals(l(1024), info.maxTokens());
        assertEquals(d(40), info.topK());
        assertEquals(Collections.singletonList("\n\nHuman:"), info.stopSequences());
        assertEquals(Boolean.TRUE, info.stream());
    }

    @Test
    void gemini() {
        RequestInfo info = RedactionCheck.check(
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse",
                "request/gemini.json").info();
        assertEquals("gemini-2.5-pro", info.model());
        assertEquals(Boolean.TRUE, info.stream());
        assertEquals(l(800), info.maxTokens());
        assertEquals(d(0.8), info.topP());
        assertEquals(d(10), info.topK());
        assertEquals(l(1), info.choiceCount());
        assertEquals(l(7), info.seed());
        assertEquals(Collections.singletonList("Title"), info.stopSequences());
        assertEquals("generate_content", info.operation());
        RedactionCheck.check("https://europe-west4-aiplatform.googleapis.com/v1/projects/p/locations/europe-west4/publishers/"
                + "google/models/gemini-2.0-flash:generateContent", "request/gemini.json");
    }

    @Test
    void bedrockConverse() {
        RequestInfo info = RedactionCheck.check(BEDROCK + "anthropic.claude-3-haiku-20240307-v1%3A0/converse",
                "request/bedrock-converse.json").info();
        assertEquals("anthropic.claude-3-haiku-20240307-v1:0", info.model());
        assertEquals(l(512), info.maxTokens());
        assertEquals(d(0.5), info.temperature());
        assertEquals(Collections.singletonList("END"), info.stopSequences());
        assertEquals(Boolean.TRUE, RedactionCheck.check(BEDROCK + "amazon.nova-pro-v1:0/converse-stream",
                "request/bedrock-converse.json").info().stream());
    }

    @Test
    void bedrockInvokeModelBodies() {
        RequestInfo claude = RedactionCheck.check(BEDROCK + "anthropic.claude-3-5-sonnet-20240620-v1:0/invoke",
                "request/bedrock-invoke-anthropic.json").info();
        assertEquals("chat", claude.operation());
        assertEquals(l(200), claude.maxTokens());
        RequestInfo titan = RedactionCheck.check(BEDROCK + "amazon.titan-text-express-v1/invoke",
                "request/bedrock-invoke-titan.json").info();
        assertEquals("text_completion", titan.operation());
        assertEquals(l(512), titan.maxTokens());
        assertEquals(Collections.singletonList("User:"), titan.stopSequences());
        RequestInfo llama = RedactionCheck.check(BEDROCK + "meta.llama3-70b-instruct-v1:0/invoke-with-response-stream",
                "request/bedrock-invoke-llama.json").info();
        assertEquals("text_completion", llama.operation());
        assertEquals(l(512), llama.maxTokens());
        assertEquals(Boolean.TRUE, llama.stream());
        RequestInfo mistral = RedactionCheck.check(BEDROCK + "mistral.mistral-7b-instruct-v0:2/invoke",
                "request/bedrock-invoke-mistral.json").info();
        assertEquals(d(50), mistral.topK());
        RequestInfo cohere = RedactionCheck.check(BEDROCK + "cohere.command-r-plus-v1:0/invoke",
                "request/bedrock-invoke-cohere.json").info();
        assertEquals(d(0.75), cohere.topP());
        RequestInfo embed = RedactionCheck.check(BEDROCK + "amazon.titan-embed-text-v2:0/invoke",
                "request/bedrock-invoke-titan-embed.json").info();
        assertEquals("embeddings", embed.operation());
    }

    @Test
    void ollama() {
        RequestInfo chat = RedactionCheck.check("http://localhost:11434/api/chat", "request/ollama-chat.json").info();
        assertEquals("llama3.2", chat.model());
        assertEquals(Boolean.TRUE, chat.stream(), "Ollama streams unless told otherwise");
        assertEquals(l(128), chat.maxTokens());
        assertEquals(l(101), chat.seed());
        assertEquals(Collections.singletonList("\n\n"), chat.stopSequences());
        RequestInfo gen = RedactionCheck.check("http://ollama.internal:8080/api/generate", "request/ollama-generate.json")
                .info();
        assertEquals(Boolean.FALSE, gen.stream());
        assertEquals("text_completion", gen.operation());
        RedactionCheck.check("http://localhost:11434/v1/chat/completions", "request/openai-chat-tools.json");
    }

    @Test
    void cohereV2() {
        RequestInfo chat = RedactionCheck.check("https://api.cohere.com/v2/chat", "request/cohere-chat.json").info();
        assertEquals("command-a-03-2025", chat.model());
        assertEquals(l(300), chat.maxTokens());
        assertEquals(d(0.9), chat.topP());
        assertEquals(d(10), chat.topK());
        assertEquals(d(0.1), chat.frequencyPenalty());
        RedactionCheck.check("https://api.cohere.com/v2/embed", "request/cohere-embed.json");
    }

    @Test
    void openAiCompatibleServersAndGateways() {
        for (String url : Arrays.asList("https://api.groq.com/openai/v1/chat/completions",
                "https://openrouter.ai/api/v1/chat/completions", "https://api.together.xyz/v1/chat/completions",
                "https://api.deepseek.com/chat/completions", "https://api.x.ai/v1/chat/completions",
                "https://api.perplexity.ai/chat/completions", "https://api.mistral.ai/v1/chat/completions",
                "http://vllm:8000/v1/chat/completions", "http://localhost:1234/v1/chat/completions",
                "http://litellm:4000/chat/completions")) {
            RedactionCheck.check(url, "request/openai-chat-tools.json");
            RedactionCheck.check(url, "request/openai-chat-parts.json");
        }
        EndpointMatch declared = Endpoints.match(Endpoints.registry("veil.llm.hosts", "ai.corp"), "POST",
                "https://ai.corp/ask");
        RedactionCheck.check(declared, "request/generic-gateway.json");
    }
}
