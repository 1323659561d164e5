package dev.veil.agent.llm;

import dev.veil.agent.config.CoreSettings;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.llm.endpoint.HostTable;
import dev.veil.agent.llm.endpoint.PathClassifier;
import dev.veil.agent.llm.endpoint.PathMatch;
import dev.veil.agent.llm.endpoint.UserPathPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides from the URL alone whether an outbound HTTP request is an LLM call, and which one. Immutable
 * and thread-safe; {@link #match} runs for every request of the application and returns null for
 * non-LLM requests after a method check, a host lookup and a few path comparisons, without allocating.
 */
public final class EndpointRegistry {
    private final HostTable hosts;
    private final UserPathPattern[] userPaths;
    private final boolean detectPaths;
    private final String streamUsage;
    private final long maxBodyBytes;

    private EndpointRegistry(HostTable hosts, UserPathPattern[] userPaths, boolean detectPaths, String streamUsage,
            long maxBodyBytes) {
        this.hosts = hosts;
        this.userPaths = userPaths;
        this.detectPaths = detectPaths;
        this.streamUsage = streamUsage;
        this.maxBodyBytes = maxBodyBytes;
    }

    public static EndpointRegistry fromConfig(VeilConfig config) {
        List<UserPathPattern> paths = new ArrayList<UserPathPattern>();
        for (String entry : config.get(LlmSettings.PATHS)) {
            paths.add(UserPathPattern.parse(entry));
        }
        return new EndpointRegistry(new HostTable(config.get(CoreSettings.LLM_HOSTS)),
                paths.toArray(new UserPathPattern[0]), config.get(LlmSettings.DETECT_PATHS).booleanValue(),
                config.get(LlmSettings.STREAM_USAGE), config.get(CoreSettings.PROMPT_MAX_BYTES).longValue());
    }

    /**
     * The LLM call this request is, or null. Every LLM API Veil knows is a POST, so other methods are
     * rejected first ({@code method} null means unknown and is not rejected).
     *
     * @param port {@code -1} when the URL has none
     * @param rawPath the path as sent (percent-encoded), without the query
     * @param rawQuery the query without {@code ?}, or null
     */
    public EndpointMatch match(String method, String scheme, String host, int port, String rawPath, String rawQuery) {
        if (method != null && !method.equalsIgnoreCase("POST") || host == null || rawPath == null) {
            return null;
        }
        String h = HostTable.normalize(host);
        String builtIn = HostTable.builtInProvider(h);
        boolean declared = builtIn == null && hosts.userDeclared(h, port);
        PathMatch path = null;
        ApiFamily userFamily = null;
        boolean userPath = false;
        for (UserPathPattern p : userPaths) {
            if (p.matches(rawPath)) {
                userPath = true;
                userFamily = p.family();
                break;
            }
        }
        if (userPath || builtIn != null || declared || detectPaths) {
            path = PathClassifier.classify(rawPath);
        }
        if (userPath) {
            if (userFamily != null && (path == null || path.family != userFamily)) {
                path = PathMatch.declared(userFamily);
            }
        } else if (path == null) {
            if (!declared) {
                return null;
            }
        } else if (builtIn == null && !declared && !detectPaths) {
            return null;
        }
        return build(scheme, h, port, rawPath, rawQuery, builtIn, declared || userPath, path);
    }

    private EndpointMatch build(String scheme, String host, int port, String rawPath, String rawQuery, String builtIn,
            boolean userDeclared, PathMatch path) {
        EndpointMatch.Builder b = new EndpointMatch.Builder();
        b.family = path == null ? ApiFamily.GENERIC : path.family;
        b.provider = provider(builtIn, host, port, b.family, path);
        b.operation = path != null && path.operation != null ? path.operation : b.family.defaultOperation();
        b.modelFromPath = path == null ? null : path.model;
        b.serverAddress = host;
        b.serverPort = port > 0 ? port : defaultPort(scheme);
        b.streamingFromPath = path != null && path.streaming;
        b.sseFromQuery = hasParam(rawQuery, "alt", "sse");
        b.confirmByBody = path != null && path.ambiguous && builtIn == null && !userDeclared && port != 11434;
        // auto trusts the provider only when the host is really that provider's, not a look-alike path.
        b.injectStreamUsage = b.family.acceptsStreamOptions()
                && injectUsage(builtIn == null ? HostTable.USER_DECLARED : b.provider, rawPath, rawQuery);
        b.maxBodyBytes = maxBodyBytes;
        return b.build();
    }

    private static String provider(String builtIn, String host, int port, ApiFamily family, PathMatch path) {
        String hint = path == null ? null : path.providerHint;
        if (builtIn != null) {
            if (builtIn.startsWith("azure.") && hint != null && hint.startsWith("azure.")) {
                return hint;
            }
            return builtIn;
        }
        if (hint != null) {
            return hint;
        }
        if (port == 11434) {
            return "ollama";
        }
        switch (family) {
            case OPENAI_CHAT:
            case OPENAI_COMPLETIONS:
            case OPENAI_RESPONSES:
            case OPENAI_EMBEDDINGS:
            case OPENAI_IMAGES:
            case OPENAI_AUDIO:
            case OPENAI_MODERATIONS:
                return "openai";
            case ANTHROPIC_MESSAGES:
                return "anthropic";
            case GEMINI_GENERATE:
            case GEMINI_EMBED:
                return "gcp.gen_ai";
            case BEDROCK_CONVERSE:
            case BEDROCK_INVOKE:
                return "aws.bedrock";
            case OLLAMA_CHAT:
            case OLLAMA_GENERATE:
            case OLLAMA_EMBED:
                return "ollama";
            case COHERE_CHAT:
            case COHERE_EMBED:
                return "cohere";
            default:
                return HostTable.USER_DECLARED;
        }
    }

    /** {@code veil.stream.usage}: auto trusts only servers documented to accept {@code stream_options}. */
    private boolean injectUsage(String provider, String rawPath, String rawQuery) {
        if (streamUsage.equals("inject")) {
            return true;
        }
        if (streamUsage.equals("off")) {
            return false;
        }
        if (provider.equals("openai") || provider.equals("deepseek")) {
            return true;
        }
        if (provider.equals("azure.ai.openai")) {
            if (rawPath.contains("/openai/v1/")) {
                return true;
            }
            String version = paramValue(rawQuery, "api-version");
            // stream_options arrived with api-version 2024-09-01-preview; versions are dates, so they sort as text.
            return version != null && version.compareTo("2024-09-01") >= 0;
        }
        return false;
    }

    private static int defaultPort(String scheme) {
        if ("https".equalsIgnoreCase(scheme)) {
            return 443;
        }
        return "http".equalsIgnoreCase(scheme) ? 80 : -1;
    }

    private static boolean hasParam(String query, String name, String value) {
        String v = paramValue(query, name);
        return v != null && v.equals(value);
    }

    static String paramValue(String query, String name) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        int i = 0;
        while (i <= query.length()) {
            int amp = query.indexOf('&', i);
            int end = amp < 0 ? query.length() : amp;
            if (end - i > name.length() && query.charAt(i + name.length()) == '='
                    && query.regionMatches(i, name, 0, name.length())) {
                return query.substring(i + name.length() + 1, end);
            }
            if (amp < 0) {
                break;
            }
            i = amp + 1;
        }
        return null;
    }
}
