package dev.veil.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.security.CodeSource;

/**
 * The {@code Premain-Class} and {@code Agent-Class}. Loaded by the system class loader, it touches only
 * JDK types and {@link AgentClassLoader}: it creates the isolated agent class loader and hands over to
 * {@code dev.veil.agent.AgentMain} inside it. Whatever goes wrong here, the application still starts.
 */
public final class VeilPremain {

    private static final String AGENT_MAIN = "dev.veil.agent.AgentMain";

    private VeilPremain() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, false);
    }

    private static void start(String agentArgs, Instrumentation inst, boolean atStartup) {
        try {
            File jar = agentJar();
            ClassLoader loader = new AgentClassLoader(jar);
            Class.forName(AGENT_MAIN, true, loader)
                    .getMethod("start", Instrumentation.class, String.class, File.class, boolean.class)
                    .invoke(null, inst, agentArgs, jar, atStartup);
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
            System.err.println("[veil] ERROR agent not started, the application runs without Veil ("
                    + cause.getClass().getName() + ")");
        }
    }

    private static File agentJar() throws Exception {
        CodeSource source = VeilPremain.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot locate the agent jar");
        }
        URI uri = source.getLocation().toURI();
        return new File(uri);
    }
}
