package dev.veil.it.conformance;

import dev.veil.it.Jdks;
import java.util.List;

/**
 * Reactor Netty {@code HttpClient} 1.0.0 (oldest supported, Netty 4.1) and 1.3.8 (newest, Netty 4.2): one
 * app, compiled against 1.0.0, run unchanged on each; JDK 25 for the newest. Spring Boot's 1.2.x runs in
 * the Spring AI apps ({@code SpringAiIT}).
 */
class ReactorNettyConformanceIT extends ClientConformanceIT {

    @Override
    protected List<ClientApp> apps() {
        return List.of(
                new ClientApp("reactor-netty-1.0.0", appJar("reactor-netty-app/oldest", "reactor-netty-app-oldest.jar")),
                new ClientApp("reactor-netty-1.3.8", appJar("reactor-netty-app/newest", "reactor-netty-app-newest.jar")));
    }

    @Override
    protected List<Jdks.Jdk> jdks(ClientApp app) {
        return app.label.endsWith("1.3.8") ? Jdks.all() : List.of(Jdks.current());
    }
}
