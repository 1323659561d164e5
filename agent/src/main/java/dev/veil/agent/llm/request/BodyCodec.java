package dev.veil.agent.llm.request;

import dev.veil.agent.llm.WireFormatException;
import dev.veil.agent.llm.json.ByteSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/** Request {@code Content-Encoding}: identity, gzip and deflate (zlib, or raw as some clients send it). */
public enum BodyCodec {
    IDENTITY, GZIP, ZLIB, RAW_DEFLATE;

    /** @throws WireFormatException for encodings Veil cannot read (br, zstd, stacked encodings) */
    public static BodyCodec of(String contentEncoding) {
        if (contentEncoding == null) {
            return IDENTITY;
        }
        String e = contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return IDENTITY;
        }
        if (e.equals("gzip") || e.equals("x-gzip")) {
            return GZIP;
        }
        if (e.equals("deflate")) {
            return ZLIB;
        }
        throw new WireFormatException("request Content-Encoding '" + oneWord(e)
                + "' cannot be read, so the prompt cannot be inspected (Veil decodes gzip and deflate)");
    }

    /** The body in plain bytes (for opt-in content capture), refusing to produce more than {@code max} bytes. */
    public static byte[] plain(byte[] body, String contentEncoding, long max) {
        return of(contentEncoding).decode(body, max).bytes;
    }

    /** Decompresses, refusing to produce more than {@code max} bytes. Returns the codec actually found. */
    Decoded decode(byte[] body, long max) {
        try {
            switch (this) {
                case IDENTITY:
                    return new Decoded(body, this);
                case GZIP:
                    return new Decoded(readAll(new GZIPInputStream(new ByteArrayInputStream(body)), max), this);
                default:
                    try {
                        return new Decoded(inflate(body, false, max), ZLIB);
                    } catch (DataFormatException notZlib) {
                        return new Decoded(inflate(body, true, max), RAW_DEFLATE);
                    }
            }
        } catch (IOException | DataFormatException e) {
            throw new WireFormatException("corrupt " + name().toLowerCase(Locale.ROOT) + " request body");
        }
    }

    byte[] encode(byte[] plain) {
        try {
            ByteSink sink = new ByteSink(plain.length / 2 + 64);
            java.io.OutputStream out;
            switch (this) {
                case IDENTITY:
                    return plain;
                case GZIP:
                    out = new GZIPOutputStream(new SinkStream(sink));
                    break;
                case ZLIB:
                    out = new DeflaterOutputStream(new SinkStream(sink), new Deflater(Deflater.DEFAULT_COMPRESSION, false));
                    break;
                default:
                    out = new DeflaterOutputStream(new SinkStream(sink), new Deflater(Deflater.DEFAULT_COMPRESSION, true));
                    break;
            }
            out.write(plain);
            out.close();
            return sink.toByteArray();
        } catch (IOException e) {
            throw new WireFormatException("cannot re-compress the request body");
        }
    }

    static final class Decoded {
        final byte[] bytes;
        final BodyCodec codec;

        Decoded(byte[] bytes, BodyCodec codec) {
            this.bytes = bytes;
            this.codec = codec;
        }
    }

    private static byte[] readAll(InputStream in, long max) throws IOException {
        ByteSink sink = new ByteSink(8192);
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (sink.size() + (long) n > max) {
                throw tooLarge();
            }
            sink.write(buf, 0, n);
        }
        return sink.toByteArray();
    }

    private static byte[] inflate(byte[] body, boolean raw, long max) throws DataFormatException {
        Inflater inflater = new Inflater(raw);
        try {
            inflater.setInput(body);
            ByteSink sink = new ByteSink(body.length * 4);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                if (sink.size() + (long) n > max) {
                    throw tooLarge();
                }
                sink.write(buf, 0, n);
            }
            return sink.toByteArray();
        } finally {
            inflater.end();
        }
    }

    static WireFormatException tooLarge() {
        return new WireFormatException("request body larger than veil.prompt.max-bytes");
    }

    private static String oneWord(String s) {
        return s.length() > 20 ? s.substring(0, 20) : s;
    }

    private static final class SinkStream extends java.io.OutputStream {
        private final ByteSink sink;

        SinkStream(ByteSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            sink.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sink.write(b, off, len);
        }
    }
}
