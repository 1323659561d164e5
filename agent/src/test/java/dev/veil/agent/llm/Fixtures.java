package dev.veil.agent.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Loads payload fixtures; {@code {{SECRET}}} and {@code {{KEEP}}} become freshly generated markers. */
public final class Fixtures {
    private static final Random RANDOM = new Random();

    private Fixtures() {
    }

    /** The bytes of {@code src/test/resources/llm/<resource>}. */
    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/llm/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return readAll(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** The fixture with every placeholder replaced by its own random marker. */
    static String planted(String resource) {
        return plant(text(resource));
    }

    static String plant(String s) {
        StringBuilder sb = new StringBuilder(s);
        replaceAll(sb, "{{SECRET}}", "CANARY-");
        replaceAll(sb, "{{KEEP}}", "KEEPME-");
        return sb.toString();
    }

    static String marker(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) {
            sb.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return sb.toString();
    }

    private static void replaceAll(StringBuilder sb, String placeholder, String prefix) {
        int i;
        while ((i = sb.indexOf(placeholder)) >= 0) {
            sb.replace(i, i + placeholder.length(), marker(prefix));
        }
    }
}
