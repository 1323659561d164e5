package dev.veil.it.conformance;

import java.util.List;

/**
 * Apache HttpClient 4.5 ({@code org.apache.httpcomponents:httpclient}) at both ends of its supported
 * range: the app is compiled against 4.5 and run with 4.5 and with 4.5.14.
 */
class ApacheHttpClient4ConformanceIT extends ClientConformanceIT {

    @Override
    protected List<ClientApp> apps() {
        return List.of(
                new ClientApp("httpclient-4.5", appJar("apache-httpclient4-app", "apache-httpclient4-app.jar")),
                new ClientApp("httpclient-4.5.14", appJar("apache-httpclient4-app-newest", "apache-httpclient4-app-newest.jar")));
    }
}
