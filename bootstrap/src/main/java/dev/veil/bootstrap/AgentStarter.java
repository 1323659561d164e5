package dev.veil.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Called by the launcher once the agent jar is on the bootstrap search path: creates the isolated
 * agent class loader and hands over to the agent's main class inside it.
 */
public final class AgentStarter {

    private static final String AGENT_MAIN = "dev.veil.agent.AgentMain";

    private AgentStarter() {
    }

    public static void start(Instrumentation inst, String agentArgs, File agentJar, boolean atStartup) throws Throwable {
        AgentClassLoader loader = new AgentClassLoader(agentJar);
        Class<?> main = Class.forName(AGENT_MAIN, true, loader);
        Method start = main.getMethod("start", Instrumentation.class, String.class, File.class, boolean.class);
        try {
            start.invoke(null, inst, agentArgs, agentJar, atStartup);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
