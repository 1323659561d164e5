package dev.veil.agent;

import dev.veil.agent.audit.AuditLog;
import dev.veil.agent.audit.AuditSettings;
import dev.veil.agent.call.CallListener;
import dev.veil.agent.call.CallListeners;
import dev.veil.agent.call.DebugCallLog;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.log.VeilLog;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import dev.veil.agent.hooks.AgentHooks;
import dev.veil.bootstrap.Veil;

/** Installs the agent's hooks into the bootstrap API; loaded only after that API is defined. */
final class HooksInstallation {
    private HooksInstallation() {
    }

    static void install(VeilConfig config) {
        List<CallListener> listeners = new ArrayList<CallListener>();
        listeners.add(new DebugCallLog(VeilLog.get(DebugCallLog.class)));
        String auditFile = config.get(AuditSettings.FILE);
        if (!auditFile.isEmpty()) {
            listeners.add(new AuditLog(Paths.get(auditFile), config.get(AuditSettings.MAX_BYTES),
                    config.get(AuditSettings.KEEP).intValue(), VeilLog.get(AuditLog.class)));
        }
        Veil.install(new AgentHooks(config, new CallListeners(listeners, VeilLog.get(CallListeners.class))));
    }
}
