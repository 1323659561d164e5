package dev.veil.instrumentation.api;

import java.util.List;

/**
 * One intercepted library. Registered as a service
 * ({@code META-INF/services/dev.veil.instrumentation.api.InstrumentationModule}) and loaded in the
 * agent's isolated class loader.
 *
 * <p>{@link #name()} and {@link #targetClassNames()} must not touch ByteBuddy: the agent reads them at
 * start-up to decide when to load ByteBuddy at all (only when one of the target classes is loaded).
 * {@link #typeInstrumentations()} is called only then.
 */
public interface InstrumentationModule {

    /** A short stable name, e.g. {@code jdk-httpclient}; used in settings and logs. */
    String name();

    /** Binary names of every class this module transforms. */
    List<String> targetClassNames();

    /**
     * Classes of this module that instrumented code calls and that use the library's types. Before a
     * target class is transformed they are defined in that class's own class loader (the agent keeps
     * them isolated otherwise). They may use the library, the JDK and {@code dev.veil.bootstrap}.
     */
    List<String> helperClassNames();

    /** The lowest Java feature version this module's classes run on (e.g. 11 for the JDK HttpClient). */
    int minimumJavaVersion();

    /** Builds the type instrumentations; may load ByteBuddy. */
    List<TypeInstrumentation> typeInstrumentations();
}
