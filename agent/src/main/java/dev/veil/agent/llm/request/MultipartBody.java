package dev.veil.agent.llm.request;

import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.RequestInfo;
import dev.veil.agent.llm.WireFormatException;
import dev.veil.agent.redact.PromptScrubber;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code multipart/form-data} request bodies (OpenAI image edits, audio transcriptions and
 * translations): text fields such as {@code prompt} are scrubbed like JSON strings; file parts (a
 * {@code filename}, or a non-text {@code Content-Type}) and structural fields ({@code model},
 * {@code response_format}, ...) pass byte for byte. The boundary is read from the body's first line
 * (RFC 7578 bodies start with it), so no header is needed. A body that starts like multipart but does
 * not parse is refused ({@link WireFormatException}), never sent unread.
 */
final class MultipartBody {
    private static final int MAX_BOUNDARY = 70;
    private static final int MAX_HEADERS = 8192;

    private MultipartBody() {
    }

    /** {@code --boundary} CRLF at the very start, with a boundary of 1-70 legal characters. */
    static boolean looksMultipart(byte[] b) {
        if (b.length < 4 || b[0] != '-' || b[1] != '-') {
            return false;
        }
        int eol = lineEnd(b, 2);
        return eol > 2 && eol - 2 <= MAX_BOUNDARY && boundaryChars(b, 2, eol);
    }

    /** The parts scrubbed; the same array when no text field changed. */
    static byte[] rewrite(byte[] b, PromptScrubber scrubber, RequestInfo.Builder info) {
        int eol = lineEnd(b, 2);
        byte[] delimiter = new byte[eol + 2];
        delimiter[0] = '\r';
        delimiter[1] = '\n';
        System.arraycopy(b, 0, delimiter, 2, eol);
        List<Splice> splices = null;
        int pos = eol + 2;
        while (true) {
            int headersEnd = indexOf(b, HEADERS_END, pos, Math.min(b.length, pos + MAX_HEADERS));
            if (headersEnd < 0) {
                throw malformed();
            }
            String headers = new String(b, pos, headersEnd - pos, StandardCharsets.ISO_8859_1);
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(b, delimiter, contentStart, b.length);
            if (contentEnd < 0) {
                throw malformed();
            }
            String name = fieldName(headers);
            if (name != null && isText(headers)) {
                byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
                int rule = FieldRules.lookup(nameBytes, 0, nameBytes.length);
                String value = utf8(b, contentStart, contentEnd);
                if ((rule & FieldRules.PARAM_MASK) == FieldRules.P_MODEL) {
                    info.model = value.trim();
                }
                if ((rule & FieldRules.TREATMENT_MASK) != FieldRules.STRUCTURAL) {
                    String sent = scrubber.scrub(value);
                    if (sent != value && !sent.equals(value)) {
                        splices = splices == null ? new ArrayList<Splice>(2) : splices;
                        splices.add(new Splice(contentStart, contentEnd, sent.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            pos = contentEnd + delimiter.length;
            if (pos + 2 <= b.length && b[pos] == '-' && b[pos + 1] == '-') {
                break; // the close delimiter; an epilogue after it is ignored by servers and left as it is
            }
            if (pos + 2 > b.length || b[pos] != '\r' || b[pos + 1] != '\n') {
                throw malformed();
            }
            pos += 2;
        }
        return splices == null ? b : RequestSplicer.apply(b, splices);
    }

    /** Info for a multipart request: the URL's facts plus the {@code model} field when there is one. */
    static RequestInfo.Builder info(EndpointMatch match) {
        RequestInfo.Builder b = new RequestInfo.Builder();
        b.model = match.modelFromPath();
        b.operation = match.operation();
        return b;
    }

    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    /** The {@code name} of a {@code Content-Disposition: form-data} part that is not a file, else null. */
    private static String fieldName(String headers) {
        String lower = headers.toLowerCase(Locale.ROOT);
        int cd = lower.indexOf("content-disposition:");
        if (cd < 0 || lower.indexOf("filename", cd) >= 0) {
            return null;
        }
        int n = lower.indexOf("name=\"", cd);
        if (n < 0) {
            return null;
        }
        int close = headers.indexOf('"', n + 6);
        return close < 0 ? null : headers.substring(n + 6, close);
    }

    /** No Content-Type (form fields default to text/plain) or a textual one. */
    private static boolean isText(String headers) {
        String lower = headers.toLowerCase(Locale.ROOT);
        int ct = lower.indexOf("content-type:");
        if (ct < 0) {
            return true;
        }
        String type = lower.substring(ct + 13).trim();
        return type.startsWith("text/") || type.startsWith("application/json");
    }

    private static String utf8(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException("multipart text field is not UTF-8 text");
        }
    }

    private static WireFormatException malformed() {
        return new WireFormatException("LLM request body starts like multipart/form-data but does not parse");
    }

    /** Index of the CR of the first CRLF at or after {@code from} (within a boundary's length), or -1. */
    private static int lineEnd(byte[] b, int from) {
        int limit = Math.min(b.length - 1, from + MAX_BOUNDARY + 1);
        for (int i = from; i < limit; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** RFC 2046 boundary characters (no trailing space). */
    private static boolean boundaryChars(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i];
            boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return b[to - 1] != ' ';
    }

    private static int indexOf(byte[] b, byte[] needle, int from, int to) {
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
