package dev.veil.agent;

import dev.veil.agent.config.ConfigException;
import dev.veil.agent.config.CoreSettings;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.instrument.ModuleIndex;
import dev.veil.agent.instrument.LazyInstaller;
import dev.veil.agent.log.VeilLog;
import dev.veil.agent.telemetry.TelemetrySettings;
import dev.veil.agent.logs.ConsoleStreams;
import dev.veil.agent.logs.LogMasker;
import dev.veil.agent.logs.LogModules;
import dev.veil.agent.logs.LogSettings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Properties;

/**
 * The agent's entry point inside its isolated class loader. Reads and validates the configuration
 * (an invalid value stops the JVM before {@code main} with one line on stderr) and registers the lazy
 * transformer. Nothing heavy (ByteBuddy, Jackson, the detectors) and nothing of the bootstrap API is
 * loaded here: that waits for the first class Veil instruments (see {@link Activation}).
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void start(Instrumentation inst, String agentArgs, File agentJar, boolean atStartup) throws IOException {
        VeilConfig config;
        try {
            config = VeilConfig.load();
        } catch (ConfigException e) {
            System.err.println("veil: " + e.getMessage());
            System.err.flush();
            // halt, not exit: the application has not started, there is nothing to shut down, and
            // nothing else may print.
            Runtime.getRuntime().halt(1);
            return;
        }
        VeilLog.captureStderr();
        VeilLog.setLevel(config.get(CoreSettings.LOG_LEVEL));
        // Lines are written with VeilLog.log, not an SLF4J logger: premain loads no logging classes.
        for (String warning : config.warnings()) {
            VeilLog.log(VeilLog.WARN, warning);
        }
        if (agentArgs != null && !agentArgs.trim().isEmpty()) {
            VeilLog.log(VeilLog.WARN, "agent arguments are ignored; configure Veil with veil.* system properties, VEIL_* variables or veil.config");
        }
        String version = version();
        if (!config.get(CoreSettings.ENABLED)) {
            VeilLog.log(VeilLog.INFO, "Veil " + version + " disabled (veil.enabled=false): nothing is instrumented");
            return;
        }

        LogMasker logs = new LogMasker(config);
        // Before the application (or a logging framework) can capture System.out / System.err.
        ConsoleStreams.install(logs);
        ClassLoader agentLoader = AgentMain.class.getClassLoader();
        List<ModuleIndex.Entry> modules = LogModules.keepIf(logs.enabled(),
                ModuleIndex.read(agentLoader, ModuleIndex.javaFeatureVersion()));
        LazyInstaller.install(inst, new Activation(inst, agentJar, config, logs), modules, agentLoader, atStartup);

        VeilLog.log(VeilLog.INFO, "Veil " + version + " started: prompt mode " + config.get(CoreSettings.PROMPT_MODE)
                + ", failure policy " + config.get(CoreSettings.FAILURE) + ", logs " + config.get(LogSettings.MODE)
                + ", instrumentations [" + names(modules) + "], telemetry "
                + (config.get(TelemetrySettings.ENABLED) ? "on (" + config.get(TelemetrySettings.EXPORTER) + ")" : "off"));
        // compile-time constants: FaultInjection itself is not loaded here
        if (dev.veil.agent.testing.FaultInjection.ENABLING_VALUE.equals(System.getProperty(dev.veil.agent.testing.FaultInjection.PROPERTY))) {
            VeilLog.log(VeilLog.WARN, "TESTING fault injection is ON (" + dev.veil.agent.testing.FaultInjection.PROPERTY
                    + "): Veil fails on purpose where tests ask it to; never use this outside tests");
        }
    }

    private static String names(List<ModuleIndex.Entry> modules) {
        StringBuilder sb = new StringBuilder();
        for (ModuleIndex.Entry m : modules) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(m.name());
        }
        return sb.toString();
    }

    static String version() {
        try (InputStream in = AgentMain.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
