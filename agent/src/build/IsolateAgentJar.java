import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step (run with the JDK's single-file launcher): turns the shaded jar into the agent jar.
 * Only the bootstrap API ({@code dev/veil/bootstrap/}, listed in {@code META-INF/veil-bootstrap.idx}
 * for the agent to define on the boot loader) and the launcher ({@code dev/veil/launcher/}) stay
 * loadable classes at the root; every other class goes into one stored entry, {@code veil-inst/classes.pack}
 * (layout in {@code dev.veil.launcher.ClassPack}: a sorted index, then each class raw-deflated), and
 * other resources move under {@code veil-inst/}: only {@code AgentClassLoader} finds them. One entry
 * instead of thousands keeps the JVM's start-up parse of the jar's central directory short. Entries are
 * sorted and stamped with the build's fixed timestamp, so two clean builds give the same bytes.
 *
 * <p>Usage: {@code java IsolateAgentJar.java <shaded.jar> <out.jar> <outputTimestamp> <version>}
 */
public class IsolateAgentJar {

    private static final String PREFIX = "veil-inst/";
    private static final String PACK = PREFIX + "classes.pack";
    private static final int MAGIC = 0x56435031;
    private static final String SERVICES = "META-INF/services/dev.veil.instrumentation.api.InstrumentationModule";
    /** Read by {@code dev.veil.agent.instrument.InstrumentationModules.index}. */
    private static final String MODULES_INDEX = PREFIX + "META-INF/veil-modules.idx";

    /**
     * One line per instrumentation module, {@code class name minimumJava target,target,...}, taken from
     * the modules themselves: premain reads this instead of loading a dozen module classes.
     */
    static String moduleIndex(Path shadedJar, ZipFile zip) throws IOException {
        StringBuilder index = new StringBuilder();
        String services;
        try (InputStream in = zip.getInputStream(zip.getEntry(SERVICES))) {
            services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {shadedJar.toUri().toURL()}, null)) {
            for (String line : services.split("\n")) {
                String className = line.replaceAll("#.*", "").trim();
                if (className.isEmpty() || index.indexOf(className + " ") >= 0) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(className, true, loader);
                    Object module = type.getDeclaredConstructor().newInstance();
                    String name = (String) type.getMethod("name").invoke(module);
                    int minimumJava = (Integer) type.getMethod("minimumJavaVersion").invoke(module);
                    @SuppressWarnings("unchecked")
                    List<String> targets = (List<String>) type.getMethod("targetClassNames").invoke(module);
                    if (name.contains(" ") || targets.isEmpty()) {
                        throw new IOException("bad module " + className);
                    }
                    index.append(className).append(' ').append(name).append(' ').append(minimumJava).append(' ')
                            .append(String.join(",", targets)).append('\n');
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot describe instrumentation module " + className, e);
                }
            }
        }
        return index.toString();
    }

    /** The class pack (see {@code dev.veil.launcher.ClassPack}) of the sorted class entries {@code names}. */
    static byte[] pack(ZipFile zip, List<String> classEntries) throws IOException {
        List<String> names = new ArrayList<>(classEntries);
        // Sorted by the name the loader searches for: without ".class" ("a/B" before "a/B$1").
        names.sort(java.util.Comparator.comparing((String n) -> n.substring(0, n.length() - ".class".length())));
        ByteArrayOutputStream nameBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[][] records = new int[names.size()][];
        Deflater deflater = new Deflater(9, true);
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < names.size(); i++) {
            String entry = names.get(i);
            byte[] raw;
            try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                raw = in.readAllBytes();
            }
            String internalName = entry.substring(0, entry.length() - ".class".length());
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(internalName)) {
                throw new IOException("class names in the pack must be ASCII: " + internalName);
            }
            byte[] name = internalName.getBytes(StandardCharsets.US_ASCII);
            int offset = data.size();
            deflater.reset();
            deflater.setInput(raw);
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                data.write(buffer, 0, n);
            }
            records[i] = new int[] {nameBytes.size(), offset, data.size() - offset, raw.length};
            nameBytes.write(name);
        }
        deflater.end();
        int dataStart = 12 + records.length * 16 + 4 + nameBytes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(dataStart + data.size());
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(records.length);
        d.writeInt(dataStart);
        for (int[] r : records) {
            for (int v : r) {
                d.writeInt(v);
            }
        }
        d.writeInt(nameBytes.size());
        nameBytes.writeTo(d);
        data.writeTo(d);
        d.flush();
        return out.toByteArray();
    }

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
            jar.write(bootIndex.toString().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            List<String> packed = new ArrayList<>();
            for (String name : names) {
                String target;
                if (name.startsWith("dev/veil/bootstrap/") || name.startsWith("dev/veil/launcher/")) {
                    target = name;
                    visible++;
                } else if (name.endsWith(".class")) {
                    packed.add(name);
                    continue;
                } else {
                    target = PREFIX + name;
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
            ZipEntry modulesIndex = new ZipEntry(MODULES_INDEX);
            modulesIndex.setTimeLocal(stamp);
            jar.putNextEntry(modulesIndex);
            jar.write(moduleIndex(in, zip).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            isolated++;
            byte[] pack = pack(zip, packed);
            ZipEntry packEntry = new ZipEntry(PACK);
            packEntry.setTimeLocal(stamp);
            packEntry.setMethod(ZipEntry.STORED);
            packEntry.setSize(pack.length);
            packEntry.setCompressedSize(pack.length);
            CRC32 crc = new CRC32();
            crc.update(pack);
            packEntry.setCrc(crc.getValue());
            jar.putNextEntry(packEntry);
            jar.write(pack);
            jar.closeEntry();
            isolated += packed.size();
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[veil-build] " + out.getFileName() + ": " + visible + " visible entries (bootstrap API, launcher), "
                + isolated + " isolated under " + PREFIX + " (classes in " + PACK + ")");
    }
}
