package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One engine shared by many threads gives every thread the same answers. */
class ConcurrencyTest {

    @Test
    void sharedEngineIsThreadSafe() throws Exception {
        final Engine engine = Engine.defaults();
        final List<Sample> samples = Samples.generate(11);
        final List<String> expected = new ArrayList<String>();
        for (Sample s : samples) {
            expected.add(engine.scan(s.text).toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<Future<List<String>>>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<String> got = new ArrayList<String>();
                    for (Sample s : samples) {
                        got.add(engine.scan(s.text).toString());
                    }
                    return got;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
