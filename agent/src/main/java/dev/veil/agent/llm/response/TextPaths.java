package dev.veil.agent.llm.response;

import dev.veil.agent.llm.ApiFamily;

/**
 * Where each API puts generated text, for opt-in content capture. Streams are read from their deltas
 * only: events that repeat the whole output at the end (Responses {@code response.completed}) would
 * otherwise count it twice. Depths and paths as in {@link FieldExtractor}.
 */
final class TextPaths {
    private TextPaths() {
    }

    static boolean isOutputText(ApiFamily family, int depth, String name, String[] path, String messageType) {
        switch (family) {
            case OPENAI_RESPONSES:
                return depth == 1 && name.equals("delta") && "response.output_text.delta".equals(messageType)
                        || depth == 5 && messageType == null && name.equals("text") && "content".equals(path[5])
                        && "output".equals(path[3]);
            case ANTHROPIC_MESSAGES:
            case BEDROCK_CONVERSE:
                return blockText(depth, name, path);
            case BEDROCK_INVOKE:
                return blockText(depth, name, path) || bedrockNativeText(depth, name, path);
            case GEMINI_GENERATE:
                return depth == 6 && name.equals("text") && "parts".equals(path[6]) && "content".equals(path[4])
                        && "candidates".equals(path[3]);
            case OLLAMA_CHAT:
                return depth == 2 && name.equals("content") && "message".equals(path[2]);
            case OLLAMA_GENERATE:
                return depth == 1 && name.equals("response");
            case COHERE_CHAT:
                return depth == 4 && name.equals("text") && "content".equals(path[4])
                        && ("message".equals(path[3]) || "message".equals(path[2]));
            case OPENAI_CHAT:
            case OPENAI_COMPLETIONS:
            case GENERIC:
                return depth == 4 && name.equals("content") && "choices".equals(path[3])
                        && ("delta".equals(path[4]) || "message".equals(path[4]))
                        || depth == 3 && name.equals("text") && "choices".equals(path[3]);
            default:
                return false;
        }
    }

    /** Anthropic / Bedrock Converse content blocks, whole ({@code content[].text}) or streamed ({@code delta.text}). */
    private static boolean blockText(int depth, String name, String[] path) {
        if (!name.equals("text")) {
            return false;
        }
        return depth == 2 && "delta".equals(path[2])
                || depth == 3 && "content".equals(path[3])
                || depth == 5 && "content".equals(path[5]) && "message".equals(path[3]);
    }

    /** Titan ({@code outputText}), Llama ({@code generation}), Mistral ({@code outputs[].text}) bodies on Bedrock. */
    private static boolean bedrockNativeText(int depth, String name, String[] path) {
        if (depth == 1) {
            return name.equals("outputText") || name.equals("generation") || name.equals("completion");
        }
        return depth == 3 && (name.equals("outputText") && "results".equals(path[3])
                || name.equals("text") && ("outputs".equals(path[3]) || "generations".equals(path[3])));
    }
}
