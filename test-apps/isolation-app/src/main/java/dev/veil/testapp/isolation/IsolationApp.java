package dev.veil.testapp.isolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app with its own Jackson 2.17, ByteBuddy 1.14 and SLF4J 1.7: it uses each, checks that none of
 * the agent's bundled classes can be loaded from its class loader, then makes one LLM call so the agent
 * loads its own ByteBuddy and Jackson in the same JVM. Usage: {@code IsolationApp <llm-url> <body-file>}.
 */
public final class IsolationApp {

    private static final String[] AGENT_CLASSES = {
        "dev.veil.shaded.bytebuddy.ByteBuddy",
        "dev.veil.shaded.jackson.core.JsonFactory",
        "dev.veil.shaded.slf4j.Logger",
        "dev.veil.agent.AgentMain",
        "dev.veil.agent.config.VeilConfig",
        "dev.veil.instrumentation.api.InstrumentationModule",
    };

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger(IsolationApp.class);
        log.info("slf4j works");

        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> map = new TreeMap<>();
        map.put("a", 1);
        String json = mapper.writeValueAsString(map);
        System.out.println("jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION + " " + json
                + " " + mapper.readValue(json, Map.class));

        Object dynamic = new ByteBuddy().subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the app's ByteBuddy"))
                .make().load(IsolationApp.class.getClassLoader()).getLoaded().getDeclaredConstructor().newInstance();
        System.out.println("bytebuddy from " + jarOf(ByteBuddy.class) + " " + dynamic);
        System.out.println("slf4j-api from " + jarOf(LoggerFactory.class));

        for (String name : AGENT_CLASSES) {
            try {
                Class.forName(name, false, IsolationApp.class.getClassLoader());
                System.out.println("VISIBLE " + name);
            } catch (ClassNotFoundException | LinkageError e) {
                System.out.println("hidden " + name);
            }
        }

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0]))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Paths.get(args[1]))))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println("STATUS " + response.statusCode());

        // The app's libraries still work after the agent loaded its own copies.
        System.out.println("jackson again " + mapper.writeValueAsString(map));
        log.info("done");
    }

    private static String jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().getPath().replaceAll(".*/", "");
    }
}
