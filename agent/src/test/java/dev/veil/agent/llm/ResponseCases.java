package dev.veil.agent.llm;

import java.util.Arrays;
import java.util.List;

/** Every response fixture, with the call that produced it. */
final class ResponseCases {
    private ResponseCases() {
    }

    static final String SSE = "text/event-stream; charset=utf-8";
    static final String JSON = "application/json";
    static final String AWS = "application/vnd.amazon.eventstream";
    private static final String OPENAI = "https://api.openai.com/v1/chat/completions";
    private static final String BEDROCK = "https://bedrock-runtime.us-east-1.amazonaws.com/model/";

    static final ResponseCase OPENAI_CHAT = ResponseCase.of("openai-chat.json", OPENAI, "{\"model\":\"gpt-4.1\"}", JSON);
    static final ResponseCase OPENAI_STREAM = ResponseCase.of("openai-chat-stream.sse", OPENAI,
            "{\"model\":\"gpt-4o-mini\",\"stream\":true}", SSE);
    static final ResponseCase OPENAI_STREAM_TOOLS = ResponseCase.of("openai-chat-stream-tools.sse", OPENAI,
            "{\"model\":\"gpt-4o\",\"stream\":true}", SSE);
    static final ResponseCase OPENAI_COMPLETIONS = ResponseCase.of("openai-completions.json",
            "https://api.openai.com/v1/completions", "{}", JSON);
    static final ResponseCase OPENAI_EMBEDDINGS = ResponseCase.of("openai-embeddings.json",
            "https://api.openai.com/v1/embeddings", "{}", JSON);
    static final ResponseCase OPENAI_ERROR = ResponseCase.of("openai-error.json", OPENAI, "{\"stream\":true}", JSON);
    static final ResponseCase RESPONSES = ResponseCase.of("openai-responses.json", "https://api.openai.com/v1/responses",
            "{}", JSON);
    static final ResponseCase RESPONSES_STREAM = ResponseCase.of("openai-responses-stream.sse",
            "https://api.openai.com/v1/responses", "{\"stream\":true}", SSE);
    static final ResponseCase ANTHROPIC = ResponseCase.of("anthropic-messages.json", "https://api.anthropic.com/v1/messages",
            "{}", JSON);
    static final ResponseCase ANTHROPIC_STREAM = ResponseCase.of("anthropic-stream.sse",
            "https://api.anthropic.com/v1/messages", "{\"stream\":true}", SSE);
    static final ResponseCase ANTHROPIC_ERROR = ResponseCase.of("anthropic-error-stream.sse",
            "https://api.anthropic.com/v1/messages", "{\"stream\":true}", SSE);
    static final ResponseCase GEMINI = ResponseCase.of("gemini.json",
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent", "{}", JSON);
    static final ResponseCase GEMINI_SSE = ResponseCase.of("gemini-stream.sse",
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", "{}",
            SSE);
    static final ResponseCase GEMINI_ARRAY = ResponseCase.of("gemini-stream-array.json",
            "https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/"
                    + "gemini-1.5-pro:streamGenerateContent", "{}", JSON);
    static final ResponseCase GEMINI_ERROR = ResponseCase.of("gemini-error.json",
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent", "{}", JSON);
    static final ResponseCase BEDROCK_CONVERSE = ResponseCase.of("bedrock-converse.json",
            BEDROCK + "mistral.mistral-large-2402-v1:0/converse", "{}", JSON);
    static final ResponseCase BEDROCK_STREAM = ResponseCase.of("bedrock-converse-stream.events",
            BEDROCK + "amazon.nova-lite-v1:0/converse-stream", "{}", AWS);
    static final ResponseCase BEDROCK_INVOKE_STREAM = ResponseCase.of("bedrock-invoke-stream.events",
            BEDROCK + "anthropic.claude-3-5-sonnet-20240620-v1:0/invoke-with-response-stream", "{}", AWS);
    static final ResponseCase BEDROCK_EXCEPTION = ResponseCase.of("bedrock-exception.events",
            BEDROCK + "amazon.nova-lite-v1:0/converse-stream", "{}", AWS);
    static final ResponseCase OLLAMA_STREAM = ResponseCase.of("ollama-chat-stream.ndjson", "http://localhost:11434/api/chat",
            "{\"model\":\"llama3.2\"}", "application/x-ndjson");
    static final ResponseCase OLLAMA_GENERATE = ResponseCase.of("ollama-generate.json",
            "http://localhost:11434/api/generate", "{\"model\":\"llama3.2\",\"stream\":false}", "application/json; charset=utf-8");
    static final ResponseCase COHERE = ResponseCase.of("cohere-chat.json", "https://api.cohere.com/v2/chat", "{}", JSON);
    static final ResponseCase COHERE_STREAM = ResponseCase.of("cohere-chat-stream.sse", "https://api.cohere.com/v2/chat",
            "{\"stream\":true}", SSE);
    static final ResponseCase COHERE_EMBED = ResponseCase.of("cohere-embed.json", "https://api.cohere.com/v2/embed", "{}",
            JSON);
    static final ResponseCase AZURE_STREAM = ResponseCase.of("azure-chat-stream.sse",
            "https://contoso.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21",
            "{\"stream\":true}", SSE);
    static final ResponseCase DEEPSEEK = ResponseCase.of("deepseek-chat.json", "https://api.deepseek.com/chat/completions", "{}",
            JSON);
    static final ResponseCase MISTRAL_STREAM = ResponseCase.of("mistral-stream.sse",
            "https://api.mistral.ai/v1/chat/completions", "{\"stream\":true}", SSE);

    static final List<ResponseCase> ALL = Arrays.asList(OPENAI_CHAT, OPENAI_STREAM, OPENAI_STREAM_TOOLS, OPENAI_COMPLETIONS,
            OPENAI_EMBEDDINGS, OPENAI_ERROR, RESPONSES, RESPONSES_STREAM, ANTHROPIC, ANTHROPIC_STREAM, ANTHROPIC_ERROR, GEMINI,
            GEMINI_SSE, GEMINI_ARRAY, GEMINI_ERROR, BEDROCK_CONVERSE, BEDROCK_STREAM, BEDROCK_INVOKE_STREAM, BEDROCK_EXCEPTION,
            OLLAMA_STREAM, OLLAMA_GENERATE, COHERE, COHERE_STREAM, COHERE_EMBED, MISTRAL_STREAM,
            AZURE_STREAM, DEEPSEEK);
}
