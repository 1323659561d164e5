package dev.veil.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's configuration, read once at start-up from system properties ({@code veil.*}), environment
 * variables ({@code VEIL_*}) and an optional properties file ({@code veil.config}); precedence
 * system property &gt; environment &gt; file &gt; default. Every key that is set is validated eagerly, so an
 * invalid value is reported before the application's {@code main} runs; defaults (valid by construction)
 * are parsed on first use. Immutable and thread-safe.
 */
public final class VeilConfig {

    private static final String PREFIX = "veil.";
    private static final String ENV_PREFIX = "VEIL_";
    /** Stands in the value map for a key left at its default. */
    private static final Object DEFAULT = new Object();

    private final Map<String, Object> values;
    private final Map<String, String> sources;
    private final List<String> warnings;

    private VeilConfig(Map<String, Object> values, Map<String, String> sources, List<String> warnings) {
        this.values = values;
        this.sources = sources;
        this.warnings = warnings;
    }

    /** Reads the real system properties and environment. */
    public static VeilConfig load() {
        return load(System.getProperties(), System.getenv());
    }

    /** @throws ConfigException on the first invalid value (one-line message) */
    public static VeilConfig load(Properties system, Map<String, String> env) {
        List<String> warnings = new ArrayList<String>();
        ConfigFile file = readFile(system, env);

        Map<String, Object> values = new HashMap<String, Object>();
        Map<String, String> sources = new HashMap<String, String>();
        for (Setting<?> setting : SettingsCatalog.ALL) {
            String raw = system.getProperty(setting.key());
            String source = "system property";
            if (raw == null) {
                raw = env.get(setting.envName());
                source = "environment";
            }
            if (raw == null && file != null) {
                raw = file.props.getProperty(setting.key());
                source = "file";
            }
            if (raw == null) {
                values.put(setting.key(), DEFAULT);
                sources.put(setting.key(), "default");
            } else {
                values.put(setting.key(), setting.parse(raw));
                sources.put(setting.key(), source);
            }
        }

        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(PREFIX) && SettingsCatalog.find(name) == null) {
                warnings.add(unknown(name, "system property " + name));
            }
        }
        for (String name : env.keySet()) {
            if (name.startsWith(ENV_PREFIX) && !knownEnvName(name)) {
                warnings.add(unknown(name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'), "environment variable " + name));
            }
        }
        if (file != null) {
            for (String name : file.props.stringPropertyNames()) {
                if (SettingsCatalog.find(name) == null) {
                    warnings.add(unknown(name, "key " + name + " in " + file.path));
                }
            }
        }
        return new VeilConfig(Collections.unmodifiableMap(values), Collections.unmodifiableMap(sources),
                Collections.unmodifiableList(warnings));
    }

    /** Defaults only; for tests and tools. */
    public static VeilConfig defaults() {
        return load(new Properties(), Collections.<String, String>emptyMap());
    }

    /** A configuration from explicit key/value pairs over the defaults; for tests and tools. */
    public static VeilConfig of(Map<String, String> settings) {
        Properties p = new Properties();
        p.putAll(settings);
        return load(p, Collections.<String, String>emptyMap());
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Object v = values.get(setting.key());
        if (v == DEFAULT) {
            return setting.parsedDefault();
        }
        if (v == null && !values.containsKey(setting.key())) {
            throw new IllegalArgumentException("unregistered setting " + setting.key());
        }
        return (T) v;
    }

    /** Where a key's value came from: system property, environment, file or default. */
    public String sourceOf(Setting<?> setting) {
        return sources.get(setting.key());
    }

    /** One warning per unknown {@code veil.*} key, each naming the closest valid key. */
    public List<String> warnings() {
        return warnings;
    }

    private static boolean knownEnvName(String envName) {
        for (Setting<?> s : SettingsCatalog.ALL) {
            if (s.envName().equals(envName)) {
                return true;
            }
        }
        return false;
    }

    private static String unknown(String asKey, String what) {
        return "unknown setting " + what + " ignored; did you mean " + SettingsCatalog.closest(asKey) + "?";
    }

    /** The optional properties file named by {@code veil.config}, or null. */
    private static final class ConfigFile {
        final Path path;
        final Properties props;

        ConfigFile(Path path, Properties props) {
            this.path = path;
            this.props = props;
        }
    }

    private static ConfigFile readFile(Properties system, Map<String, String> env) {
        String path = system.getProperty(CoreSettings.CONFIG_FILE.key());
        if (path == null) {
            path = env.get(CoreSettings.CONFIG_FILE.envName());
        }
        if (path == null || path.trim().isEmpty()) {
            return null;
        }
        Path file;
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file = Paths.get(path.trim()))) {
            props.load(in);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read the file named by veil.config ('" + ConfigException.oneLine(path.trim()) + "'): "
                    + e.getClass().getSimpleName());
        }
        props.remove(CoreSettings.CONFIG_FILE.key());
        return new ConfigFile(file, props);
    }
}
