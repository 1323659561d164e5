package dev.veil.it;

/** OpenAI Chat Completions request bodies, built the way SDKs serialise them. */
final class ChatBodies {
    private ChatBodies() {
    }

    /** A system message and a user message whose string content holds {@code userText}. */
    static String chat(String userText) {
        return "{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You are a careful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"" + userText + "\"}],\"temperature\":0.2}";
    }

    /** The same with the content given as {@code text} parts. */
    static String chatWithParts(String firstPart, String secondPart) {
        return "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"" + firstPart + "\"},"
                + "{\"type\":\"text\",\"text\":\"" + secondPart + "\"}]}],\"stream\":false}";
    }
}
