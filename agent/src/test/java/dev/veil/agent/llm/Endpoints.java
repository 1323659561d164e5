package dev.veil.agent.llm;

import dev.veil.agent.config.VeilConfig;
import java.net.URI;
import java.util.Collections;
import java.util.Map;

/** Test helper: matches a whole URL the way the HTTP-client instrumentation will. */
final class Endpoints {
    static final EndpointRegistry DEFAULT = EndpointRegistry.fromConfig(VeilConfig.defaults());

    private Endpoints() {
    }

    static EndpointMatch match(String url) {
        return match(DEFAULT, "POST", url);
    }

    static EndpointMatch match(EndpointRegistry registry, String method, String url) {
        URI u = URI.create(url);
        return registry.match(method, u.getScheme(), u.getHost(), u.getPort(), u.getRawPath(), u.getRawQuery());
    }

    static EndpointRegistry registry(Map<String, String> settings) {
        return EndpointRegistry.fromConfig(VeilConfig.of(settings));
    }

    static EndpointRegistry registry(String key, String value) {
        return registry(Collections.singletonMap(key, value));
    }
}
