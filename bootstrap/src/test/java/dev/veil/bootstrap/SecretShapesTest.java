package dev.veil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretShapesTest {

    private static String token(Random r, int n) {
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alnum.charAt(r.nextInt(alnum.length())));
        }
        return sb.toString();
    }

    @Test
    void cleanTextIsTheSameInstance() {
        String line = "order 42 shipped to warehouse eu-west with 3 items at com.example.Shop.run(Shop.java:12)";
        assertSame(line, SecretShapes.mask(line));
    }

    @Test
    void masksKeyShapedTokensHeaderValuesAndPemBodies() {
        Random r = new Random(7);
        String key = "sk-" + token(r, 40);
        String hex = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
        String text = "key " + key + "\nAuthorization: Bearer abc.def\napi-key: " + hex + "\npassword=hunter2;\n"
                + "-----BEGIN PRIVATE KEY-----\nMIIB" + token(r, 60) + "\n-----END PRIVATE KEY-----";
        String masked = SecretShapes.mask(text);
        assertFalse(masked.contains(key.substring(3, 20)), masked);
        assertFalse(masked.contains("abc.def"), masked);
        assertFalse(masked.contains(hex), masked);
        assertFalse(masked.contains("hunter2"), masked);
        assertFalse(masked.contains("MIIB"), masked);
        assertTrue(masked.startsWith("key " + SecretShapes.MASK + "\nAuthorization: "), masked);
        assertEquals(text.split("\n").length, masked.split("\n").length, "line breaks are kept");
    }
}
