package dev.veil.agent.logs;

import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;

/**
 * Masks secrets written to {@code System.out} and {@code System.err}: both are wrapped at start-up
 * (before any logging framework captures them), and streams the application installs later with
 * {@code System.setOut}/{@code setErr} are wrapped by the {@code logs-console} instrumentation. A clean
 * line costs a {@link SecretPrefilter} pass over its bytes; the detection engine is loaded only when a
 * line looks suspicious.
 */
public final class ConsoleStreams {
    private ConsoleStreams() {
    }

    /** Wraps System.out and System.err once, at start-up. */
    public static void install(LogMasker masker) {
        if (!masker.enabled()) {
            return;
        }
        System.setOut(wrap(System.out, masker, stdCharset("stdout")));
        System.setErr(wrap(System.err, masker, stdCharset("stderr")));
    }

    /** A masking stream in front of {@code stream}, or {@code stream} itself when it is one already or its charset is unknown. */
    public static PrintStream wrap(PrintStream stream, LogMasker masker) {
        if (stream == null || stream instanceof MaskingPrintStream || !masker.enabled()) {
            return stream;
        }
        return wrap(stream, masker, charsetOf(stream));
    }

    private static PrintStream wrap(PrintStream stream, LogMasker masker, Charset charset) {
        if (stream == null || stream instanceof MaskingPrintStream || charset == null) {
            return stream;
        }
        try {
            return new MaskingPrintStream(stream, new MaskingOutputStream(stream, masker), charset);
        } catch (UnsupportedEncodingException e) {
            return stream;
        }
    }

    /** The charset the JDK gave System.out / System.err (before Java 18 there is no getter). */
    private static Charset stdCharset(String which) {
        Charset c = charsetGetter(System.out);
        if (c != null) {
            return charsetOf("stdout".equals(which) ? System.out : System.err);
        }
        String name = System.getProperty(which + ".encoding", System.getProperty("sun." + which + ".encoding"));
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /** Java 18+: the stream's own charset; earlier: the default charset (what {@code new PrintStream(out)} uses). */
    private static Charset charsetOf(PrintStream stream) {
        Charset c = charsetGetter(stream);
        return c != null ? c : Charset.defaultCharset();
    }

    private static final Method CHARSET = charsetMethod();

    private static Method charsetMethod() {
        try {
            return PrintStream.class.getMethod("charset");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Charset charsetGetter(PrintStream stream) {
        if (CHARSET == null) {
            return null;
        }
        try {
            return (Charset) CHARSET.invoke(stream);
        } catch (Exception e) {
            return null;
        }
    }

    /** The wrapping stream: encodes like the original, reports the original's errors. */
    static final class MaskingPrintStream extends PrintStream {
        private final PrintStream original;

        MaskingPrintStream(PrintStream original, MaskingOutputStream masking, Charset charset)
                throws UnsupportedEncodingException {
            super(masking, true, charset.name());
            this.original = original;
        }

        @Override
        public boolean checkError() {
            return super.checkError() || original.checkError();
        }
    }
}
