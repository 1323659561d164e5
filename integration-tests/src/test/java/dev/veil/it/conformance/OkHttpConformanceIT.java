package dev.veil.it.conformance;

import dev.veil.it.Jdks;
import java.util.List;

/**
 * OkHttp 3.12.0 (oldest supported), 4.12.0 (what the OpenAI and Anthropic Java SDKs ship) and 5.5.1
 * (newest): one app, compiled against 3.12, run unchanged on each. JDK 25 for the newest.
 */
class OkHttpConformanceIT extends ClientConformanceIT {

    @Override
    protected List<ClientApp> apps() {
        return List.of(
                new ClientApp("okhttp-3.12.0", appJar("okhttp-app/v3", "okhttp-app-v3.jar")),
                new ClientApp("okhttp-4.12.0", appJar("okhttp-app/v4", "okhttp-app-v4.jar")),
                new ClientApp("okhttp-5.5.1", appJar("okhttp-app/v5", "okhttp-app-v5.jar")));
    }

    /** JDK 25 for the newest OkHttp only: the oldest ones are what legacy JDK 8-17 fleets run. */
    @Override
    protected List<Jdks.Jdk> jdks(ClientApp app) {
        return app.label.startsWith("okhttp-5") ? Jdks.all() : List.of(Jdks.current());
    }
}
