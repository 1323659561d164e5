package dev.veil.agent.llm.json;

import java.nio.charset.StandardCharsets;

/** Converts between the bytes of a JSON string token and Java strings. */
public final class JsonText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonText() {
    }

    /**
     * Decodes the contents of a string token, {@code start} and {@code end} excluding the quotes. The
     * token must already have been validated (escapes well formed).
     */
    public static String decode(byte[] b, int start, int end, boolean escaped, boolean ascii) {
        if (!escaped) {
            // ISO-8859-1 is a plain copy for ASCII (compact strings); UTF-8 otherwise.
            return new String(b, start, end - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(end - start);
        int i = start;
        int runStart = start;
        while (i < end) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            if (i > runStart) {
                sb.append(new String(b, runStart, i - runStart, StandardCharsets.UTF_8));
            }
            byte e = b[i + 1];
            switch (e) {
                case 'n':
                    sb.append('\n');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 'b':
                    sb.append('\b');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'u':
                    sb.append((char) ((hex(b[i + 2]) << 12) | (hex(b[i + 3]) << 8) | (hex(b[i + 4]) << 4) | hex(b[i + 5])));
                    i += 4;
                    break;
                default:
                    sb.append((char) e); // \" \\ \/
                    break;
            }
            i += 2;
            runStart = i;
        }
        if (end > runStart) {
            sb.append(new String(b, runStart, end - runStart, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** The JSON string token (with quotes) for {@code s}, UTF-8 encoded; lone surrogates are kept as escapes. */
    public static byte[] encode(String s) {
        ByteSink out = new ByteSink(s.length() + 16);
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    out.write('\\');
                    out.write(c);
                } else if (c >= 0x20) {
                    out.write(c);
                } else if (c == '\n') {
                    out.write('\\');
                    out.write('n');
                } else if (c == '\r') {
                    out.write('\\');
                    out.write('r');
                } else if (c == '\t') {
                    out.write('\\');
                    out.write('t');
                } else {
                    unicodeEscape(out, c);
                }
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(out, c);
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        out.write('"');
        return out.toByteArray();
    }

    private static void unicodeEscape(ByteSink out, char c) {
        out.write('\\');
        out.write('u');
        out.write(HEX[(c >> 12) & 0xF]);
        out.write(HEX[(c >> 8) & 0xF]);
        out.write(HEX[(c >> 4) & 0xF]);
        out.write(HEX[c & 0xF]);
    }

    static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
