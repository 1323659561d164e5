package dev.veil.agent.logs;

import dev.veil.agent.detect.Finding;
import dev.veil.agent.redact.Redactor;
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
 *   <li>the <b>start</b> of the next event of the same connection and direction is scanned joined to the
 *       previous event's raw tail (at most {@link #TAIL} characters): a secret crossing the boundary is
 *       masked in this event; after a masked end, the leading token is masked whatever the engine says.</li>
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

        int head = headToMask(carry, content, redactor, pii);
        int tailFrom = endsLine ? content.length() : tailToMask(content, head);

        StringBuilder out = new StringBuilder(text.length() + 32).append(text, 0, contentStart);
        if (head > 0) {
            out.append(Redactor.logPlaceholder(SPLIT_SECRET));
        }
        String middle = content.substring(head, Math.max(head, tailFrom));
        String maskedMiddle = maskLine(middle, redactor, pii);
        out.append(maskedMiddle);
        if (tailFrom < content.length()) {
            out.append(Redactor.logPlaceholder(SPLIT_SECRET));
        }
        out.append('"');

        String tail = carry.tail + unescape(content.substring(Math.max(0, content.length() - 2 * TAIL)));
        carry.tail = tail.length() > TAIL ? tail.substring(tail.length() - TAIL) : tail;
        carry.openSecret = tailFrom < content.length();
        String result = head == 0 && tailFrom == content.length() && maskedMiddle == middle ? text : out.toString();
        boolean remember = text.length() <= MAX_REMEMBERED;
        state.lastIn = remember ? text : null;
        state.lastOut = remember ? result : null;
        return result;
    }

    /**
     * The engine on the event's text without the logger's line-end marks ({@code [\r][\n]}, which would
     * glue to a value and hide it from detectors that want it to end at a boundary), marks put back.
     */
    private static String maskLine(String middle, Redactor redactor, boolean pii) {
        int end = middle.length();
        while (end >= 4 && (middle.startsWith("[\\n]", end - 4) || middle.startsWith("[\\r]", end - 4))) {
            end -= 4;
        }
        if (end == middle.length()) {
            return redactor.maskLog(middle, pii);
        }
        String text = middle.substring(0, end);
        String masked = redactor.maskLog(text, pii);
        return masked == text ? middle : masked + middle.substring(end);
    }

    /**
     * How many leading characters of {@code content} belong to a secret that started in the previous
     * event: the end of a finding in (tail + content) that starts in the tail, or the leading token
     * after a masked end.
     */
    private static int headToMask(Carry carry, String content, Redactor redactor, boolean pii) {
        int head = 0;
        if (carry.openSecret) {
            while (head < content.length() && tokenChar(content.charAt(head))) {
                head++;
            }
        }
        if (!carry.tail.isEmpty()) {
            String joined = carry.tail + content;
            int boundary = carry.tail.length();
            List<Finding> found = redactor.engine().scan(joined, true, pii);
            for (Finding f : found) {
                if (f.start() < boundary && f.end() > boundary) {
                    head = Math.max(head, f.end() - boundary);
                }
            }
        }
        return Math.min(head, content.length());
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
        if (prefixed || randomLooking(content, run, n)
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
