package dev.paygate.iso8583.mac;

import dev.paygate.iso8583.field.PackagingException;
import java.util.Objects;
import org.jpos.iso.ISOBasePackager;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOFieldPackager;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;

/**
 * Signs and verifies DE 64, or DE 128 when the message has a secondary bitmap (ISO 8583:1987
 * puts the MAC in the last element of the last bitmap). The MAC covers the packed message from
 * the MTI up to, not including, the MAC element; the bitmap already has the MAC bit set.
 */
public final class MessageMac {

    static final int PRIMARY_MAC_FIELD = 64;
    static final int SECONDARY_MAC_FIELD = 128;
    private static final int PRIMARY_BITMAP_FIELDS = 64;

    private final Iso9797Alg3Mac mac;

    public MessageMac(Iso9797Alg3Mac mac) {
        this.mac = Objects.requireNonNull(mac, "mac");
    }

    /** DE 128 when any element above 64 is present (or will be), else DE 64. */
    public static int macField(ISOMsg message) {
        for (int field = PRIMARY_BITMAP_FIELDS + 1; field < SECONDARY_MAC_FIELD; field++) {
            if (message.hasField(field)) {
                return SECONDARY_MAC_FIELD;
            }
        }
        return PRIMARY_MAC_FIELD;
    }

    /** Sets the MAC element of the message in place, replacing any MAC it had. */
    public void sign(ISOMsg message, ISOPackager packager) {
        int macField = macField(message);
        message.unset(macField == PRIMARY_MAC_FIELD ? SECONDARY_MAC_FIELD : PRIMARY_MAC_FIELD);
        byte[] macInput = macInput(message, packager, macField);
        message.set(macField, mac.compute(macInput));
    }

    /** True when the message carries a MAC element and it matches its content. */
    public boolean verify(ISOMsg message, ISOPackager packager) {
        int macField = macField(message);
        byte[] received = message.getBytes(macField);
        if (received == null || received.length != Iso9797Alg3Mac.MAC_BYTES) {
            return false;
        }
        ISOMsg copy = (ISOMsg) message.clone();
        byte[] macInput = macInput(copy, packager, macField);
        return mac.verify(macInput, 0, macInput.length, received);
    }

    /** Packs with a zero placeholder in the MAC element and cuts that element off the end. */
    private static byte[] macInput(ISOMsg message, ISOPackager packager, int macField) {
        String mti = message.getString(0);
        try {
            message.set(macField, new byte[Iso9797Alg3Mac.MAC_BYTES]);
            message.setPackager(packager);
            byte[] packed = message.pack();
            int macBytesPacked = macFieldPackager(packager, macField, mti).getMaxPackedLength();
            byte[] input = new byte[packed.length - macBytesPacked];
            System.arraycopy(packed, 0, input, 0, input.length);
            return input;
        } catch (ISOException | RuntimeException e) {
            throw new PackagingException(mti, macField, "cannot pack for MAC: " + e.getMessage(), e);
        }
    }

    private static ISOFieldPackager macFieldPackager(ISOPackager packager, int macField, String mti) {
        if (packager instanceof ISOBasePackager basePackager && basePackager.getFieldPackager(macField) != null) {
            return basePackager.getFieldPackager(macField);
        }
        throw new PackagingException(mti, macField, "packager defines no MAC element");
    }
}
