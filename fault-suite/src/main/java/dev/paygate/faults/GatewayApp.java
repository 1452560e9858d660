package dev.paygate.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The gateway's jar extracted (as ./run starts it) and, once trained, the JVM's AOT cache for it (JDK 25, JEP 483):
 * classes loaded and linked in a training start, mapped at every later start. Kept between runs under one
 * directory per jar content (names and bytes of its entries, not its timestamps, which every build renews), so a
 * rebuild of unchanged code keeps the cache: the JVM accepts a cache only for the very files it was made with.
 */
record GatewayApp(Path directory, Path applicationJar) {

    private static final String AOT_CACHE = "paygate.aot";
    private static final int CONTENT_ID_HEX_DIGITS = 16;

    /** The extraction of this jar's content under {@code root}, made now if it is not there; older ones removed. */
    static GatewayApp of(Path java, Path packedJar, Path root) throws Exception {
        Path directory = root.resolve(contentId(packedJar));
        Path applicationJar = directory.resolve(packedJar.getFileName());
        if (!Files.exists(applicationJar)) {
            deleteRecursively(root);
            Path draft = root.resolve("extracting");
            Files.createDirectories(root);
            Process extract = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", packedJar.toString(),
                    "extract", "--destination", draft.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (extract.waitFor() != 0) {
                throw new IllegalStateException("extracting " + packedJar + " failed with " + extract.exitValue());
            }
            Files.move(draft, directory, StandardCopyOption.ATOMIC_MOVE);
        }
        return new GatewayApp(directory, applicationJar);
    }

    /** The AOT cache, once a training start has made it. */
    Optional<Path> aotCache() {
        Path cache = directory.resolve(AOT_CACHE);
        return Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty();
    }

    /** Where a training start writes the cache (the JVM does at its exit); {@link #keepTrainedCache} adopts it. */
    Path trainingOutput() {
        return directory.resolve(AOT_CACHE + ".training");
    }

    /**
     * True when the training start exited by itself and left a cache, now the one {@link #aotCache} answers; what a
     * start that had to be killed left is removed.
     */
    boolean keepTrainedCache(boolean trainingExited) throws IOException {
        if (!trainingExited || !Files.isRegularFile(trainingOutput())) {
            Files.deleteIfExists(trainingOutput());
            return false;
        }
        Files.move(trainingOutput(), directory.resolve(AOT_CACHE), StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static String contentId(Path jar) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                try (InputStream content = zip.getInputStream(entry)) {
                    for (int read = content.read(buffer); read > 0; read = content.read(buffer)) {
                        digest.update(buffer, 0, read);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, CONTENT_ID_HEX_DIGITS);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
