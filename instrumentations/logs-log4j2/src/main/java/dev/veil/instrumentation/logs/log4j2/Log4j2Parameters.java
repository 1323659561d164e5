package dev.veil.instrumentation.logs.log4j2;

import dev.veil.bootstrap.Veil;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ParameterizedMessage;

/**
 * Helper injected next to log4j-core: message parameters as structured layouts read them
 * (JsonTemplateLayout's {@code messageParameter} resolver). A parameter passed beyond the placeholders
 * never reaches the formatted text, so checking the text is not enough. A clean message costs one
 * prefilter call per parameter (an object parameter other than a boxed primitive is rendered once with
 * {@code String.valueOf}); String parameters allocate nothing (the reusable message stays reusable);
 * a message with a suspicious parameter is replaced by a {@link ParameterizedMessage} with the same
 * pattern and masked parameters (throwables masked as throwables), so its text and structure stay.
 */
public final class Log4j2Parameters {
    private Log4j2Parameters() {
    }

    private static final ThreadLocal<Suspicion> SUSPICION = new ThreadLocal<Suspicion>();

    public static Message mask(Message message) {
        if (!(message instanceof ParameterVisitable)) {
            return message;
        }
        Suspicion state = SUSPICION.get();
        if (state == null) {
            state = new Suspicion();
            SUSPICION.set(state);
        }
        state.suspicious = false;
        ((ParameterVisitable) message).forEachParameter(Suspicion.CHECK, state);
        if (!state.suspicious) {
            return message;
        }
        Object[] params = message.getParameters();
        if (params == null) {
            return message;
        }
        Object[] masked = params.clone();
        boolean changed = false;
        for (int i = 0; i < masked.length; i++) {
            Object p = masked[i];
            Object m;
            if (p instanceof Throwable) {
                m = Veil.maskThrowable((Throwable) p);
            } else {
                String text = Veil.maskedLogText(p);
                m = text == null ? p : text;
            }
            if (m != p) {
                masked[i] = m;
                changed = true;
            }
        }
        return changed ? new ParameterizedMessage(message.getFormat(), masked) : message;
    }

    /** Per-thread result of one pass over the parameters. */
    static final class Suspicion {
        static final ParameterConsumer<Suspicion> CHECK = new Check();
        boolean suspicious;
    }

    /** Whether a parameter may hold a secret (prefilter only); boxed primitives are skipped. */
    static final class Check implements ParameterConsumer<Suspicion> {
        @Override
        public void accept(Object parameter, int index, Suspicion state) {
            if (state.suspicious || parameter == null || parameter instanceof Number || parameter instanceof Boolean
                    || parameter instanceof Character) {
                return;
            }
            if (parameter instanceof Throwable) {
                state.suspicious = Veil.maskThrowable((Throwable) parameter) != parameter;
                return;
            }
            CharSequence text;
            try {
                text = parameter instanceof CharSequence ? (CharSequence) parameter : String.valueOf(parameter);
            } catch (RuntimeException e) {
                return; // the framework renders it (and fails) the same way
            }
            state.suspicious = Veil.logMayHoldSecret(text);
        }
    }
}
