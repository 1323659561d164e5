package dev.veil.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For each instrumentation module's {@code HelperListTest}: every class the advice may reach must be
 * injected next to the library, so a glue class missing from {@link InstrumentationModule#helperClassNames()}
 * (which would fail at run time with NoClassDefFoundError) fails the build instead.
 */
public final class HelperLists {

    private HelperLists() {
    }

    /**
     * Asserts that the module's helpers are exactly the compiled classes of its package (nested ones
     * included) except {@code agentSide}: the module, its type instrumentations and its advice (inlined).
     */
    public static void assertEveryGlueClassIsAHelper(InstrumentationModule module, String... agentSide) throws IOException {
        String pkg = module.getClass().getPackage().getName();
        Path dir = Paths.get("target/classes").resolve(pkg.replace('.', '/'));
        Set<String> skip = new HashSet<>(Arrays.asList(agentSide));
        Set<String> compiled;
        try (Stream<Path> files = Files.list(dir)) {
            compiled = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !skip.contains(n))
                    .map(n -> pkg + "." + n)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(compiled, new TreeSet<>(module.helperClassNames()));
    }
}
