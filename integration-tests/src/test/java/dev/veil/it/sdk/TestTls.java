package dev.veil.it.sdk;

import dev.veil.it.ChildJvm;
import dev.veil.it.TestSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away TLS identity for 127.0.0.1, made with the JDK's keytool when a test starts (nothing
 * certificate- or key-shaped is committed): the fake server presents it, and a child JVM trusts it through
 * the standard {@code javax.net.ssl.trustStore} properties, as users trust a private CA.
 */
final class TestTls {

    private final Path keyStore;
    private final String password;

    private TestTls(Path keyStore, String password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    static TestTls create(long seed) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("veil-it-tls");
        Path store = dir.resolve("it.p12");
        String password = new TestSecrets(seed).chars(20);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "it", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(out));
        }
        store.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return new TestTls(store, password);
    }

    SSLContext serverContext() throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The child JVM trusts this identity (and only it). */
    ChildJvm trustedBy(ChildJvm jvm) {
        return jvm.property("javax.net.ssl.trustStore", keyStore.toString())
                .property("javax.net.ssl.trustStorePassword", password)
                .property("javax.net.ssl.trustStoreType", "PKCS12");
    }
}
