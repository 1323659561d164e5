package dev.veil.agent.llm.request;

import dev.veil.agent.llm.RequestInfo;
import java.nio.charset.StandardCharsets;

/**
 * What {@link PromptWalker} learns about the request beyond its prompt text: the span parameters and
 * where {@code stream_options.include_usage} is, or could be inserted.
 */
final class RequestShape {
    /** Scope of a value: where its member sits. */
    static final int NONE = 0;
    static final int ROOT_VALUE = 1;
    static final int ROOT = 2;
    static final int CONFIG = 3;
    static final int STREAM_OPTIONS = 4;

    static final int ABSENT = 0;
    static final int OBJECT = 1;
    static final int NULL = 2;
    static final int TRUE = 3;
    static final int FALSE = 4;
    static final int OTHER = 5;

    final RequestInfo.Builder info = new RequestInfo.Builder();
    boolean rootIsObject;
    int rootClose = -1;
    int rootMembers;
    boolean hasModel;
    boolean hasMessages;
    boolean hasPrompt;

    int streamOptions = ABSENT;
    int streamOptionsStart;
    int streamOptionsEnd;
    int streamOptionsMembers;
    int includeUsage = ABSENT;
    int includeUsageStart;
    int includeUsageEnd;

    /** The scope of the members of an object found in {@code scope} under the name coded {@code code}. */
    static int memberScope(int scope, int code) {
        if (scope == ROOT_VALUE) {
            return ROOT;
        }
        if (scope == ROOT) {
            int param = code & FieldRules.PARAM_MASK;
            if (param == FieldRules.P_CONFIG) {
                return CONFIG;
            }
            if (param == FieldRules.P_STREAM_OPTIONS) {
                return STREAM_OPTIONS;
            }
        }
        return NONE;
    }

    void onMember(int code, int scope) {
        if (scope == ROOT) {
            int param = code & FieldRules.PARAM_MASK;
            hasMessages |= param == FieldRules.P_MESSAGES;
            hasPrompt |= param == FieldRules.P_PROMPT;
        }
    }

    void onObjectStart(int code, int scope, int open) {
        if (scope == ROOT_VALUE) {
            rootIsObject = true;
        } else if (isStreamOptions(code, scope)) {
            streamOptions = OBJECT;
            streamOptionsStart = open;
        }
    }

    void onObjectEnd(int code, int scope, int open, int close, int members) {
        if (scope == ROOT_VALUE) {
            rootClose = close;
            rootMembers = members;
        } else if (isStreamOptions(code, scope)) {
            streamOptionsEnd = close + 1;
            streamOptionsMembers = members;
        }
    }

    void onBoolean(int code, int scope, boolean value, int start, int end) {
        int param = code & FieldRules.PARAM_MASK;
        if (scope == ROOT && param == FieldRules.P_STREAM) {
            info.stream = Boolean.valueOf(value);
        } else if (scope == STREAM_OPTIONS && param == FieldRules.P_INCLUDE_USAGE) {
            setIncludeUsage(value ? TRUE : FALSE, start, end);
        } else {
            other(code, scope, start, end);
        }
    }

    void onNull(int code, int scope, int start, int end) {
        if (isStreamOptions(code, scope)) {
            streamOptions = NULL;
            streamOptionsStart = start;
            streamOptionsEnd = end;
        } else if (scope == STREAM_OPTIONS && (code & FieldRules.PARAM_MASK) == FieldRules.P_INCLUDE_USAGE) {
            setIncludeUsage(NULL, start, end);
        }
    }

    void onNumber(int code, int scope, byte[] b, int start, int end) {
        other(code, scope, start, end);
        if (scope != ROOT && scope != CONFIG) {
            return;
        }
        int param = code & FieldRules.PARAM_MASK;
        switch (param) {
            case FieldRules.P_MAX_TOKENS:
                info.maxTokens = asLong(b, start, end);
                break;
            case FieldRules.P_SEED:
                info.seed = asLong(b, start, end);
                break;
            case FieldRules.P_CHOICES:
                info.choiceCount = asLong(b, start, end);
                break;
            case FieldRules.P_TEMPERATURE:
                info.temperature = asDouble(b, start, end);
                break;
            case FieldRules.P_TOP_P:
                info.topP = asDouble(b, start, end);
                break;
            case FieldRules.P_TOP_K:
                info.topK = asDouble(b, start, end);
                break;
            case FieldRules.P_FREQUENCY_PENALTY:
                info.frequencyPenalty = asDouble(b, start, end);
                break;
            case FieldRules.P_PRESENCE_PENALTY:
                info.presencePenalty = asDouble(b, start, end);
                break;
            default:
                break;
        }
    }

    /** A string as it will be sent. */
    void onString(int code, int scope, String text) {
        int param = code & FieldRules.PARAM_MASK;
        if (scope == ROOT && param == FieldRules.P_MODEL && !hasModel) {
            hasModel = true;
            info.model = text;
        } else if ((scope == ROOT || scope == CONFIG) && param == FieldRules.P_STOP) {
            info.addStop(text);
        } else if (isStreamOptions(code, scope)) {
            streamOptions = OTHER;
        }
    }

    private void other(int code, int scope, int start, int end) {
        if (isStreamOptions(code, scope)) {
            streamOptions = OTHER;
        } else if (scope == STREAM_OPTIONS && (code & FieldRules.PARAM_MASK) == FieldRules.P_INCLUDE_USAGE) {
            setIncludeUsage(OTHER, start, end);
        }
    }

    private void setIncludeUsage(int state, int start, int end) {
        includeUsage = state;
        includeUsageStart = start;
        includeUsageEnd = end;
    }

    private static boolean isStreamOptions(int code, int scope) {
        return scope == ROOT && (code & FieldRules.PARAM_MASK) == FieldRules.P_STREAM_OPTIONS;
    }

    private static Long asLong(byte[] b, int start, int end) {
        Double d = asDouble(b, start, end);
        return d == null || d.doubleValue() != Math.rint(d.doubleValue()) ? null : Long.valueOf(d.longValue());
    }

    private static Double asDouble(byte[] b, int start, int end) {
        try {
            return Double.valueOf(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
