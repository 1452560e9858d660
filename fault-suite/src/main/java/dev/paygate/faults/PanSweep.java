package dev.paygate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds card numbers in files, text or binary (logs, the PostgreSQL cluster, the Artemis journal, saved pages):
 * a run of 13 to 19 ASCII digits, not part of a longer run, starting with 2 to 6 (the card schemes' major
 * industry identifiers; epoch milliseconds start with 1), that passes the Luhn check. Masked PANs
 * ({@code 400000******0002}) do not match. The vault stores PANs encrypted, so it is swept like the rest.
 */
final class PanSweep {

    static final int PAN_DIGITS_MIN = 13;
    static final int PAN_DIGITS_MAX = 19;
    private static final String PROGRAM_DIRECTORY = "postgres-binaries";

    record Hit(Path file, long offset, String maskedPan) {
        @Override
        public String toString() {
            return file + " at byte " + offset + ": " + maskedPan;
        }
    }

    private PanSweep() {
    }

    static List<Hit> sweep(List<Path> roots) {
        List<Hit> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(PanSweep::isWrittenByTheRun).toList()) {
                    hits.addAll(scan(file, readQuietly(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot walk " + root, e);
            }
        }
        return hits;
    }

    // The PostgreSQL binaries zonky unpacks into the data directory are the program, not data: their tables of
    // constants hold Luhn-valid digit runs.
    private static boolean isWrittenByTheRun(Path file) {
        for (Path part : file) {
            if (part.toString().equals(PROGRAM_DIRECTORY)) {
                return false;
            }
        }
        return true;
    }

    static List<Hit> scan(Path file, byte[] content) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < content.length) {
            if (!isDigit(content[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < content.length && isDigit(content[i])) {
                i++;
            }
            int length = i - start;
            if (length >= PAN_DIGITS_MIN && length <= PAN_DIGITS_MAX && content[start] >= '2' && content[start] <= '6'
                    && passesLuhn(content, start, length)) {
                hits.add(new Hit(file, start, masked(content, start, length)));
            }
        }
        return hits;
    }

    // Written here rather than borrowed from iso8583-packager's Pan: the sweep checks the code that masks PANs,
    // so it shares none of it.
    static boolean passesLuhn(byte[] digits, int start, int length) {
        int sum = 0;
        boolean doubled = false;
        for (int i = start + length - 1; i >= start; i--) {
            int digit = digits[i] - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    // The report must not carry the number it found.
    private static String masked(byte[] content, int start, int length) {
        String digits = new String(content, start, length, StandardCharsets.US_ASCII);
        return digits.substring(0, 6) + "*".repeat(length - 10) + digits.substring(length - 4);
    }

    // Sweeps run with the gateway stopped, so an unreadable file is a fault of the run: said, and skipped.
    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            System.out.println("pan sweep: cannot read " + file + ": " + e.getMessage());
            return new byte[0];
        }
    }
}
