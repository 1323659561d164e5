package dev.veil.it.conformance;

import java.util.List;

/**
 * Apache HttpClient 5 ({@code org.apache.httpcomponents.client5:httpclient5}), classic and async, at both
 * ends of its supported range: the app is compiled against 5.0 (core5 5.0) and run with 5.0 and with
 * 5.6.5 (core5 5.4.4).
 */
class ApacheHttpClient5ConformanceIT extends ClientConformanceIT {

    @Override
    protected List<ClientApp> apps() {
        return List.of(
                new ClientApp("httpclient5-5.0", appJar("apache-httpclient5-app", "apache-httpclient5-app.jar")),
                new ClientApp("httpclient5-5.6.5", appJar("apache-httpclient5-app-newest", "apache-httpclient5-app-newest.jar")));
    }
}
