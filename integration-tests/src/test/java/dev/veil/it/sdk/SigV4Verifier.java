package dev.veil.it.sdk;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 the way the service does, over the bytes that actually arrived: the
 * canonical request is built from the received method, path, signed headers and the SHA-256 of the received
 * body. So a body changed after signing fails here, as it would with a 403 from AWS.
 */
final class SigV4Verifier {

    private static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

    private final String accessKeyId;
    private final String secretKey;

    SigV4Verifier(String accessKeyId, String secretKey) {
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
    }

    /** Null when the signature is valid for what arrived, else why not. */
    String problem(RecordingServer.Received request) {
        String authorization = request.headers.getFirst("Authorization");
        if (authorization == null) {
            return "no Authorization header";
        }
        Matcher m = AUTH.matcher(authorization);
        if (!m.matches()) {
            return "not a SigV4 Authorization header: " + authorization;
        }
        if (!m.group(1).equals(accessKeyId)) {
            return "signed with another access key id";
        }
        String payloadHash = hex(sha256(request.body));
        String declared = request.headers.getFirst("x-amz-content-sha256");
        if (declared != null && !declared.equals(payloadHash)) {
            return "x-amz-content-sha256 " + declared + " is not the hash of the received body " + payloadHash;
        }
        String amzDate = request.headers.getFirst("X-Amz-Date");
        String signedHeaders = m.group(5);
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = request.headers.get(name);
            if (values == null) {
                return "signed header " + name + " did not arrive";
            }
            List<String> trimmed = new ArrayList<>();
            for (String v : values) {
                trimmed.add(v.trim().replaceAll(" +", " "));
            }
            canonicalHeaders.append(name.toLowerCase(Locale.ROOT)).append(':').append(String.join(",", trimmed)).append('\n');
        }
        String canonicalRequest = request.method + "\n" + canonicalUri(request.rawPath) + "\n" + canonicalQuery(request.rawQuery) + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String scope = m.group(2) + "/" + m.group(3) + "/" + m.group(4) + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(utf8(canonicalRequest)));
        byte[] key = hmac(utf8("AWS4" + secretKey), m.group(2));
        key = hmac(key, m.group(3));
        key = hmac(key, m.group(4));
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        return expected.equals(m.group(6)) ? null : "signature mismatch (the body or headers changed after signing)";
    }

    /** Parameters decoded, encoded the SigV4 way, sorted by name then value. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(encode(decode(name), false) + "=" + encode(decode(value), false));
        }
        java.util.Collections.sort(pairs);
        return String.join("&", pairs);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Services other than S3 sign the path URI-encoded once more: each segment of the raw path is encoded again. */
    private static String canonicalUri(String rawPath) {
        return encode(rawPath, true);
    }

    private static String encode(String text, boolean keepSlash) {
        StringBuilder sb = new StringBuilder();
        for (byte b : utf8(text)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    /** Used by the test to check the verifier itself rejects a changed body. */
    static RecordingServer.Received withBody(RecordingServer.Received r, byte[] body) {
        Headers headers = new Headers();
        headers.putAll(r.headers);
        return new RecordingServer.Received(r.method, r.rawPath, r.rawQuery, headers, body);
    }
}
