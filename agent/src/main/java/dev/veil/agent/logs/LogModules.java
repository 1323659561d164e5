package dev.veil.agent.logs;

import dev.veil.agent.instrument.ModuleIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Log instrumentations are named {@code logs-*}; with {@code veil.logs.mode=off} none of them is installed. */
public final class LogModules {
    private LogModules() {
    }

    public static final String PREFIX = "logs-";

    public static List<ModuleIndex.Entry> keepIf(boolean logsEnabled, List<ModuleIndex.Entry> modules) {
        if (logsEnabled) {
            return modules;
        }
        List<ModuleIndex.Entry> kept = new ArrayList<ModuleIndex.Entry>();
        for (ModuleIndex.Entry m : modules) {
            if (!m.name().startsWith(PREFIX)) {
                kept.add(m);
            }
        }
        return Collections.unmodifiableList(kept);
    }
}
