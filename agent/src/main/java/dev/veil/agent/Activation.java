package dev.veil.agent;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.instrument.LazyInstaller;
import dev.veil.agent.logs.LogMasker;
import java.io.File;
import java.lang.instrument.Instrumentation;

/**
 * What happens when the first instrumented class appears: the bootstrap API is defined and the agent's
 * hooks are installed into it. Kept apart from {@link AgentMain} so that nothing referring to
 * {@code dev.veil.bootstrap} is loaded (or verified) at start-up.
 */
final class Activation implements LazyInstaller.Activation {

    private final Instrumentation inst;
    private final File agentJar;
    private final VeilConfig config;
    private final LogMasker logs;

    Activation(Instrumentation inst, File agentJar, VeilConfig config, LogMasker logs) {
        this.inst = inst;
        this.agentJar = agentJar;
        this.config = config;
        this.logs = logs;
    }

    @Override
    public void activate() throws Exception {
        dev.veil.agent.instrument.BootstrapApi.define(inst, agentJar);
        HooksInstallation.install(config, logs);
    }
}
