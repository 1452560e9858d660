package dev.paygate.iso8583.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class Iso9797Alg3MacTest {

    private static final String KEY_HEX = "0123456789ABCDEFFEDCBA9876543210";

    @Test
    void matchesTheRetailMacComputedStepByStepWithTheJdkDes() throws Exception {
        Iso9797Alg3Mac mac = Iso9797Alg3Mac.fromHex(KEY_HEX);
        Random random = new Random(9797);
        for (int length = 0; length <= 40; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);

            assertThat(mac.compute(data)).as("%d bytes", length).isEqualTo(retailMacWithJdk(HexFormat.of().parseHex(KEY_HEX), data));
        }
    }

    @Test
    void verifiesItsOwnMacAndRejectsAnyChangedByte() {
        Iso9797Alg3Mac mac = Iso9797Alg3Mac.fromHex(KEY_HEX);
        byte[] data = "0100 message body".getBytes();
        byte[] tag = mac.compute(data);
        data[3] ^= 1;

        assertThat(mac.verify(data, 0, data.length, tag)).isFalse();
        data[3] ^= 1;
        assertThat(mac.verify(data, 0, data.length, tag)).isTrue();
    }

    @Test
    void keepsTheKeyOutOfItsTextAndRejectsBadKeys() {
        assertThat(Iso9797Alg3Mac.fromHex(KEY_HEX).toString()).doesNotContain("0123456789").doesNotContain(KEY_HEX);
        assertThatThrownBy(() -> Iso9797Alg3Mac.fromHex("0123456789ABCDEF")).hasMessageContaining("16 or 24 bytes");
        assertThatThrownBy(() -> Iso9797Alg3Mac.fromHex("XYZ")).hasMessageNotContaining("XYZ");
    }

    /** ISO 9797-1 algorithm 3, padding method 1, spelled out with javax.crypto DES. */
    private static byte[] retailMacWithJdk(byte[] key, byte[] data) throws Exception {
        SecretKeySpec left = new SecretKeySpec(Arrays.copyOfRange(key, 0, 8), "DES");
        SecretKeySpec right = new SecretKeySpec(Arrays.copyOfRange(key, 8, 16), "DES");
        int paddedLength = Math.max(8, (data.length + 7) / 8 * 8);
        byte[] padded = Arrays.copyOf(data, paddedLength);
        Cipher cbc = Cipher.getInstance("DES/CBC/NoPadding");
        cbc.init(Cipher.ENCRYPT_MODE, left, new IvParameterSpec(new byte[8]));
        byte[] chained = cbc.doFinal(padded);
        byte[] lastBlock = Arrays.copyOfRange(chained, chained.length - 8, chained.length);
        Cipher ecb = Cipher.getInstance("DES/ECB/NoPadding");
        ecb.init(Cipher.DECRYPT_MODE, right);
        byte[] middle = ecb.doFinal(lastBlock);
        ecb.init(Cipher.ENCRYPT_MODE, left);
        return ecb.doFinal(middle);
    }
}
