package dev.veil.agent.hooks;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.veil.agent.call.ExportGuard;
import dev.veil.agent.config.VeilConfig;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Veil's own telemetry export is never an LLM call, even to a host the user declared as one. */
class ExportGuardTest {

    @Test
    void requestsMadeWhileExportingAreNeverMatched() {
        AgentHooks hooks = new AgentHooks(VeilConfig.of(Collections.singletonMap("veil.llm.hosts", "collector:4318")), null);
        assertNotNull(hooks.matchEndpoint("POST", "http", "collector", 4318, "/v1/traces", null), "declared host matches");
        ExportGuard.enter();
        try {
            assertNull(hooks.matchEndpoint("POST", "http", "collector", 4318, "/v1/traces", null));
            assertNull(hooks.matchEndpoint("POST", "https", "api.openai.com", 443, "/v1/chat/completions", null));
        } finally {
            ExportGuard.exit();
        }
        assertNotNull(hooks.matchEndpoint("POST", "https", "api.openai.com", 443, "/v1/chat/completions", null));
    }
}
