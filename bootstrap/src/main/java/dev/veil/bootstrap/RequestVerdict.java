package dev.veil.bootstrap;

/**
 * The agent's decision about one outbound LLM request, in JDK types only.
 *
 * <p>{@link #PASS}: send the original bytes. {@link #REWRITE}: send {@link #body()} instead.
 * {@link #BLOCK}: send nothing and fail the call with the client's own failure type carrying
 * {@link #message()} (which starts with {@code "veil: "} and never holds a secret).
 */
public final class RequestVerdict {
    public static final int PASS = 0;
    public static final int REWRITE = 1;
    public static final int BLOCK = 2;

    private static final RequestVerdict PASS_VERDICT = new RequestVerdict(PASS, null, null);

    private final int action;
    private final byte[] body;
    private final String message;

    private RequestVerdict(int action, byte[] body, String message) {
        this.action = action;
        this.body = body;
        this.message = message;
    }

    public static RequestVerdict pass() {
        return PASS_VERDICT;
    }

    public static RequestVerdict rewrite(byte[] body) {
        if (body == null) {
            throw new IllegalArgumentException("body");
        }
        return new RequestVerdict(REWRITE, body, null);
    }

    public static RequestVerdict block(String message) {
        if (message == null || !message.startsWith("veil: ")) {
            throw new IllegalArgumentException("a block message starts with 'veil: '");
        }
        return new RequestVerdict(BLOCK, null, message);
    }

    public int action() {
        return action;
    }

    public boolean isPass() {
        return action == PASS;
    }

    public boolean isRewrite() {
        return action == REWRITE;
    }

    public boolean isBlock() {
        return action == BLOCK;
    }

    /** The bytes to send instead of the original, for {@link #REWRITE}; otherwise {@code null}. */
    public byte[] body() {
        return body;
    }

    /** Why the call is blocked, for {@link #BLOCK}; otherwise {@code null}. */
    public String message() {
        return message;
    }
}
