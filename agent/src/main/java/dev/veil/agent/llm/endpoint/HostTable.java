package dev.veil.agent.llm.endpoint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The provider behind a host: the built-in public endpoints plus {@code veil.llm.hosts}. Lookups do not
 * allocate for lower-case host names (the usual form), which keeps non-LLM requests cheap.
 */
public final class HostTable {
    /** Provider value for hosts the user declared without a known provider. */
    public static final String USER_DECLARED = "_OTHER";

    private static final Map<String, String> BUILT_IN = new HashMap<String, String>();

    static {
        BUILT_IN.put("api.openai.com", "openai");
        BUILT_IN.put("api.anthropic.com", "anthropic");
        BUILT_IN.put("generativelanguage.googleapis.com", "gcp.gemini");
        BUILT_IN.put("aiplatform.googleapis.com", "gcp.vertex_ai");
        BUILT_IN.put("api.mistral.ai", "mistral_ai");
        BUILT_IN.put("api.cohere.com", "cohere");
        BUILT_IN.put("api.cohere.ai", "cohere");
        BUILT_IN.put("api.groq.com", "groq");
        BUILT_IN.put("api.deepseek.com", "deepseek");
        BUILT_IN.put("api.together.xyz", "together_ai");
        BUILT_IN.put("api.together.ai", "together_ai");
        BUILT_IN.put("openrouter.ai", "openrouter");
        BUILT_IN.put("api.perplexity.ai", "perplexity");
        BUILT_IN.put("api.x.ai", "x_ai");
    }

    private final Set<String> userHosts;
    private final boolean userHostsWithPort;

    /** @param userHosts {@code veil.llm.hosts}: lower-case {@code host} or {@code host:port} entries */
    public HostTable(List<String> userHosts) {
        this.userHosts = new HashSet<String>(userHosts);
        boolean withPort = false;
        for (String h : userHosts) {
            withPort |= h.lastIndexOf(':') > h.lastIndexOf(']');
        }
        this.userHostsWithPort = withPort;
    }

    /** The built-in provider of {@code host} (lower case), or null. */
    public static String builtInProvider(String host) {
        String p = BUILT_IN.get(host);
        if (p != null) {
            return p;
        }
        if (host.endsWith(".openai.azure.com") || host.endsWith(".cognitiveservices.azure.com")) {
            return "azure.ai.openai";
        }
        if (host.endsWith(".services.ai.azure.com") || host.endsWith(".models.ai.azure.com")
                || host.endsWith(".inference.ai.azure.com")) {
            return "azure.ai.inference";
        }
        if (host.endsWith("-aiplatform.googleapis.com")) {
            return "gcp.vertex_ai";
        }
        if ((host.startsWith("bedrock-runtime.") || host.startsWith("bedrock-runtime-fips."))
                && (host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"))) {
            return "aws.bedrock";
        }
        return null;
    }

    /** Whether the user listed this host (any port) or this host:port in {@code veil.llm.hosts}. */
    public boolean userDeclared(String host, int port) {
        if (userHosts.isEmpty()) {
            return false;
        }
        if (userHosts.contains(host)) {
            return true;
        }
        return userHostsWithPort && port > 0 && userHosts.contains(host + ":" + port);
    }

    /** Lower-cases without allocating when the host is already lower case. */
    public static String normalize(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return host.toLowerCase(Locale.ROOT);
            }
        }
        return host;
    }
}
