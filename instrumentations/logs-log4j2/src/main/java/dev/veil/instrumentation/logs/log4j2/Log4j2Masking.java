package dev.veil.instrumentation.logs.log4j2;

import dev.veil.bootstrap.Veil;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.BiConsumer;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * Helper injected next to log4j-core. A clean message costs one {@code formatTo} into a per-thread
 * builder and the prefilter, and allocates nothing (the garbage-free path stays garbage-free); a
 * message with a secret is replaced by a {@link SimpleMessage} holding the masked text.
 */
public final class Log4j2Masking {
    private Log4j2Masking() {
    }

    private static final int MAX_KEPT_CAPACITY = 4096;
    private static final ThreadLocal<StringBuilder> BUFFER = new ThreadLocal<StringBuilder>();

    public static Message mask(Message message) {
        if (message == null) {
            return null;
        }
        String text;
        if (message instanceof StringBuilderFormattable) {
            StringBuilder sb = BUFFER.get();
            if (sb == null) {
                sb = new StringBuilder(256);
                BUFFER.set(sb);
            }
            sb.setLength(0);
            ((StringBuilderFormattable) message).formatTo(sb);
            boolean suspicious = Veil.logMayHoldSecret(sb);
            text = suspicious ? sb.toString() : null;
            if (sb.capacity() > MAX_KEPT_CAPACITY) {
                BUFFER.set(new StringBuilder(256));
            }
            if (!suspicious) {
                return message;
            }
        } else {
            text = message.getFormattedMessage();
        }
        String masked = Veil.maskLog(text);
        return masked == text || masked == null ? message : new SimpleMessage(masked);
    }

    /** The context data with masked values: the same map when every value is clean, otherwise a copy. */
    public static ReadOnlyStringMap maskContext(ReadOnlyStringMap data) {
        if (data == null || data.isEmpty()) {
            return data;
        }
        ContextCheck check = new ContextCheck();
        data.forEach(check);
        if (!check.suspicious) {
            return data;
        }
        SortedArrayStringMap copy = new SortedArrayStringMap(data);
        data.forEach(new MaskInto(copy));
        copy.freeze();
        return copy;
    }

    /** Puts the masked value of every value that holds a secret into the copy. */
    static final class MaskInto implements BiConsumer<String, Object> {
        private final SortedArrayStringMap copy;

        MaskInto(SortedArrayStringMap copy) {
            this.copy = copy;
        }

        @Override
        public void accept(String key, Object value) {
            String masked = Veil.maskedLogText(value);
            if (masked != null) {
                copy.putValue(key, masked);
            }
        }
    }

    /** Whether any value may hold a secret (prefilter only). */
    static final class ContextCheck implements BiConsumer<String, Object> {
        boolean suspicious;

        @Override
        public void accept(String key, Object value) {
            if (!suspicious && value != null) {
                suspicious = Veil.logMayHoldSecret(value instanceof CharSequence ? (CharSequence) value : String.valueOf(value));
            }
        }
    }
}
