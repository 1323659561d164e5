package dev.veil.instrumentation.apache5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class the advice may reach must be injected next to the library; a class missing from
 * {@link ApacheHttpClient5Module#helperClassNames()} would fail at run time with NoClassDefFoundError.
 */
class HelperListTest {

    /** Classes that live only in the agent: the module, its type instrumentation and the advice (inlined). */
    private static final Set<String> AGENT_SIDE = new HashSet<>(Arrays.asList(
            "ApacheHttpClient5Module", "ClassicInstrumentation", "AsyncInstrumentation", "ClassicDoExecuteAdvice", "AsyncDoExecuteAdvice"));

    @Test
    void everyGlueClassIsDeclaredAsAHelper() throws IOException {
        Set<String> compiled;
        try (Stream<Path> files = Files.list(Paths.get("target/classes/dev/veil/instrumentation/apache5"))) {
            compiled = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !AGENT_SIDE.contains(n))
                    .map(n -> "dev.veil.instrumentation.apache5." + n)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> helpers = new ApacheHttpClient5Module().helperClassNames();
        Set<String> own = helpers.stream().filter(h -> h.startsWith("dev.veil.instrumentation.apache5."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(compiled, own);
    }

    @Test
    void everySharedHelperExists() {
        for (String helper : new ApacheHttpClient5Module().helperClassNames()) {
            assertTrue(exists(helper), helper);
        }
    }

    static boolean exists(String className) {
        try {
            Class.forName(className, false, HelperListTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
