package dev.veil.it.conformance;

import dev.veil.it.Jdks;
import java.util.List;

/** {@code java.net.http.HttpClient} (JDK 11+): the client is part of the JDK, so its versions are the JDKs'. */
class JdkHttpClientConformanceIT extends ClientConformanceIT {

    @Override
    protected List<ClientApp> apps() {
        return List.of(new ClientApp("jdk-httpclient", appJar("jdk-httpclient-app", "jdk-httpclient-app.jar")));
    }

    @Override
    protected List<Jdks.Jdk> jdks(ClientApp app) {
        return Jdks.all();
    }
}
