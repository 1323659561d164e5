package dev.veil.agent.call;

/**
 * Marks the threads sending Veil's own telemetry: while a thread is inside {@link #enter()}…{@link #exit()},
 * every HTTP request it makes is left alone (never matched as an LLM call), so exporting can neither
 * recurse nor be counted — even when a user points {@code veil.llm.hosts} or a path pattern at the collector.
 */
public final class ExportGuard {
    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<Boolean>();

    private ExportGuard() {
    }

    public static void enter() {
        ACTIVE.set(Boolean.TRUE);
    }

    public static void exit() {
        ACTIVE.remove();
    }

    public static boolean active() {
        return ACTIVE.get() != null;
    }
}
