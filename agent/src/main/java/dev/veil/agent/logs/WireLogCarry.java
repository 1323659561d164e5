package dev.veil.agent.logs;

import dev.veil.agent.detect.Finding;
import dev.veil.agent.redact.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets split across two consecutive wire-log events. The Apache HttpClient 4 and 5 wire loggers
 * ({@code org.apache.http.wire}, {@code org.apache.hc.client5.http.wire}) log each socket read or write
 * as events shaped {@code <connection> >> "<bytes>"}, one per line of the traffic and one more for the
 * rest of the chunk; a chunk boundary can fall inside a key ({@code …"api_key":"sk-pro} then
 * {@code j-…"}). Each event is masked on its own first; then, per thread and per connection and
 * direction:
 * <ul>
 *   <li>the <b>end</b> of an event that does not end a line: when its last token can start a secret (a
 *       key prefix, letters and digits mixed over 10 or more characters, a credential name or auth scheme
 *       just before it) the event's part of it is masked ({@code [[VEIL:SPLIT_SECRET]]}); nothing is
 *       held back;</li>
 *   <li>the next event of the same connection and direction is also scanned joined to the previous
 *       event's raw tail (at most {@link #TAIL} characters): a secret crossing the boundary is masked in
 *       this event, and so is a secret the engine recognises only with the previous event's context (a
 *       value on the line after its name); after a masked end, the leading token is masked whatever the
 *       engine says.</li>
 * </ul>
 * Limits: only events of the wire shape are joined; only consecutive events of one thread (the Apache
 * clients write one connection from one thread at a time); a secret is recognised across one boundary
 * with at most {@link #TAIL} characters before it; at most {@link #CONNECTIONS} connections per thread
 * are remembered (least recently used dropped). An event is never delayed, dropped or reordered. The
 * same event text masked twice in a row on a thread (a framework reading the message twice) gets the
 * same result. Memory: per thread that logs wire events, at most 16 tails and the last event in and out.
 */
final class WireLogCarry {

    static final int TAIL = 128;
    /** How far before a trailing token a credential name or scheme counts as its context. */
    private static final int CONTEXT = 24;
    static final int CONNECTIONS = 16;
    /** Events longer than this are not remembered for the repeated-read case (memory bound). */
    private static final int MAX_REMEMBERED = 16 * 1024;
    static final String SPLIT_SECRET = "SPLIT_SECRET";
    private final ThreadLocal<ThreadState> states = new ThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
            return new ThreadState();
        }
    };

    /** One thread's carries (bounded, least recently used dropped) and its last event in and out. */
    private static final class ThreadState {
        final Map<String, Carry> carries = new LinkedHashMap<String, Carry>(8, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Carry> eldest) {
                return size() > CONNECTIONS;
            }
        };
        String lastIn;
        String lastOut;
    }

    /** What is remembered about the last event of one connection and direction on one thread. */
    private static final class Carry {
        /** Raw end of the previous event's content (line breaks as {@code \n}). */
        String tail = "";
        /** The previous event ended inside a token that was masked as a split secret. */
        boolean openSecret;
    }

    /**
     * Where the quoted content of a wire-shaped event starts ({@code <id> >> "} or {@code <id> << "} near
     * the start, {@code "} at the end), or -1. Costs one comparison for lines not ending in a quote.
     */
    static int contentStart(String s) {
        int n = s.length();
        if (n < 7 || s.charAt(n - 1) != '"') {
            return -1;
        }
        int limit = Math.min(n - 5, 80);
        for (int i = 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                char d = s.charAt(i + 1);
                if ((d == '>' || d == '<') && s.charAt(i + 2) == d && s.charAt(i + 3) == ' ' && s.charAt(i + 4) == '"') {
                    return i + 5;
                }
            }
        }
        return -1;
    }

    /** The event masked on its own and across the boundary with the previous event of its connection. */
    String mask(String text, int contentStart, Redactor redactor, boolean pii) {
        ThreadState state = states.get();
        if (text.equals(state.lastIn)) {
            return state.lastOut;
        }
        String key = text.substring(0, contentStart);
        Carry carry = state.carries.get(key);
        if (carry == null) {
            carry = new Carry();
            state.carries.put(key, carry);
        }
        int end = text.length() - 1;
        String content = text.substring(contentStart, end);
        boolean endsLine = content.endsWith("[\\n]");
        int scanned = withoutLineMarks(content);

        List<int[]> spans = new ArrayList<int[]>();
        List<String> labels = new ArrayList<String>();
        if (carry.openSecret) {
            int k = 0;
            while (k < scanned && tokenChar(content.charAt(k))) {
                k++;
            }
            add(spans, labels, 0, k, SPLIT_SECRET);
        }
        String own = content.substring(0, scanned);
        if (!carry.tail.isEmpty()) {
            // with the previous event's tail: secrets crossing the boundary, and secrets recognised by
            // context there (a value on the line after its name)
            int boundary = carry.tail.length();
            for (Finding f : redactor.engine().scan(carry.tail + own, true, pii)) {
                if (f.end() > boundary) {
                    add(spans, labels, Math.max(f.start(), boundary) - boundary, f.end() - boundary,
                            f.start() < boundary ? SPLIT_SECRET : f.detectorId());
                }
            }
        }
        for (Finding f : redactor.engine().scan(own, true, pii)) {
            add(spans, labels, f.start(), f.end(), f.detectorId());
        }
        int tailFrom = endsLine ? scanned : tailToMask(own, 0);
        add(spans, labels, tailFrom, scanned, SPLIT_SECRET);
        String result = spans.isEmpty() ? text : replace(text, contentStart, spans, labels);
        carry.openSecret = tailFrom < scanned;

        String tail = carry.tail + unescape(content.substring(Math.max(0, content.length() - 2 * TAIL)));
        carry.tail = tail.length() > TAIL ? tail.substring(tail.length() - TAIL) : tail;
        boolean remember = text.length() <= MAX_REMEMBERED;
        state.lastIn = remember ? text : null;
        state.lastOut = remember ? result : null;
        return result;
    }

    /** The content's length without the logger's trailing line-end marks ({@code [\r][\n]}). */
    private static int withoutLineMarks(String content) {
        int end = content.length();
        while (end >= 4 && (content.startsWith("[\\n]", end - 4) || content.startsWith("[\\r]", end - 4))) {
            end -= 4;
        }
        return end;
    }

    private static void add(List<int[]> spans, List<String> labels, int start, int end, String label) {
        if (end > start) {
            spans.add(new int[] {start, end});
            labels.add(label);
        }
    }

    /** The text with the content spans (overlapping ones merged, first label kept) replaced by placeholders. */
    private static String replace(String text, int offset, List<int[]> spans, List<String> labels) {
        Integer[] order = new Integer[spans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(spans.get(x)[0], spans.get(y)[0]));
        StringBuilder out = new StringBuilder(text.length() + 32).append(text, 0, offset);
        int copied = 0;
        String content = text.substring(offset);
        for (int i = 0; i < order.length; ) {
            int start = spans.get(order[i])[0];
            int end = spans.get(order[i])[1];
            String label = labels.get(order[i]);
            int j = i + 1;
            while (j < order.length && spans.get(order[j])[0] < end) {
                end = Math.max(end, spans.get(order[j])[1]);
                j++;
            }
            out.append(content, copied, start).append(Redactor.logPlaceholder(label));
            copied = end;
            i = j;
        }
        return out.append(content, copied, content.length()).toString();
    }

    /**
     * Where the secret that the event may end inside starts (its part in this event is masked), or the
     * content length when the end looks like nothing that starts a secret. The trailing token counts as
     * a secret's start when it starts with a known key prefix, when it is 10 or more characters mixing
     * letters and digits, or when a credential word ({@code key}, {@code token}, {@code auth}, {@code bearer},
     * …) stands in it or in the {@link #CONTEXT} characters before it.
     */
    private static int tailToMask(String content, int head) {
        int n = content.length();
        int run = n;
        while (run > head && runChar(content.charAt(run - 1))) {
            run--;
        }
        int token = n;
        while (token > run && keyChar(content.charAt(token - 1))) {
            token--;
        }
        if (run == n) {
            return n;
        }
        boolean prefixed = dev.veil.bootstrap.SecretShapes.startsWithKeyPrefix(content, token)
                || dev.veil.bootstrap.SecretShapes.startsWithKeyPrefix(content, run);
        if (prefixed || randomLooking(content, run, n) || afterUrlUserInfo(content, head, run)
                || credentialContext(content, Math.max(head, run - CONTEXT), n)) {
            return run;
        }
        return n;
    }

    /**
     * Characters the trailing run may hold: a key's, and {@code / + = . \} (a base64 key, a URL holding a
     * credential, a PEM body inside a JSON string); the run is masked whole.
     */
    private static boolean runChar(char c) {
        return keyChar(c) || c == '/' || c == '=' || c == '.' || c == '\\';
    }

    /**
     * Random-looking over 10 or more characters: upper case, lower case and digits mixed (base62 and
     * base64 keys), or 12 or more hex digits with letters and digits (hex keys). Model names and words
     * with a version number ({@code gpt-4o-mini}, {@code v2-release}) are neither.
     */
    private static boolean randomLooking(String s, int from, int to) {
        if (to - from < 10) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean hex = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            hex &= c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
        return upper && lower && digit || hex && lower && digit && to - from >= 12;
    }

    /**
     * The run is the password part of a URL, because {@code scheme://[user]:} stands right before it (a
     * Redis URL with an empty user name, a database URL with one), whatever the password looks like.
     */
    private static boolean afterUrlUserInfo(String s, int head, int run) {
        if (run <= head || s.charAt(run - 1) != ':') {
            return false;
        }
        int i = run - 1;
        int limit = Math.max(head, run - 1 - CONTEXT);
        while (i > limit && keyChar(s.charAt(i - 1)) || i > limit && s.charAt(i - 1) == '.') {
            i--;
        }
        return i - 3 >= head && s.startsWith("://", i - 3);
    }

    private static final String[] CONTEXT_WORDS = {"key", "token", "secret", "pass", "pwd", "auth", "credential", "bearer", "basic"};

    /** A credential word (any case) in [from, to): a header, parameter, flag or scheme naming what follows. */
    private static boolean credentialContext(String s, int from, int to) {
        String context = s.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        for (String word : CONTEXT_WORDS) {
            if (context.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Characters of a key as the tail check reads them (no {@code / . =}: paths and assignments end there). */
    private static boolean keyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '+' || c == '~';
    }

    private static boolean tokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '+' || c == '/' || c == '=' || c == '.' || c == '~';
    }

    /** The wire logger's {@code [\r]} and {@code [\n]} back to line breaks, so joined text reads as sent. */
    private static String unescape(String content) {
        return content.indexOf('[') < 0 ? content : content.replace("[\\r]", "\r").replace("[\\n]", "\n");
    }
}
