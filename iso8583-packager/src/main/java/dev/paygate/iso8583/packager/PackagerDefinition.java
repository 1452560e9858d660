package dev.paygate.iso8583.packager;

import java.io.IOException;
import java.io.InputStream;
import org.jpos.iso.ISOException;
import org.jpos.iso.packager.GenericPackager;

/**
 * The GenericPackager XML definitions this module ships, chosen per network by configuration.
 * The resources carry a {@code paygate-} prefix because jPOS ships its own
 * {@code packager/iso87binary.xml}: with the same name, whichever jar came first on the class path
 * would silently decide the wire format.
 */
public enum PackagerDefinition implements ConfigNamed {

    /** ISO 8583:1987, binary bitmap, BCD numerics. */
    ISO87_BINARY("packager/paygate-iso87binary.xml"),
    /** ISO 8583:1987, every element as ASCII text. */
    ISO87_ASCII("packager/paygate-iso87ascii.xml");

    private final String resourcePath;

    PackagerDefinition(String resourcePath) {
        this.resourcePath = resourcePath;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static PackagerDefinition fromConfigName(String configName) {
        return ConfigNamed.fromConfigName(PackagerDefinition.class, "packager", configName);
    }

    /** Class path location of the XML, e.g. {@code packager/paygate-iso87binary.xml}. */
    public String resourcePath() {
        return resourcePath;
    }

    /** The {@code packager-config} value for a jPOS GenericPackager in a Q2 deploy descriptor. */
    public String packagerConfig() {
        return "jar:" + resourcePath;
    }

    /** A new packager read from this module's own resource, whatever the thread's class loader. */
    public GenericPackager newPackager() {
        try (InputStream xml = PackagerDefinition.class.getClassLoader().getResourceAsStream(resourcePath)) {
            if (xml == null) {
                throw new IllegalStateException("packager definition " + resourcePath + " is missing from the class path");
            }
            return new GenericPackager(xml);
        } catch (ISOException | IOException e) {
            throw new IllegalStateException("cannot read packager definition " + resourcePath, e);
        }
    }
}
