package dev.veil.agent.telemetry;

import dev.veil.agent.call.CallListener;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.log.VeilLog;
import org.slf4j.Logger;

/**
 * Entry point of opt-in telemetry, called only when {@code veil.otel.enabled=true}: nothing of
 * OpenTelemetry is loaded before this runs. Returns the listener to register, or null when the standard
 * {@code OTEL_SDK_DISABLED=true} switches it off.
 */
public final class Telemetry {
    private static final Logger LOG = VeilLog.get(Telemetry.class);

    private Telemetry() {
    }

    public static CallListener start(VeilConfig config, String version) {
        OtelEnv env = OtelEnv.fromSystem();
        if (env.bool("otel.sdk.disabled", false)) {
            LOG.info("telemetry not started: OTEL_SDK_DISABLED=true");
            return null;
        }
        GenAiTelemetry telemetry = new GenAiTelemetry(config, env, version);
        telemetry.warmUp();
        return telemetry;
    }
}
