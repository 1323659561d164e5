package dev.veil.instrumentation.logs.log4j2;

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

/** Every class the advice reaches is injected next to log4j-core; a missing one fails at run time. */
class HelperListTest {

    /** Agent-side classes: the module, its type instrumentations and their (inlined) advice. */
    private static final Set<String> AGENT_SIDE = new HashSet<>(Arrays.asList("Log4j2Module", "LoggerInstrumentation",
            "LoggerInstrumentation$LogMessageAdvice", "LoggerInstrumentation$LogAdvice", "LogEventInstrumentation",
            "LogEventInstrumentation$ContextDataAdvice", "ContextStackInstrumentation",
            "ContextStackInstrumentation$ContextStackAdvice", "MessageParametersInstrumentation",
            "MessageParametersInstrumentation$LogMessageAdvice", "MessageParametersInstrumentation$LogAdvice"));

    @Test
    void everyGlueClassIsDeclaredAsAHelper() throws IOException {
        Path dir = Paths.get("target/classes/dev/veil/instrumentation/logs/log4j2");
        Set<String> compiled;
        try (Stream<Path> files = Files.list(dir)) {
            compiled = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !AGENT_SIDE.contains(n))
                    .map(n -> "dev.veil.instrumentation.logs.log4j2." + n)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(compiled, new TreeSet<>(new Log4j2Module().helperClassNames()));
    }
}
