/**
 * The provider wire-format layer: which outbound HTTP calls are LLM calls, where their prompt text is,
 * and what their responses say.
 *
 * <h2>How the HTTP-client instrumentation uses it</h2>
 * <ol>
 * <li>Once: {@link dev.veil.agent.llm.EndpointRegistry#fromConfig}. For every outbound request:
 * {@link dev.veil.agent.llm.EndpointRegistry#match}; null means not an LLM call (no allocation, tens of ns).</li>
 * <li>Request: {@link dev.veil.agent.llm.RequestRewriter#rewrite}. Send {@code body()} (same Content-Encoding;
 * fix Content-Length when {@code changed()}). {@code recognized() == false}: the body showed a generic path
 * was not an LLM call; send it unchanged and record nothing. {@link dev.veil.agent.llm.WireFormatException}:
 * apply {@code veil.failure}.</li>
 * <li>Response: {@link dev.veil.agent.llm.ResponseParsers#forResponse} with the response Content-Type and
 * Content-Encoding; feed the raw bytes as the application reads them, the headers via {@code onHeader}
 * (Bedrock reports tokens and errors there), {@code onEnd()} at end of stream or close, then {@code result()}.</li>
 * <li>When {@code usageInjected()}: Veil added {@code stream_options.include_usage}. If
 * {@link dev.veil.agent.llm.stream.OpenAiUsageStripper#canStrip} holds, pass the application's bytes through
 * {@code filter()} (and {@code finish()} at the end) and feed the unfiltered bytes to the parser. The stripped
 * stream is shorter, so only inject where the response is chunked or its length is not enforced, and only
 * where the instrumentation sees decoded (uncompressed) bytes.</li>
 * </ol>
 * {@link dev.veil.agent.llm.ResponseInfo#outputText()} is the provider's text as received: it must go through
 * the engine before it is recorded anywhere.
 */
package dev.veil.agent.llm;
