package dev.paygate.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The jars the build made, taken as an operator takes them, into directories of the test's own. */
final class BuiltJars {

    /** JVM flags every gateway start needs on JDK 25 (Netty under Artemis). */
    static final List<String> GATEWAY_JVM_FLAGS = List.of("--sun-misc-unsafe-memory-access=allow");
    private static final long EXTRACT_TIMEOUT_S = 120;

    private BuiltJars() {
    }

    /** The jar as built, copied so that a rebuild during the run cannot change it under a running process. */
    static Path privateCopy(Path repositoryRoot, String jarInRepository, Path directory) throws IOException {
        Path jar = built(repositoryRoot, jarInRepository);
        Files.createDirectories(directory);
        return Files.copy(jar, directory.resolve(jar.getFileName()));
    }

    /**
     * The jar in the extracted layout ({@code -Djarmode=tools extract}), as {@code ./run} starts the gateway: the
     * JDK's class loader instead of Spring Boot's nested-jar one (issue 12.6). Returns the jar to start.
     */
    static Path extracted(Path repositoryRoot, String jarInRepository, Path directory) throws IOException {
        Path jar = built(repositoryRoot, jarInRepository);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process extract = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            if (!extract.waitFor(EXTRACT_TIMEOUT_S, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IllegalStateException("extracting " + jar + " failed or took over " + EXTRACT_TIMEOUT_S + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
        return directory.resolve(jar.getFileName());
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path built(Path repositoryRoot, String jarInRepository) {
        Path jar = repositoryRoot.resolve(jarInRepository);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it first: ./mvnw -pl e2e-tests -am verify");
        }
        return jar;
    }
}
