package dev.veil.instrumentation.reactornetty;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Reactor Netty {@code HttpClient} 1.x ({@code io.projectreactor.netty:reactor-netty-http}), which Spring
 * {@code WebClient}, Spring {@code RestClient}/{@code RestTemplate} over {@code ReactorClientHttpRequestFactory}
 * and azure-core-http-netty use. {@code send}, {@code sendString}, {@code sendByteArray} and
 * {@code HttpClient...send(Publisher)} end in {@code HttpClientOperations.send(Publisher)}, one per request attempt;
 * {@code sendObject(byteBuf)}, {@code send(Publisher, Predicate)}, {@code sendObject(Publisher[, Predicate])} and
 * {@code sendGroups} are routed there (their buffers are collected and inspected once); {@code sendUsing}
 * ({@code sendFile}, {@code sendFileChunked}), {@code HttpClient...sendForm} and other objects cannot be read and
 * follow the failure policy.
 * The response arrives through {@code HttpClientOperations.onInboundNext}, and
 * the exchange ends through the inbound error/cancel/close hooks or {@code ChannelOperations.terminate}.
 */
public final class ReactorNettyModule implements InstrumentationModule {

    static final String HTTP_CLIENT_OPERATIONS = "reactor.netty.http.client.HttpClientOperations";
    static final String HTTP_OPERATIONS = "reactor.netty.http.HttpOperations";
    static final String CHANNEL_OPERATIONS = "reactor.netty.channel.ChannelOperations";
    static final String SEND_FORM = "reactor.netty.http.client.HttpClientOperations$SendForm";

    @Override
    public String name() {
        return "reactor-netty";
    }

    @Override
    public List<String> targetClassNames() {
        return Arrays.asList(HTTP_CLIENT_OPERATIONS, HTTP_OPERATIONS, CHANNEL_OPERATIONS, SEND_FORM);
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = ReactorNettyModule.class.getPackage().getName() + ".";
        return Arrays.asList(pkg + "ReactorNettyRequests", pkg + "ReactorNettyRequests$BodyCollector", pkg + "InspectedBody",
                pkg + "ReactorNettyCall");
    }

    @Override
    public int minimumJavaVersion() {
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new HttpClientOperationsInstrumentation(), new HttpOperationsInstrumentation(),
                new ChannelOperationsInstrumentation(), new SendFormInstrumentation());
    }
}
