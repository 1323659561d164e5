package dev.veil.agent.llm;

import dev.veil.agent.llm.request.BodyRewrite;
import dev.veil.agent.redact.PromptScrubber;

/**
 * Redacts the prompt of an LLM request body. Every string the provider treats as prompt text (messages,
 * system prompts, tool arguments and results, embedding inputs, and any unknown free-text field) goes
 * through the scrubber; model names, ids, roles, enums and base64 media are never touched. Only the
 * changed string tokens are replaced, so the rest of the body stays byte-identical.
 */
public final class RequestRewriter {
    private RequestRewriter() {
    }

    /**
     * Returns the ORIGINAL array instance when nothing changed. Handles {@code Content-Encoding} gzip and
     * deflate (re-compressed after a change). A body that is not JSON is scrubbed as plain text.
     *
     * @throws WireFormatException when the body cannot be handled safely (over {@code veil.prompt.max-bytes},
     *         unsupported or corrupt encoding, neither JSON nor text, nested too deeply)
     */
    public static RewriteResult rewrite(EndpointMatch match, byte[] body, String contentEncoding, PromptScrubber scrubber) {
        return rewrite(match, body, contentEncoding, scrubber, true);
    }

    /**
     * As {@link #rewrite(EndpointMatch, byte[], String, PromptScrubber)}; {@code mayInjectUsage} false forbids
     * adding {@code stream_options.include_usage} (the HTTP client's glue cannot filter the response).
     */
    public static RewriteResult rewrite(EndpointMatch match, byte[] body, String contentEncoding, PromptScrubber scrubber,
                                        boolean mayInjectUsage) {
        BodyRewrite r = BodyRewrite.run(match, body, contentEncoding, scrubber, mayInjectUsage);
        return new RewriteResult(r.body, r.changed, r.info, r.usageInjected, r.recognized);
    }
}
