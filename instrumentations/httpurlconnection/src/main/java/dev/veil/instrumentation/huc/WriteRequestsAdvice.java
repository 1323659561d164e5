package dev.veil.instrumentation.huc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code writeRequests()}. For an LLM endpoint: a buffered body ({@code poster}, a
 * {@code ByteArrayOutputStream}) is inspected and replaced by one holding the bytes to send (the JDK then
 * sets {@code Content-Length} from it); in a streaming mode the body cannot be held back and the failure
 * policy decides. A blocked request skips the method, which then throws the {@code veil: …} IOException:
 * nothing, not even the headers, reaches the server. Anything else costs one endpoint lookup.
 */
public final class WriteRequestsAdvice {

    private WriteRequestsAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    public static IOException enter(@Advice.This HttpURLConnection connection,
                                    @Advice.FieldValue(value = "poster", readOnly = false, typing = Assigner.Typing.DYNAMIC)
                                    ByteArrayOutputStream poster,
                                    @Advice.FieldValue("fixedContentLength") int fixedLength,
                                    @Advice.FieldValue("fixedContentLengthLong") long fixedLengthLong,
                                    @Advice.FieldValue("chunkLength") int chunkLength,
                                    @Advice.FieldValue(value = "requests", typing = Assigner.Typing.DYNAMIC) Object requests) {
        boolean streaming = fixedLength != -1 || fixedLengthLong != -1 || chunkLength != -1;
        if (poster == null && !streaming) {
            return null;
        }
        try {
            Object outcome = HucRequests.beforeSend(connection, poster, streaming);
            String[] headers = HucRequests.headersToAdd(connection);
            if (headers.length > 0 && requests != null) {
                // sun.net.www.MessageHeader.set(key, value): replaces a header of that name. Reflection from
                // here runs as java.base, which may use its own non-exported class.
                java.lang.reflect.Method set = requests.getClass().getMethod("set", String.class, String.class);
                for (int i = 0; i + 1 < headers.length; i += 2) {
                    set.invoke(requests, headers[i], headers[i + 1]);
                }
            }
            if (outcome instanceof byte[]) {
                byte[] bytes = (byte[]) outcome;
                // A new PosterOutputStream (the app closed the old one, which then ignores writes); reflection
                // from here runs as java.base, which may use its own class.
                ByteArrayOutputStream replacement = poster.getClass().getDeclaredConstructor().newInstance();
                replacement.write(bytes, 0, bytes.length);
                poster = replacement;
                return null;
            }
            return (IOException) outcome;
        } catch (Throwable t) {
            return new IOException("veil: internal error; request not sent");
        }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter IOException blocked,
                            @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (blocked != null) {
            thrown = blocked;
        }
    }
}
