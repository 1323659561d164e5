package dev.veil.agent;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.hooks.AgentHooks;
import dev.veil.bootstrap.Veil;

/** Installs the agent's hooks into the bootstrap API; loaded only after that API is defined. */
final class HooksInstallation {
    private HooksInstallation() {
    }

    static void install(VeilConfig config) {
        Veil.install(new AgentHooks(config));
    }
}
