package dev.veil.agent.llm;

import dev.veil.agent.config.ConfigException;
import dev.veil.agent.config.Setting;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Settings of the provider wire-format layer (endpoint detection, request rewriting, stream usage). */
public final class LlmSettings {
    private LlmSettings() {
    }

    public static final Setting<List<String>> PATHS = Setting.list("veil.llm.paths",
            "Extra request paths treated as LLM endpoints on any host, comma-separated. A pattern matches the end of "
                    + "the path, `*` stands for one segment, and an optional `=family` names the wire format "
                    + "(e.g. `/gateway/*/chat=openai-chat`; families: openai-chat, openai-completions, openai-responses, "
                    + "openai-embeddings, anthropic-messages, gemini-generate, gemini-embed, bedrock-converse, bedrock-invoke, "
                    + "ollama-chat, ollama-generate, ollama-embed, cohere-chat, cohere-embed, openai-images, openai-audio, "
                    + "openai-moderations, generic).",
            "comma-separated /path[=family]", new PathPatternCheck());

    public static final Setting<Boolean> DETECT_PATHS = Setting.bool("veil.llm.detect-paths", true,
            "Recognise the documented LLM API paths (`/v1/chat/completions`, `/v1/messages`, `:generateContent`, "
                    + "`/api/chat`, ...) on any host, so self-hosted servers and gateways are covered. `false` limits Veil "
                    + "to the built-in provider hosts, `veil.llm.hosts` and `veil.llm.paths`.");

    public static final Setting<String> STREAM_USAGE = Setting.choice("veil.stream.usage", "auto",
            "Token usage of OpenAI-style streams: `inject` adds `stream_options.include_usage` to streaming requests "
                    + "that lack it and removes the extra usage chunk before the application reads the stream, `off` never "
                    + "changes the request, `auto` injects only for providers known to accept the option (OpenAI, Azure "
                    + "OpenAI with api-version 2024-09-01 or later, DeepSeek).",
            "auto", "inject", "off");

    public static final List<Setting<?>> ALL = Collections.unmodifiableList(Arrays.<Setting<?>>asList(
            PATHS, DETECT_PATHS, STREAM_USAGE));

    /** Checks one {@code veil.llm.paths} item. */
    private static final class PathPatternCheck implements Setting.Parser<String> {
        @Override
        public String parse(String key, String item) {
            return checkPathPattern(key, item);
        }
    }

    static String checkPathPattern(String key, String item) {
        int eq = item.indexOf('=');
        String path = eq < 0 ? item : item.substring(0, eq).trim();
        if (eq >= 0 && ApiFamily.byConfigName(item.substring(eq + 1)) == null) {
            throw ConfigException.invalid(item, key, "unknown family after '='; see the list in the documentation");
        }
        if (!path.startsWith("/") || path.length() < 2 || path.contains("?")
                || path.contains(" ") || path.contains("//")) {
            throw ConfigException.invalid(item, key, "expected a path such as /v1/chat or /gateway/*/chat=openai-chat");
        }
        return item;
    }
}
