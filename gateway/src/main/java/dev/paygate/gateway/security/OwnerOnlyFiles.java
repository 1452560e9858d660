package dev.paygate.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The secrets the embedded default generates (keys, passwords, hashes) are written through here: into an owner-only
 * ({@code rw-------}) draft beside the file, then moved into place, so the file is never readable by others and
 * never seen half-written.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /**
     * Writes {@code text} to a new {@code file}, creating its directory.
     *
     * @throws FileAlreadyExistsException if the file exists, e.g. another process made it meanwhile: theirs wins
     */
    public static void create(Path file, String text) throws IOException {
        write(file, text);
    }

    /** Writes {@code text} to {@code file} in one atomic move, replacing what was there. */
    public static void replace(Path file, String text) throws IOException {
        write(file, text, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(Path file, String text, CopyOption... move) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, file.getFileName().toString(), ".draft");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(draft, text, StandardCharsets.UTF_8);
            Files.move(draft, file, move);
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
