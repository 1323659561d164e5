package dev.veil.testapp.bedrock;

import java.net.URI;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * An ordinary Bedrock app. Args: endpoint, access key id, secret access key, call
 * ({@code converse}: sync over Apache; {@code converse-stream}: async over Netty; {@code list-async-invokes}:
 * a call that is not a prompt), prompt. Prints what the SDK hands back.
 */
public final class BedrockApp {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

    public static void main(String[] args) {
        URI endpoint = URI.create(args[0]);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(args[1], args[2]));
        String call = args[3];
        String prompt = args[4];
        Message user = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(prompt)).build();
        try {
            if ("converse-stream".equals(call)) {
                converseStream(endpoint, credentials, user);
            } else {
                try (BedrockRuntimeClient client = BedrockRuntimeClient.builder().region(Region.US_EAST_1)
                        .endpointOverride(endpoint).credentialsProvider(credentials)
                        .httpClientBuilder(ApacheHttpClient.builder()).build()) {
                    if ("list-async-invokes".equals(call)) {
                        System.out.println("ASYNC_INVOKES " + client.listAsyncInvokes(r -> r.maxResults(10))
                                .asyncInvokeSummaries().size());
                    } else {
                        converse(client, user);
                    }
                }
            }
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.out.println("ERROR " + cause.getClass().getName() + ": " + cause.getMessage());
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static void converse(BedrockRuntimeClient client, Message user) {
        ConverseResponse response = client.converse(r -> r.modelId(MODEL).messages(user)
                .system(SystemContentBlock.fromText("You are terse."))
                .inferenceConfig(c -> c.maxTokens(100).temperature(0.2f)));
        System.out.println("ANSWER " + response.output().message().content().get(0).text());
        System.out.println("STOP " + response.stopReasonAsString());
        System.out.println("USAGE in " + response.usage().inputTokens() + " out " + response.usage().outputTokens());
    }

    private static void converseStream(URI endpoint, StaticCredentialsProvider credentials, Message user) {
        try (BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder().region(Region.US_EAST_1)
                .endpointOverride(endpoint).credentialsProvider(credentials)
                // Bedrock's async client asks for HTTP/2 (over TLS with ALPN in AWS); the local plain-HTTP server speaks 1.1.
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)).build()) {
            StringBuilder text = new StringBuilder();
            ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                    .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                            .onContentBlockDelta(d -> {
                                System.out.println("TOKEN " + d.delta().text());
                                text.append(d.delta().text());
                            })
                            .onMessageStop(s -> System.out.println("STOP " + s.stopReasonAsString()))
                            .onMetadata(m -> System.out.println("USAGE in " + m.usage().inputTokens()
                                    + " out " + m.usage().outputTokens()))
                            .build())
                    .build();
            client.converseStream(r -> r.modelId(MODEL).messages(user)
                    .inferenceConfig(c -> c.maxTokens(100)), handler).join();
            System.out.println("ANSWER " + text);
        }
    }
}
