package dev.veil.agent.instrument;

import dev.veil.instrumentation.api.InstrumentationModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.veil.agent.log.VeilLog;
import org.slf4j.Logger;

/**
 * Instantiates the instrumentation modules named by {@link ModuleIndex}, when the first target class
 * loads. One module that cannot load on this JVM (for example one compiled for a newer Java) is skipped
 * without affecting the others.
 */
public final class InstrumentationModules {

    private InstrumentationModules() {
    }

    /** The modules of {@code entries} (from {@link ModuleIndex}), instantiated. */
    static List<InstrumentationModule> load(ClassLoader agentLoader, List<ModuleIndex.Entry> entries) {
        int javaVersion = ModuleIndex.javaFeatureVersion();
        List<InstrumentationModule> modules = new ArrayList<InstrumentationModule>();
        for (ModuleIndex.Entry entry : entries) {
            String className = entry.className;
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

    /** Only on the rare paths that log: premain loads no logging classes otherwise. */
    private static Logger log() {
        return VeilLog.get(InstrumentationModules.class);
    }
}
