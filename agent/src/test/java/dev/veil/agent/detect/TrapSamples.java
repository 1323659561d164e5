package dev.veil.agent.detect;

import static dev.veil.agent.detect.KeyGen.join;

/** The false-positive traps from the detector notes: text no detector may touch. */
final class TrapSamples {
    private final Samples s;
    private final KeyGen g;

    TrapSamples(Samples s) {
        this.s = s;
        this.g = s.g;
    }

    private String uuid() {
        return g.hex(8) + "-" + g.hex(4) + "-4" + g.hex(3) + "-a" + g.hex(3) + "-" + g.hex(12);
    }

    void addAll() {
        s.trap("request id " + uuid() + " failed; retry with " + uuid().toUpperCase(java.util.Locale.ROOT));
        s.trap("fixed in commit " + g.hex(40) + " (short " + g.hex(7) + "), image sha256:" + g.hex(64));
        s.trap("\"integrity\": \"sha512-" + g.chars(KeyGen.BASE64, 86) + "==\"");
        s.trap("golang.org/x/text v0.14.0 h1:" + g.chars(KeyGen.BASE64, 43) + "=");
        s.trap("<img src=\"data:image/png;base64," + g.chars(KeyGen.BASE64, 400) + "=\">");
        s.trap("function(e){var t=e.a,n=e.b;return t&&n?t.concat(n):void 0},o=function(){return this.x}");
        s.trap("Set OPENAI_API_KEY=sk-... and ANTHROPIC_API_KEY=<YOUR_API_KEY>, or ${OPENAI_API_KEY} / {{ api_key }}.");
        s.trap("password: changeme, secret: EXAMPLE, token: xxxxxxxxxxxxxxxx, api_key: your-api-key-here");
        s.trap("Upgrade from 1.2.3.4 to 2.0.0.1; node v20.11.1; Python 3.12.1; chrome 120.0.6099.109");
        s.trap("2024-11-22T10:30:00Z, 2024-11-22 10:30:00.123+01:00, epoch 1732271400 / 1732271400123 ms");
        s.trap("IMEI 35" + g.chars(KeyGen.DIGITS, 12) + "7 reported; test card 4242 4242 4242 4242 declined");
        s.trap("color: #ff5733; background: #0a0b0c; border-color: #ABCDEF80");
        s.trap("ZIP 94105-1234 and 10001-0001; PO Box 12345");
        s.trap("git@github.com:org/repo.git, npm i @scope/pkg, assets/icon@2x.png, logo@3x.jpg");
        s.trap("mvn -Dmaven.repo.local=/tmp/m2 -DskipTests, port 8080, pid 12345, 3.5 GB, 99.9% uptime");
        s.trap("She said the basic plan costs $12 per month and the token budget is 4096.");
        s.trap("Meeting at 10:30 in room 4.12; call extension 4412 if late.");
        s.trap("SELECT id, password_hash FROM users WHERE token_expires_at < NOW(); -- password reset flow");
        s.trap("The key insight: a secret sauce and a token gesture. Bearer of bad news. Basic facts.");
        s.trap("matrix = [[0.12, 0.98], [1.5e-3, 2.25]]; weights: 0.3333, 0.6667");
        s.trap("hash: " + join("5d41402a", "bc4b2a76b9719d911017c592") + ", md5 of hello; crc32 3610a686");
        s.trap("see https://example.com/docs?page=2&sort=desc#section-3 and http://localhost:3000/api");
        s.trap("[[VEIL:EMAIL_ADDRESS_1]] wrote to [[VEIL:OPENAI_API_KEY_2]] yesterday");
        s.trap("Base64 of hello is aGVsbG8= and of foo:bar is Zm9vOmJhcg==");
        s.trap("class AbstractSingletonProxyFactoryBean extends SimpleInstantiationStrategyResolver {}");
        s.trap("aws s3 cp s3://my-bucket/path/to/file.txt ./ --region us-east-1");
        // shapes users paste into prompts
        s.trap("Exception in thread \"main\" java.lang.IllegalStateException: token expired for user 42\n"
                + "\tat com.example.auth.TokenService.refresh(TokenService.java:142)\n"
                + "\tat com.example.auth.TokenService$$Lambda$12/0x0000000800c4b440.apply(Unknown Source)\n"
                + "Caused by: java.net.SocketTimeoutException: connect timed out at 10:42:07.123");
        s.trap("<dependency>org.springframework.boot:spring-boot-starter-web:3.2.1</dependency>, com.amazonaws:aws-java-sdk-s3:1.12.661,"
                + " software.amazon.awssdk:bedrockruntime:2.25.60, implementation 'io.jsonwebtoken:jjwt-api:0.12.5'");
        s.trap("sha256sum: " + g.hex(64) + "  app.jar; SHA-256 digest " + g.hex(64).toUpperCase(java.util.Locale.ROOT));
        s.trap("kubectl get pod/api-server-5f7c9d8b4-x2k9p secret/default-token-x7k2p deployment.apps/payments-api-7d4b9c8f6d;"
                + " secretName: tls-secret, serviceAccountName: build-robot, image: registry.k8s.io/pause:3.9");
        s.trap("not a JWT: eyJub3QiOiJhIGhlYWRlciJ9.eyJzdWIiOiJ4In0.c2ln and eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln and eyJhbGciOiJIUzI1NiJ9");
    }
}
