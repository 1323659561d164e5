package dev.veil.it.conformance;

import dev.veil.it.Jdks;
import java.util.List;

/**
 * Apache HttpClient 5 ({@code org.apache.httpcomponents.client5:httpclient5}), classic and async, at both
 * ends of its supported range: the app is compiled against 5.0 (core5 5.0) and run with 5.0 and with
 * 5.6.5 (core5 5.4.4).
 * The newest release also runs on JDK 25 (the representative JDK 25 subset for the Apache clients).
 */
class ApacheHttpClient5ConformanceIT extends ClientConformanceIT {

    @Override
    protected List<ClientApp> apps() {
        return List.of(
                new ClientApp("httpclient5-5.0", appJar("apache-httpclient5-app", "apache-httpclient5-app.jar")),
                new ClientApp("httpclient5-5.6.5", appJar("apache-httpclient5-app-newest", "apache-httpclient5-app-newest.jar")));
    }

    @Override
    protected List<Jdks.Jdk> jdks(ClientApp app) {
        // The newest release on JDK 17 and 25; the oldest on JDK 17.
        return app.label.equals(apps().get(1).label) ? Jdks.all() : List.of(Jdks.current());
    }
}
