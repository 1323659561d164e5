import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step (run with the JDK's single-file launcher): turns the shaded jar into the agent jar.
 * Only the bootstrap API ({@code dev/veil/bootstrap/}, listed in {@code META-INF/veil-bootstrap.idx}
 * for the agent to define on the boot loader) and the launcher ({@code dev/veil/launcher/}) stay
 * loadable classes at the root; everything else moves under {@code veil-inst/} with the extension
 * {@code .classdata}, where only {@code AgentClassLoader} finds it. Entries are sorted and stamped with
 * the build's fixed timestamp, so two clean builds give the same bytes.
 *
 * <p>Usage: {@code java IsolateAgentJar.java <shaded.jar> <out.jar> <outputTimestamp> <version>}
 */
public class IsolateAgentJar {

    private static final String PREFIX = "veil-inst/";

    public static void main(String[] args) throws IOException {
        Path in = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        LocalDateTime stamp = OffsetDateTime.parse(args[2]).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        String version = args[3];

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Premain-Class", "dev.veil.launcher.VeilPremain");
        main.putValue("Agent-Class", "dev.veil.launcher.VeilPremain");
        main.putValue("Can-Retransform-Classes", "true");
        main.putValue("Can-Redefine-Classes", "false");
        main.putValue("Implementation-Title", "Veil agent");
        main.putValue("Implementation-Version", version);
        main.putValue("Implementation-Vendor-Id", "dev.veil");

        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        int isolated = 0;
        int visible = 0;
        try (ZipFile zip = new ZipFile(in.toFile());
             OutputStream file = Files.newOutputStream(tmp);
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.setLevel(9);
            ZipEntry manifestEntry = new ZipEntry("META-INF/MANIFEST.MF");
            manifestEntry.setTimeLocal(stamp);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();

            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && !entry.getName().equals("META-INF/MANIFEST.MF")) {
                    names.add(entry.getName());
                }
            }
            Collections.sort(names);
            StringBuilder bootIndex = new StringBuilder();
            for (String name : names) {
                if (name.startsWith("dev/veil/bootstrap/") && name.endsWith(".class")) {
                    bootIndex.append(name).append('\n');
                }
            }
            ZipEntry index = new ZipEntry("META-INF/veil-bootstrap.idx");
            index.setTimeLocal(stamp);
            jar.putNextEntry(index);
            jar.write(bootIndex.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
            for (String name : names) {
                String target;
                if (name.startsWith("dev/veil/bootstrap/") || name.startsWith("dev/veil/launcher/")) {
                    target = name;
                    visible++;
                } else {
                    target = PREFIX + (name.endsWith(".class")
                            ? name.substring(0, name.length() - ".class".length()) + ".classdata"
                            : name);
                    isolated++;
                }
                ZipEntry copy = new ZipEntry(target);
                copy.setTimeLocal(stamp);
                jar.putNextEntry(copy);
                try (InputStream data = zip.getInputStream(zip.getEntry(name))) {
                    data.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[veil-build] " + out.getFileName() + ": " + visible + " visible entries (bootstrap API, launcher), "
                + isolated + " isolated under " + PREFIX);
    }
}
