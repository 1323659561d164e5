package dev.veil.it.conformance;

import dev.veil.it.Jdks;
import java.util.ArrayList;
import java.util.List;

/**
 * The representative JDK 25 subset for the Apache clients: the newest HttpClient 4.5 and 5 releases
 * through the whole suite on JDK 25 (the JDK 17 runs cover both ends of each range).
 */
class ApacheHttpClientJdk25ConformanceIT extends ClientConformanceIT {

    @Override
    protected List<ClientApp> apps() {
        List<ClientApp> newest = new ArrayList<>();
        newest.add(new ApacheHttpClient4ConformanceIT().apps().get(1));
        newest.add(new ApacheHttpClient5ConformanceIT().apps().get(1));
        return newest;
    }

    @Override
    protected List<Jdks.Jdk> jdks() {
        // JDK 25 when installed; otherwise a placeholder that makes these cases skip with a message.
        return List.of(Jdks.all().get(1));
    }
}
