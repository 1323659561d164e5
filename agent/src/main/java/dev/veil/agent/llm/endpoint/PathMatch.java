package dev.veil.agent.llm.endpoint;

import dev.veil.agent.llm.ApiFamily;

/** What a request path says about an LLM call: its wire format and what the URL names. */
public final class PathMatch {
    public final ApiFamily family;
    /** Model, deployment or model id named in the path, percent-decoded; null when the body names it. */
    public final String model;
    public final boolean streaming;
    /** The path is also common outside LLM APIs ({@code /api/chat}); on an unknown host the body must confirm. */
    public final boolean ambiguous;
    /** A provider the path implies ({@code azure.ai.openai} for deployment URLs), or null. */
    public final String providerHint;
    /** Overrides the family's default operation (a Bedrock embedding model), or null. */
    public final String operation;

    PathMatch(ApiFamily family, String model, boolean streaming, boolean ambiguous, String providerHint, String operation) {
        this.family = family;
        this.model = model;
        this.streaming = streaming;
        this.ambiguous = ambiguous;
        this.providerHint = providerHint;
        this.operation = operation;
    }

    /** A path the user declared in {@code veil.llm.paths} with its family. */
    public static PathMatch declared(ApiFamily family) {
        return new PathMatch(family, null, false, false, null, null);
    }

    static PathMatch of(ApiFamily family, boolean ambiguous) {
        return new PathMatch(family, null, false, ambiguous, null, null);
    }
}
