package dev.veil.it.conformance;

import dev.veil.it.Jdks;
import java.util.List;

/**
 * Apache HttpClient 4.5 ({@code org.apache.httpcomponents:httpclient}) at both ends of its supported
 * range: the app is compiled against 4.5 and run with 4.5 and with 4.5.14.
 * The newest release also runs on JDK 25 (the representative JDK 25 subset for the Apache clients).
 */
class ApacheHttpClient4ConformanceIT extends ClientConformanceIT {

    @Override
    protected List<ClientApp> apps() {
        return List.of(
                new ClientApp("httpclient-4.5", appJar("apache-httpclient4-app", "apache-httpclient4-app.jar")),
                new ClientApp("httpclient-4.5.14", appJar("apache-httpclient4-app-newest", "apache-httpclient4-app-newest.jar")));
    }

    @Override
    protected List<Jdks.Jdk> jdks(ClientApp app) {
        // The newest release on JDK 17 and 25; the oldest on JDK 17.
        return app.label.equals(apps().get(1).label) ? Jdks.all() : List.of(Jdks.current());
    }
}
