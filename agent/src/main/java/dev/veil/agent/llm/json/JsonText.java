package dev.veil.agent.llm.json;

import java.nio.charset.StandardCharsets;

/** Converts between the bytes of a JSON string token and Java strings. */
public final class JsonText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonText() {
    }

    /**
     * Decodes the contents of a string token, {@code start} and {@code end} excluding the quotes. The
     * token must already have been validated (escapes and UTF-8 well formed).
     */
    public static String decode(byte[] b, int start, int end, boolean escaped, boolean ascii) {
        if (!escaped) {
            // ISO-8859-1 is a plain copy for ASCII (compact strings); UTF-8 otherwise.
            return new String(b, start, end - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        if (ascii) {
            String s = decodeAsciiEscaped(b, start, end);
            if (s != null) {
                return s;
            }
        }
        char[] out = new char[end - start];
        int n = 0;
        int i = start;
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                if (c != '\\') {
                    out[n++] = (char) c;
                    i++;
                    continue;
                }
                byte e = b[i + 1];
                i += 2;
                switch (e) {
                    case 'n':
                        out[n++] = '\n';
                        break;
                    case 't':
                        out[n++] = '\t';
                        break;
                    case 'r':
                        out[n++] = '\r';
                        break;
                    case 'b':
                        out[n++] = '\b';
                        break;
                    case 'f':
                        out[n++] = '\f';
                        break;
                    case 'u':
                        out[n++] = (char) ((hex(b[i]) << 12) | (hex(b[i + 1]) << 8) | (hex(b[i + 2]) << 4) | hex(b[i + 3]));
                        i += 4;
                        break;
                    default:
                        out[n++] = (char) e; // \" \\ \/
                        break;
                }
            } else {
                int lead = c & 0xFF;
                if (lead < 0xE0 && i + 1 < end) {
                    out[n++] = (char) (((lead & 0x1F) << 6) | (b[i + 1] & 0x3F));
                    i += 2;
                } else if (lead < 0xF0 && i + 2 < end) {
                    out[n++] = (char) (((lead & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
                    i += 3;
                } else if (i + 3 < end) {
                    int cp = ((lead & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
                    out[n++] = Character.highSurrogate(cp);
                    out[n++] = Character.lowSurrogate(cp);
                    i += 4;
                } else {
                    out[n++] = '\uFFFD';
                    i++;
                }
            }
        }
        return new String(out, 0, n);
    }

    /**
     * The common case of an ASCII string with simple escapes ({@code \\n}, {@code \\"}): runs between
     * escapes are block-copied and the result stays a compact Latin-1 string. Null when a {@code \\u}
     * escape needs the general path.
     */
    private static String decodeAsciiEscaped(byte[] b, int start, int end) {
        byte[] out = new byte[end - start];
        int n = 0;
        int i = start;
        while (i < end) {
            int j = i;
            while (j < end && b[j] != '\\') {
                j++;
            }
            System.arraycopy(b, i, out, n, j - i);
            n += j - i;
            if (j == end) {
                break;
            }
            byte e = b[j + 1];
            switch (e) {
                case 'n':
                    out[n++] = '\n';
                    break;
                case 't':
                    out[n++] = '\t';
                    break;
                case 'r':
                    out[n++] = '\r';
                    break;
                case 'b':
                    out[n++] = '\b';
                    break;
                case 'f':
                    out[n++] = '\f';
                    break;
                case 'u':
                    return null;
                default:
                    out[n++] = e;
                    break;
            }
            i = j + 2;
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
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
