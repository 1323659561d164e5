package dev.veil.testapp.jul;

import dev.veil.testapp.logs.LogScenario;
import dev.veil.testapp.logs.LogSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * An ordinary java.util.logging app configured by {@code -Djava.util.logging.config.file}. Args: key1
 * key2 hexKey [url]: with a URL it first sends one request with the key in its headers, so that
 * {@code -Djdk.httpclient.HttpClient.log=headers} writes them.
 */
public final class JulApp implements LogSink {

    public static void main(String[] args) throws Exception {
        if (args.length > 3) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(args[3]))
                    .header("Authorization", "Bearer " + args[0]).header("x-api-key", args[1]).header("api-key", args[2])
                    .GET().build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println("STATUS " + response.statusCode());
        }
        LogScenario.run(new JulApp(), args[0], args[1], args[2]);
    }

    @Override
    public void info(String logger, String message) {
        Logger.getLogger(logger).info(message);
    }

    @Override
    public void infoWithArg(String logger, String pattern, Object arg) {
        Logger.getLogger(logger).log(Level.INFO, pattern.replace("{}", "{0}"), arg);
    }

    @Override
    public void infoWithContext(String logger, String key, String value, String message) {
        // JUL has no context map: the value travels as a parameter the format does not print
        Logger.getLogger(logger).log(Level.INFO, message, new Object[] {key + "=" + value});
    }

    @Override
    public void infoWithKeyValue(String logger, String key, String value, String message) {
        Logger.getLogger(logger).log(Level.INFO, message + " {0}={1}", new Object[] {key, value});
    }

    @Override
    public void error(String logger, String message, Throwable thrown) {
        Logger.getLogger(logger).log(Level.SEVERE, message, thrown);
    }

    @Override
    public void shutdown() {
        LogManager.getLogManager().reset();
    }
}
