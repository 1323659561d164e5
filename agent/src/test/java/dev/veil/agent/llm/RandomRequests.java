package dev.veil.agent.llm;

import java.util.Random;

/**
 * Generates random provider-like JSON bodies: free-text members carry secrets, structural members
 * (model, ids, roles) carry KEEPME markers, tool arguments are JSON inside a string, whitespace varies.
 */
final class RandomRequests {
    private static final String[] FREE = {"content", "text", "prompt", "system", "note", "description", "query", "output"};
    private static final String[] STRUCTURAL = {"model", "id", "role", "type", "tool_call_id", "toolUseId", "name"};
    private static final String[] CONTAINERS = {"messages", "parts", "contents", "options", "items", "input", "args"};
    private static final String[] WORDS = {"hello", "world", "naïve", "日本", "🚀", "a\"quote", "back\\slash", "line\nbreak",
        "tab\there", "{", "]"};

    private final Random random;

    RandomRequests(Random random) {
        this.random = random;
    }

    String body() {
        StringBuilder sb = new StringBuilder();
        object(sb, 0, false);
        return sb.toString();
    }

    /** @param appData inside tool arguments/inputs: every string is data, structural names included */
    private void object(StringBuilder sb, int depth, boolean appData) {
        sb.append('{');
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            ws(sb);
            int kind = random.nextInt(depth > 3 ? 3 : 5);
            if (kind == 0) {
                member(sb, pick(FREE));
                string(sb, text(true));
            } else if (kind == 1) {
                member(sb, pick(STRUCTURAL));
                String marker = Fixtures.marker(appData ? "CANARY-" : "KEEPME-");
                string(sb, pick(new String[] {"gpt-x", "user", "call_1"}) + "-" + marker);
            } else if (kind == 2) {
                member(sb, pick(new String[] {"max_tokens", "temperature", "stream", "n"}));
                sb.append(pick(new String[] {"1", "0.5", "-2e3", "true", "false", "null"}));
            } else if (kind == 3) {
                member(sb, "arguments");
                StringBuilder inner = new StringBuilder();
                object(inner, depth + 2, true);
                string(sb, inner.toString());
            } else {
                String container = pick(CONTAINERS);
                member(sb, container);
                if (random.nextBoolean()) {
                    object(sb, depth + 1, appData || container.equals("input") || container.equals("args"));
                } else {
                    sb.append('[');
                    int m = random.nextInt(4);
                    for (int j = 0; j < m; j++) {
                        if (j > 0) {
                            sb.append(',');
                        }
                        ws(sb);
                        if (random.nextBoolean()) {
                            object(sb, depth + 1, appData);
                        } else {
                            string(sb, text(false));
                        }
                    }
                    sb.append(']');
                }
            }
            ws(sb);
        }
        sb.append('}');
    }

    private void member(StringBuilder sb, String name) {
        string(sb, name);
        ws(sb);
        sb.append(':');
        ws(sb);
    }

    private String text(boolean mayHoldSecret) {
        StringBuilder t = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            t.append(pick(WORDS)).append(' ');
        }
        if (mayHoldSecret || random.nextBoolean()) {
            t.append(Fixtures.marker("CANARY-"));
        }
        return t.toString();
    }

    /** A JSON string token using the plain escapes only (the form the rewriter writes back). */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    private void ws(StringBuilder sb) {
        int n = random.nextInt(4) == 0 ? random.nextInt(3) : 0;
        for (int i = 0; i < n; i++) {
            sb.append(pick(new String[] {" ", "\n", "\t", "\r\n"}));
        }
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
