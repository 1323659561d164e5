package dev.veil.instrumentation.api;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Collects the advice a {@link TypeInstrumentation} applies. */
public interface TypeTransformer {

    /**
     * Inlines the advice class into every method that matches. The advice must suppress its own
     * throwables ({@code suppress = Throwable.class}) and reference only JDK types, the instrumented
     * library and {@code dev.veil.bootstrap} classes.
     */
    void applyAdviceToMethod(ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName);
}
