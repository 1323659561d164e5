package dev.veil.agent.logs;

import dev.veil.instrumentation.api.InstrumentationModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Log instrumentations are named {@code logs-*}; with {@code veil.logs.mode=off} none of them is installed. */
public final class LogModules {
    private LogModules() {
    }

    public static final String PREFIX = "logs-";

    public static List<InstrumentationModule> keepIf(boolean logsEnabled, List<InstrumentationModule> modules) {
        if (logsEnabled) {
            return modules;
        }
        List<InstrumentationModule> kept = new ArrayList<InstrumentationModule>();
        for (InstrumentationModule m : modules) {
            if (!m.name().startsWith(PREFIX)) {
                kept.add(m);
            }
        }
        return Collections.unmodifiableList(kept);
    }
}
