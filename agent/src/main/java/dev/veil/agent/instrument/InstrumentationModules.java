package dev.veil.agent.instrument;

import dev.veil.instrumentation.api.InstrumentationModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.veil.agent.log.VeilLog;
import org.slf4j.Logger;

/**
 * Finds the instrumentation modules bundled in the agent (service files in the agent class loader).
 * Read by hand rather than with {@code ServiceLoader} so that one module that cannot load on this JVM
 * (for example the JDK HttpClient module, compiled for Java 11, on Java 8) is skipped without
 * affecting the others.
 */
public final class InstrumentationModules {

    private static final String SERVICE_FILE = "META-INF/services/" + InstrumentationModule.class.getName();

    private InstrumentationModules() {
    }

    public static List<InstrumentationModule> load(ClassLoader agentLoader, int javaVersion) {
        List<InstrumentationModule> modules = new ArrayList<InstrumentationModule>();
        for (String className : serviceClassNames(agentLoader)) {
            try {
                InstrumentationModule module = (InstrumentationModule) Class.forName(className, true, agentLoader)
                        .getDeclaredConstructor().newInstance();
                if (module.minimumJavaVersion() > javaVersion) {
                    log().debug("instrumentation {} needs Java {}; skipped", module.name(), module.minimumJavaVersion());
                    continue;
                }
                modules.add(module);
            } catch (UnsupportedClassVersionError e) {
                log().debug("instrumentation {} is compiled for a newer Java; skipped", className);
            } catch (Throwable t) {
                log().warn("instrumentation {} could not be loaded; skipped", className, t);
            }
        }
        return Collections.unmodifiableList(modules);
    }

    /** The agent jar holds one service file, merged by the build; read it without URL machinery. */
    private static List<String> serviceClassNames(ClassLoader loader) {
        List<String> names = new ArrayList<String>();
        InputStream in = loader.getResourceAsStream(SERVICE_FILE);
        if (in == null) {
            log().warn("no instrumentation modules found in the agent");
            return names;
        }
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            log().warn("cannot list instrumentation modules", e);
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
        return names;
    }

    /** Only on the rare paths that log: premain loads no logging classes otherwise. */
    private static Logger log() {
        return VeilLog.get(InstrumentationModules.class);
    }

    /** The running JVM's feature version: 8 for "1.8", 17 for "17". */
    public static int javaFeatureVersion() {
        String spec = System.getProperty("java.specification.version", "1.8");
        try {
            return spec.startsWith("1.") ? Integer.parseInt(spec.substring(2)) : Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return 8;
        }
    }
}
