package dev.veil.agent.llm.request;

import dev.veil.agent.llm.ApiFamily;
import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.RequestInfo;
import dev.veil.agent.llm.WireFormatException;
import dev.veil.agent.redact.PromptScrubber;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One request body through the scrubber: decompress, walk, splice, re-compress. */
public final class BodyRewrite {
    /** The body to send; the very array given when nothing changed. */
    public final byte[] body;
    public final boolean changed;
    public final RequestInfo info;
    public final boolean usageInjected;
    /** False when a generic path's body shows the call is not an LLM call (see {@link EndpointMatch#confirmByBody()}). */
    public final boolean recognized;

    private BodyRewrite(byte[] body, boolean changed, RequestInfo info, boolean usageInjected, boolean recognized) {
        this.body = body;
        this.changed = changed;
        this.info = info;
        this.usageInjected = usageInjected;
        this.recognized = recognized;
    }

    public static BodyRewrite run(EndpointMatch match, byte[] body, String contentEncoding, PromptScrubber scrubber) {
        return run(match, body, contentEncoding, scrubber, true);
    }

    /** @param mayInjectUsage false when the HTTP client glue cannot undo the injection in the response */
    public static BodyRewrite run(EndpointMatch match, byte[] body, String contentEncoding, PromptScrubber scrubber,
                                  boolean mayInjectUsage) {
        long max = match.maxBodyBytes();
        if (body == null || body.length == 0) {
            return new BodyRewrite(body, false, RequestInfo.fromMatch(match), false, true);
        }
        if (body.length > max) {
            throw BodyCodec.tooLarge();
        }
        BodyCodec.Decoded plain = BodyCodec.of(contentEncoding).decode(body, max);
        BodyRewrite r = rewritePlain(match, plain.bytes, scrubber, mayInjectUsage);
        if (!r.changed) {
            return new BodyRewrite(body, false, r.info, false, r.recognized);
        }
        return new BodyRewrite(plain.codec.encode(r.body), true, r.info, r.usageInjected, true);
    }

    private static BodyRewrite rewritePlain(EndpointMatch match, byte[] plain, PromptScrubber scrubber, boolean mayInjectUsage) {
        RequestShape shape = new RequestShape();
        PromptWalker walker = new PromptWalker(plain, 0, plain.length, scrubber, shape, false, 0);
        try {
            walker.walk();
        } catch (PromptWalker.Invalid notJson) {
            if (match.confirmByBody()) {
                return notRecognized(match, plain);
            }
            if (MultipartBody.looksMultipart(plain)) {
                RequestInfo.Builder info = MultipartBody.info(match);
                try {
                    byte[] sent = MultipartBody.rewrite(plain, scrubber, info);
                    return new BodyRewrite(sent, sent != plain, info.build(), false, true);
                } catch (WireFormatException notMultipart) {
                    return plainText(match, plain, scrubber); // text that only starts like multipart; binary is refused there
                }
            }
            return plainText(match, plain, scrubber);
        } catch (PromptWalker.TooDeep e) {
            throw new WireFormatException("request JSON nested deeper than " + PromptWalker.MAX_DEPTH + " levels");
        }
        if (match.confirmByBody() && !shape.hasModel) {
            return notRecognized(match, plain);
        }
        RequestInfo info = info(match, shape);
        List<Splice> splices = walker.splices();
        boolean injected = false;
        if (mayInjectUsage && match.injectStreamUsage() && info.streaming()) {
            Splice usage = UsageOptionInjector.splice(shape);
            if (usage != null) {
                splices = splices == null ? new ArrayList<Splice>(1) : splices;
                splices.add(usage);
                Collections.sort(splices);
                injected = true;
            }
        }
        if (injected || shape.includeUsage == RequestShape.TRUE) {
            info = withIncludeUsage(match, shape);
        }
        if (splices == null) {
            return new BodyRewrite(plain, false, info, false, true);
        }
        return new BodyRewrite(RequestSplicer.apply(plain, splices), true, info, injected, true);
    }

    /** Not JSON on an LLM endpoint: the whole body is scrubbed as text rather than sent as it is. */
    private static BodyRewrite plainText(EndpointMatch match, byte[] plain, PromptScrubber scrubber) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException("LLM request body is neither JSON nor UTF-8 text");
        }
        String sent = scrubber.scrub(text);
        RequestInfo info = RequestInfo.fromMatch(match);
        if (sent == text || sent.equals(text)) {
            return new BodyRewrite(plain, false, info, false, true);
        }
        return new BodyRewrite(sent.getBytes(StandardCharsets.UTF_8), true, info, false, true);
    }

    private static BodyRewrite notRecognized(EndpointMatch match, byte[] plain) {
        return new BodyRewrite(plain, false, RequestInfo.fromMatch(match), false, false);
    }

    private static RequestInfo info(EndpointMatch match, RequestShape shape) {
        RequestInfo.Builder b = shape.info;
        if (b.model == null) {
            b.model = match.modelFromPath();
        }
        b.operation = operation(match, shape);
        if (match.streamingFromPath()) {
            b.stream = Boolean.TRUE;
        } else if (b.stream == null && ollama(match.apiFamily())) {
            b.stream = Boolean.TRUE; // Ollama streams unless told "stream": false
        }
        return b.build();
    }

    private static RequestInfo withIncludeUsage(EndpointMatch match, RequestShape shape) {
        shape.info.includeUsage = true;
        return shape.info.build();
    }

    private static String operation(EndpointMatch match, RequestShape shape) {
        if (match.apiFamily() == ApiFamily.BEDROCK_INVOKE && !"embeddings".equals(match.operation())) {
            if (shape.hasMessages) {
                return "chat";
            }
            if (shape.hasPrompt) {
                return "text_completion";
            }
        }
        return match.operation();
    }

    private static boolean ollama(ApiFamily f) {
        return f == ApiFamily.OLLAMA_CHAT || f == ApiFamily.OLLAMA_GENERATE;
    }
}
