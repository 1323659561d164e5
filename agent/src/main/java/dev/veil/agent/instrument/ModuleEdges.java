package dev.veil.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Adds module read and open edges with {@code Instrumentation.redefineModule} (Java 9+), called by
 * reflection because the agent core is Java 8 bytecode. Module objects are passed as {@code Object}.
 */
final class ModuleEdges {

    private ModuleEdges() {
    }

    /** Lets {@code from} read {@code to}. */
    static void addReads(Instrumentation inst, Object from, Object to) throws Exception {
        redefine(inst, from, Collections.singleton(to), Collections.<String, Set<Object>>emptyMap());
    }

    /** Opens package {@code pkg} of {@code module} to {@code to} (deep reflection). */
    static void addOpens(Instrumentation inst, Object module, String pkg, Object to) throws Exception {
        redefine(inst, module, Collections.emptySet(), Collections.singletonMap(pkg, Collections.singleton(to)));
    }

    /** The module of a class, or null on Java 8. */
    static Object moduleOf(Class<?> type) {
        try {
            return Class.class.getMethod("getModule").invoke(type);
        } catch (Exception java8) {
            return null;
        }
    }

    private static void redefine(Instrumentation inst, Object module, Set<?> reads, Map<String, ? extends Set<?>> opens)
            throws Exception {
        Class<?> moduleClass = Class.forName("java.lang.Module");
        Method redefineModule = Instrumentation.class.getMethod("redefineModule", moduleClass, Set.class, Map.class,
                Map.class, Set.class, Map.class);
        redefineModule.invoke(inst, module, reads, Collections.emptyMap(), opens, Collections.emptySet(),
                Collections.emptyMap());
    }
}
