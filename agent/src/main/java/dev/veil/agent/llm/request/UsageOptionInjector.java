package dev.veil.agent.llm.request;

import java.nio.charset.StandardCharsets;

/**
 * Adds {@code stream_options.include_usage: true} to an OpenAI-style streaming request, touching only
 * the bytes needed. The response side then strips what the option adds (see {@code OpenAiUsageStripper}).
 */
final class UsageOptionInjector {
    private static final String OPTION = "{\"include_usage\":true}";

    private UsageOptionInjector() {
    }

    /** The edit that turns usage on, or null when it is already on or the body's shape does not allow it. */
    static Splice splice(RequestShape shape) {
        if (!shape.rootIsObject || shape.includeUsage == RequestShape.TRUE) {
            return null;
        }
        switch (shape.streamOptions) {
            case RequestShape.ABSENT:
                String member = (shape.rootMembers > 0 ? "," : "") + "\"stream_options\":" + OPTION;
                return insert(shape.rootClose, member);
            case RequestShape.NULL:
                return new Splice(shape.streamOptionsStart, shape.streamOptionsEnd, bytes(OPTION));
            case RequestShape.OBJECT:
                if (shape.includeUsage == RequestShape.ABSENT) {
                    String first = "\"include_usage\":true" + (shape.streamOptionsMembers > 0 ? "," : "");
                    return insert(shape.streamOptionsStart + 1, first);
                }
                if (shape.includeUsage == RequestShape.FALSE || shape.includeUsage == RequestShape.NULL) {
                    return new Splice(shape.includeUsageStart, shape.includeUsageEnd, bytes("true"));
                }
                return null;
            default:
                return null;
        }
    }

    private static Splice insert(int at, String text) {
        return new Splice(at, at, bytes(text));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
