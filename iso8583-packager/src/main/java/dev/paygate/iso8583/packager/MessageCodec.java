package dev.paygate.iso8583.packager;

import dev.paygate.iso8583.field.PackagingException;
import dev.paygate.iso8583.field.Digits;
import dev.paygate.iso8583.field.Mti;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jpos.iso.IFA_LLNUM;
import org.jpos.iso.IFA_NUMERIC;
import org.jpos.iso.IFB_LLNUM;
import org.jpos.iso.IFB_NUMERIC;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOFieldPackager;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.GenericPackager;

/**
 * Packs and unpacks message bodies (no length prefix, no header) with one of our packagers, and
 * holds untrusted input to the rules jPOS leaves to the caller: every byte consumed, a 1987 MTI,
 * a hex bitmap in ASCII messages and digits only in numeric elements. Every fault is a
 * {@link PackagingException}; field content never appears in its message.
 */
public final class MessageCodec {

    /** Track 2 (DE 35) is "z": digits plus the field separator, '=' in ASCII and 'D' in BCD. */
    private static final int TRACK_2 = 35;
    private static final Set<Class<?>> NUMERIC_FIELD_PACKAGERS =
            Set.of(IFA_NUMERIC.class, IFB_NUMERIC.class, IFA_LLNUM.class, IFB_LLNUM.class);
    private static final Pattern JPOS_FIELD = Pattern.compile("(?:unpacking field=|packing field )(\\d+)");
    private static final int ASCII_BITMAP_DIGITS = 16;
    private static final int MTI_ASCII_BYTES = 4;
    private static final int FIELD_MAX = 128;

    private final PackagerDefinition definition;
    private final GenericPackager packager;
    private final boolean[] numericField = new boolean[FIELD_MAX + 1];

    public MessageCodec(PackagerDefinition definition) {
        this.definition = definition;
        this.packager = definition.newPackager();
        for (int field = 2; field <= FIELD_MAX; field++) {
            ISOFieldPackager fieldPackager = packager.getFieldPackager(field);
            numericField[field] = fieldPackager != null && NUMERIC_FIELD_PACKAGERS.contains(fieldPackager.getClass());
        }
    }

    /** The jPOS packager; thread-safe for pack and unpack, shareable between channels. */
    public GenericPackager packager() {
        return packager;
    }

    public byte[] pack(ISOMsg message) {
        String mti = message.getString(0);
        try {
            ISOMsg copy = (ISOMsg) message.clone();
            copy.setPackager(packager);
            return copy.pack();
        } catch (ISOException | RuntimeException e) {
            throw new PackagingException(mti, fieldOf(e), "cannot pack: " + e.getMessage(), e);
        }
    }

    /** Unpacks one message body; see the class comment for what is checked. */
    public ISOMsg unpack(byte[] body) {
        if (body == null || body.length == 0) {
            throw PackagingException.framing("empty message");
        }
        if (definition == PackagerDefinition.ISO87_ASCII) {
            checkAsciiBitmap(body);
        }
        ISOMsg message = new ISOMsg();
        message.setPackager(packager);
        int consumed;
        try {
            consumed = packager.unpack(message, body);
        } catch (ISOException | RuntimeException e) {
            String mti = message.hasField(0) ? message.getString(0) : null;
            throw new PackagingException(mti, fieldOf(e), "cannot unpack " + body.length + " bytes: " + e.getMessage(), e);
        }
        String mti = message.getString(0);
        checkMti(mti);
        if (consumed != body.length) {
            throw new PackagingException(mti, null, (body.length - consumed) + " bytes left after the last data element");
        }
        checkNumericFields(message, mti);
        return message;
    }

    private static void checkMti(String mti) {
        try {
            Mti.parse(mti);
        } catch (IllegalArgumentException e) {
            throw new PackagingException(null, 0, e.getMessage());
        }
    }

    private void checkNumericFields(ISOMsg message, String mti) {
        for (int field = 2; field <= Math.min(message.getMaxField(), FIELD_MAX); field++) {
            if (!numericField[field] || !message.hasField(field)) {
                continue;
            }
            String value = message.getString(field);
            boolean valid = field == TRACK_2 ? isTrack2(value) : value != null && Digits.areAll(value);
            if (!valid) {
                throw new PackagingException(mti, field, "non-numeric content in a numeric data element");
            }
        }
    }

    private static boolean isTrack2(String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9' || c == '=' || c == 'D');
    }

    /** jPOS reads an ASCII bitmap with Character.digit and would turn junk into random bits. */
    private static void checkAsciiBitmap(byte[] body) {
        int primaryEnd = MTI_ASCII_BYTES + ASCII_BITMAP_DIGITS;
        if (body.length < primaryEnd) {
            throw new PackagingException(null, 1, "truncated bitmap");
        }
        checkHex(body, MTI_ASCII_BYTES, primaryEnd);
        boolean hasSecondary = Character.digit(body[MTI_ASCII_BYTES], 16) >= 8;
        if (hasSecondary) {
            if (body.length < primaryEnd + ASCII_BITMAP_DIGITS) {
                throw new PackagingException(null, 1, "truncated secondary bitmap");
            }
            checkHex(body, primaryEnd, primaryEnd + ASCII_BITMAP_DIGITS);
        }
    }

    private static void checkHex(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HexFormat.isHexDigit(body[i])) {
                throw new PackagingException(null, 1, "bitmap is not hex digits");
            }
        }
    }

    private static Integer fieldOf(Exception e) {
        Matcher matcher = JPOS_FIELD.matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
