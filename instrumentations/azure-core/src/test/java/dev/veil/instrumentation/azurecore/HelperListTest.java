package dev.veil.instrumentation.azurecore;

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
import org.junit.jupiter.api.Test;

/**
 * Every class the advice may reach must be injected into azure-core's class loader; a class missing from
 * {@link AzureCoreModule#helperClassNames()} would fail at run time with NoClassDefFoundError.
 */
class HelperListTest {

    /** Classes that live only in the agent: the module, its type instrumentation and the advice (inlined). */
    private static final Set<String> AGENT_SIDE = new HashSet<>(Arrays.asList(
            "AzureCoreModule", "HttpPipelineInstrumentation", "PipelineConstructorAdvice"));

    @Test
    void everyGlueClassIsDeclaredAsAHelper() throws IOException {
        Path dir = Paths.get("target/classes/dev/veil/instrumentation/azurecore");
        Set<String> compiled;
        try (Stream<Path> files = Files.list(dir)) {
            compiled = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !AGENT_SIDE.contains(n))
                    .map(n -> "dev.veil.instrumentation.azurecore." + n)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(compiled, new TreeSet<>(new AzureCoreModule().helperClassNames()));
    }
}
