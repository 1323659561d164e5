package dev.veil.instrumentation.logs.log4j2;

import dev.veil.bootstrap.Veil;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.spi.MutableThreadContextStack;

/**
 * Helper injected next to log4j-core: the ThreadContext stack (NDC) of an event with every item that
 * holds a secret masked. The same stack when every item is clean (nothing allocated beyond the
 * stack's own {@code asList()}), otherwise a frozen copy in the same order.
 */
public final class Log4j2ContextStack {
    private Log4j2ContextStack() {
    }

    public static ThreadContext.ContextStack mask(ThreadContext.ContextStack stack) {
        if (stack == null || stack.getDepth() == 0) {
            return stack;
        }
        List<String> items = stack.asList();
        List<String> masked = null;
        for (int i = 0; i < items.size(); i++) {
            String item = Veil.maskedLogText(items.get(i));
            if (item != null) {
                if (masked == null) {
                    masked = new ArrayList<String>(items);
                }
                masked.set(i, item);
            }
        }
        if (masked == null) {
            return stack;
        }
        MutableThreadContextStack copy = new MutableThreadContextStack(masked);
        copy.freeze();
        return copy;
    }
}
