package dev.veil.instrumentation.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A module described by constants: its name, minimum Java and target classes, no helper classes. The
 * subclass only builds its type instrumentations. Must not touch ByteBuddy (it is loaded at start-up).
 */
public abstract class SimpleInstrumentationModule implements InstrumentationModule {

    private final String name;
    private final int minimumJavaVersion;
    private final List<String> targetClassNames;

    protected SimpleInstrumentationModule(String name, int minimumJavaVersion, String... targetClassNames) {
        this.name = name;
        this.minimumJavaVersion = minimumJavaVersion;
        this.targetClassNames = Collections.unmodifiableList(Arrays.asList(targetClassNames));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> targetClassNames() {
        return targetClassNames;
    }

    @Override
    public List<String> helperClassNames() {
        return Collections.emptyList();
    }

    @Override
    public final int minimumJavaVersion() {
        return minimumJavaVersion;
    }
}
