package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointRegistryTest {

    private static void expect(String url, String provider, String operation, ApiFamily family) {
        EndpointMatch m = Endpoints.match(url);
        assertNotNull(m, url);
        assertEquals(provider, m.provider(), url);
        assertEquals(operation, m.operation(), url);
        assertEquals(family, m.apiFamily(), url);
    }

    @Test
    void builtInProviders() {
        expect("https://api.openai.com/v1/chat/completions", "openai", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://api.openai.com/v1/responses", "openai", "chat", ApiFamily.OPENAI_RESPONSES);
        expect("https://api.openai.com/v1/embeddings", "openai", "embeddings", ApiFamily.OPENAI_EMBEDDINGS);
        expect("https://api.openai.com/v1/completions", "openai", "text_completion", ApiFamily.OPENAI_COMPLETIONS);
        expect("https://api.anthropic.com/v1/messages", "anthropic", "chat", ApiFamily.ANTHROPIC_MESSAGES);
        expect("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent",
                "gcp.gemini", "generate_content", ApiFamily.GEMINI_GENERATE);
        expect("https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/"
                + "gemini-2.0-flash:streamGenerateContent", "gcp.vertex_ai", "generate_content", ApiFamily.GEMINI_GENERATE);
        expect("https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1:0/converse", "aws.bedrock", "chat",
                ApiFamily.BEDROCK_CONVERSE);
        expect("https://api.mistral.ai/v1/chat/completions", "mistral_ai", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://api.mistral.ai/v1/embeddings", "mistral_ai", "embeddings", ApiFamily.OPENAI_EMBEDDINGS);
        expect("https://api.cohere.com/v2/chat", "cohere", "chat", ApiFamily.COHERE_CHAT);
        expect("https://api.cohere.com/v2/embed", "cohere", "embeddings", ApiFamily.COHERE_EMBED);
        expect("https://api.groq.com/openai/v1/chat/completions", "groq", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://api.deepseek.com/chat/completions", "deepseek", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://api.together.xyz/v1/chat/completions", "together_ai", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://openrouter.ai/api/v1/chat/completions", "openrouter", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://api.perplexity.ai/chat/completions", "perplexity", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://api.x.ai/v1/chat/completions", "x_ai", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://API.OpenAI.com/v1/chat/completions/", "openai", "chat", ApiFamily.OPENAI_CHAT);
    }

    @Test
    void azureBothUrlStyles() {
        EndpointMatch dep = Endpoints.match(
                "https://myres.openai.azure.com/openai/deployments/my-gpt4o/chat/completions?api-version=2024-10-21");
        assertEquals("azure.ai.openai", dep.provider());
        assertEquals("my-gpt4o", dep.modelFromPath());
        assertTrue(dep.injectStreamUsage());
        EndpointMatch old = Endpoints.match(
                "https://myres.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-02-01");
        assertFalse(old.injectStreamUsage(), "api-version before stream_options existed");
        EndpointMatch v1 = Endpoints.match("https://myres.openai.azure.com/openai/v1/chat/completions");
        assertEquals("azure.ai.openai", v1.provider());
        assertNull(v1.modelFromPath());
        assertTrue(v1.injectStreamUsage());
        expect("https://myres.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-10-21", "azure.ai.openai",
                "embeddings", ApiFamily.OPENAI_EMBEDDINGS);
        expect("https://myres.services.ai.azure.com/models/chat/completions?api-version=2024-05-01-preview",
                "azure.ai.inference", "chat", ApiFamily.OPENAI_CHAT);
        expect("https://myres.openai.azure.com/openai/responses?api-version=2025-03-01-preview", "azure.ai.openai", "chat",
                ApiFamily.OPENAI_RESPONSES);
    }

    @Test
    void modelAndStreamingFromPath() {
        EndpointMatch gemini = Endpoints.match(
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
        assertEquals("gemini-2.5-pro", gemini.modelFromPath());
        assertTrue(gemini.streamingFromPath());
        assertTrue(gemini.sseFromQuery());
        EndpointMatch arn = Endpoints.match("https://bedrock-runtime.eu-west-1.amazonaws.com/model/"
                + "arn%3Aaws%3Abedrock%3Aeu-west-1%3A123456789012%3Ainference-profile%2Feu.anthropic.claude-3-haiku/"
                + "converse-stream");
        assertEquals("arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku",
                arn.modelFromPath());
        assertTrue(arn.streamingFromPath());
        EndpointMatch invoke = Endpoints.match(
                "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2:0/invoke");
        assertEquals(ApiFamily.BEDROCK_INVOKE, invoke.apiFamily());
        assertEquals("embeddings", invoke.operation());
        EndpointMatch vertexClaude = Endpoints.match("https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/"
                + "us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict");
        assertEquals(ApiFamily.ANTHROPIC_MESSAGES, vertexClaude.apiFamily());
        assertEquals("gcp.vertex_ai", vertexClaude.provider());
        assertTrue(vertexClaude.streamingFromPath());
    }

    @Test
    void knownPathsOnAnyHost() {
        EndpointMatch vllm = Endpoints.match("http://vllm.internal:8000/v1/chat/completions");
        assertEquals("openai", vllm.provider());
        assertEquals("vllm.internal", vllm.serverAddress());
        assertEquals(8000, vllm.serverPort());
        assertFalse(vllm.confirmByBody());
        assertFalse(vllm.injectStreamUsage(), "auto does not touch unknown servers");
        EndpointMatch ollama = Endpoints.match("http://localhost:11434/api/chat");
        assertEquals("ollama", ollama.provider());
        assertFalse(ollama.confirmByBody());
        expect("http://localhost:11434/v1/chat/completions", "ollama", "chat", ApiFamily.OPENAI_CHAT);
        expect("http://localhost:11434/api/generate", "ollama", "text_completion", ApiFamily.OLLAMA_GENERATE);
        expect("http://localhost:11434/api/embed", "ollama", "embeddings", ApiFamily.OLLAMA_EMBED);
        EndpointMatch lmStudio = Endpoints.match("http://127.0.0.1:1234/v1/completions");
        assertEquals(ApiFamily.OPENAI_COMPLETIONS, lmStudio.apiFamily());
        EndpointMatch litellm = Endpoints.match("http://gateway:4000/anthropic/v1/messages");
        assertEquals("anthropic", litellm.provider());
        assertTrue(litellm.confirmByBody(), "/v1/messages is too common to trust on an unknown host");
        assertTrue(Endpoints.match("http://chat-backend/api/chat").confirmByBody());
        assertEquals(443, Endpoints.match("https://gw.example.com/v1/chat/completions").serverPort());
    }

    @Test
    void nonLlmRequestsAreRejected() {
        assertNull(Endpoints.match("https://example.com/api/users"));
        assertNull(Endpoints.match("https://example.com/completions"));
        assertNull(Endpoints.match("https://example.com/messages"));
        assertNull(Endpoints.match("https://api.openai.com/v1/files"));
        assertNull(Endpoints.match("https://api.openai.com/v1/models"));
        assertNull(Endpoints.match("https://example.com/v1/models/foo:predict"));
        assertNull(Endpoints.match(Endpoints.DEFAULT, "GET", "https://api.openai.com/v1/chat/completions"));
        assertNull(Endpoints.DEFAULT.match("POST", "https", null, -1, "/v1/chat/completions", null));
        assertNotNull(Endpoints.match(Endpoints.DEFAULT, null, "https://api.openai.com/v1/chat/completions"));
    }

    @Test
    void detectPathsOff() {
        EndpointRegistry r = Endpoints.registry("veil.llm.detect-paths", "false");
        assertNull(Endpoints.match(r, "POST", "http://vllm:8000/v1/chat/completions"));
        assertNotNull(Endpoints.match(r, "POST", "https://api.openai.com/v1/chat/completions"));
    }

    @Test
    void userHostsAndPaths() {
        Map<String, String> s = new HashMap<String, String>();
        s.put("veil.llm.hosts", "llm.internal:8443,ai-gw.corp");
        s.put("veil.llm.paths", "/gateway/*/complete=anthropic-messages,/ask");
        s.put("veil.llm.detect-paths", "false");
        EndpointRegistry r = Endpoints.registry(s);
        EndpointMatch generic = Endpoints.match(r, "POST", "https://llm.internal:8443/anything");
        assertEquals(ApiFamily.GENERIC, generic.apiFamily());
        assertEquals("_OTHER", generic.provider());
        assertNull(Endpoints.match(r, "POST", "https://llm.internal:9999/anything"), "port must match");
        assertEquals(ApiFamily.OPENAI_CHAT, Endpoints.match(r, "POST", "https://ai-gw.corp/v1/chat/completions").apiFamily());
        EndpointMatch declared = Endpoints.match(r, "POST", "https://x.example/gateway/claude/complete");
        assertEquals(ApiFamily.ANTHROPIC_MESSAGES, declared.apiFamily());
        assertEquals("anthropic", declared.provider());
        assertFalse(declared.confirmByBody());
        assertEquals(ApiFamily.GENERIC, Endpoints.match(r, "POST", "https://x.example/v2/ask").apiFamily());
        assertNull(Endpoints.match(r, "POST", "https://x.example/gateway/complete"));
    }

    @Test
    void invalidSettingsAreReported() {
        for (String bad : new String[] {"v1/chat", "/x?y=1", "/a=nope", "/"}) {
            dev.veil.agent.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.veil.agent.config.ConfigException.class, () -> Endpoints.registry("veil.llm.paths", bad));
            assertTrue(e.getMessage().contains("veil.llm.paths"), e.getMessage());
        }
        org.junit.jupiter.api.Assertions.assertThrows(dev.veil.agent.config.ConfigException.class,
                () -> Endpoints.registry("veil.stream.usage", "always"));
        assertNotNull(dev.veil.agent.config.SettingsCatalog.find("veil.llm.detect-paths"));
    }

    @Test
    void streamUsageSetting() {
        assertTrue(Endpoints.match("https://api.openai.com/v1/chat/completions").injectStreamUsage());
        assertFalse(Endpoints.match("https://api.mistral.ai/v1/chat/completions").injectStreamUsage(),
                "Mistral rejects unknown fields");
        assertFalse(Endpoints.match("https://api.openai.com/v1/responses").injectStreamUsage());
        EndpointRegistry inject = Endpoints.registry("veil.stream.usage", "inject");
        assertTrue(Endpoints.match(inject, "POST", "http://vllm:8000/v1/chat/completions").injectStreamUsage());
        EndpointRegistry off = Endpoints.registry("veil.stream.usage", "off");
        assertFalse(Endpoints.match(off, "POST", "https://api.openai.com/v1/chat/completions").injectStreamUsage());
    }
}
