package dev.paygate.iso8583.support;

import dev.paygate.iso8583.packager.PackagerDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads the fixed hex vectors under {@code src/test/resources/vectors/<packager>/<name>.hex}. */
public final class Vectors {

    private Vectors() {
    }

    public static byte[] read(PackagerDefinition definition, String vectorName) {
        String resource = "/vectors/" + definition.configName() + "/" + vectorName + ".hex";
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + resource);
            }
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
