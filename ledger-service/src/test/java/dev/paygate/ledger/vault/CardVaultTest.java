package dev.paygate.ledger.vault;

import static dev.paygate.ledger.testsupport.Fixtures.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CardVaultTest {

    private static final String PAN = "4111111111111111";
    private static final String OTHER_PAN = "5555555555554444";
    private static final YearMonth EXPIRY = YearMonth.now(ZoneOffset.UTC).plusYears(3);
    private static final String KEY_1 = key(1);
    private static final String KEY_2 = key(2);

    /** Key rotation re-seals every row in the database: each test gets its own. */
    @RegisterExtension
    final LedgerDatabase database = LedgerDatabase.perTest();

    private final VaultKeys firstKeys = VaultKeys.fromBase64(Map.of("k1", KEY_1), "k1");
    private CardVault vault;
    private Fixtures fixtures;
    private String customerId;

    @BeforeEach
    void setUp() {
        vault = new CardVault(database.dataSource(), firstKeys);
        fixtures = new Fixtures(database.dataSource());
        customerId = newCustomer();
    }

    @Test
    void enrolledCardOpensForTheCardPathOnly() {
        String token = vault.enroll(customerId, PAN.toCharArray(), EXPIRY);

        VaultedCard card = vault.cardOf(customerId).orElseThrow();

        assertThat(token).startsWith("tok_");
        assertThat(card.token()).isEqualTo(token);
        assertThat(card.clearPan()).isEqualTo(PAN);
        assertThat(card.maskedPan()).isEqualTo("411111******1111");
        assertThat(card.expiry()).isEqualTo(EXPIRY);
        assertThat(card.expiryYymm()).isEqualTo(String.format("%02d%02d", EXPIRY.getYear() % 100,
                EXPIRY.getMonthValue()));
        assertThat(vault.cardOnFile(customerId).orElseThrow())
                .satisfies(onFile -> {
                    assertThat(onFile.token()).isEqualTo(token);
                    assertThat(onFile.maskedPan()).isEqualTo("411111******1111");
                });
    }

    @Test
    void neitherTheRowNorToStringShowsTheClearPanOrExpiry() throws SQLException {
        String token = vault.enroll(customerId, PAN.toCharArray(), EXPIRY);
        VaultedCard card = vault.cardOf(customerId).orElseThrow();

        String row = rowAsText(token);

        assertThat(row).doesNotContain(PAN).doesNotContain(PAN.substring(6, 12)).doesNotContain(EXPIRY.toString());
        assertThat(card.toString()).doesNotContain(PAN).contains("411111******1111");
        assertThat(firstKeys.toString()).doesNotContain(KEY_1).contains("k1");
    }

    @Test
    void wipedCardNoLongerHoldsThePan() {
        vault.enroll(customerId, PAN.toCharArray(), EXPIRY);
        VaultedCard card = vault.cardOf(customerId).orElseThrow();

        card.wipe();

        assertThat(card.clearPan()).isEqualTo("0".repeat(PAN.length()));
    }

    @Test
    void enrollingAgainRetiresThePreviousCard() {
        String first = vault.enroll(customerId, PAN.toCharArray(), EXPIRY);
        String second = vault.enroll(customerId, OTHER_PAN.toCharArray(), EXPIRY.plusYears(1));

        VaultedCard card = vault.cardOf(customerId).orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertThat(card.token()).isEqualTo(second);
        assertThat(card.clearPan()).isEqualTo(OTHER_PAN);
        assertThat(vault.cardOf(newCustomer())).isEmpty();
    }

    @Test
    void rotatedKeysStillOpenOldRowsUntilReencryptMovesThem() {
        vault.enroll(customerId, PAN.toCharArray(), EXPIRY);
        CardVault rotated = new CardVault(database.dataSource(),
                VaultKeys.fromBase64(Map.of("k1", KEY_1, "k2", KEY_2), "k2"));

        assertThat(rotated.cardOf(customerId).orElseThrow().clearPan()).isEqualTo(PAN);
        assertThat(rotated.reencrypt().resealedRows()).isPositive();
        assertThat(rotated.reencrypt().resealedRows()).isZero();

        CardVault secondKeyOnly = new CardVault(database.dataSource(), VaultKeys.fromBase64(Map.of("k2", KEY_2), "k2"));
        assertThat(secondKeyOnly.cardOf(customerId).orElseThrow().clearPan()).isEqualTo(PAN);
        assertThatThrownBy(() -> vault.cardOf(customerId))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("no vault key k2")
                .hasMessageNotContaining(KEY_1);
    }

    @Test
    void ciphertextCopiedOntoAnotherCustomersRowDoesNotOpen() throws SQLException {
        String victim = vault.enroll(customerId, PAN.toCharArray(), EXPIRY);
        String attackerId = newCustomer();
        String attacker = vault.enroll(attackerId, OTHER_PAN.toCharArray(), EXPIRY);

        database.execute("update ledger.vaulted_card set (nonce, ciphertext) = (select nonce, ciphertext"
                + " from ledger.vaulted_card where token = '" + victim + "') where token = '" + attacker + "'");

        assertThatThrownBy(() -> vault.cardOf(attackerId))
                .isInstanceOf(VaultException.class)
                .hasMessageNotContaining(PAN);
        CardVault.Reencryption rotation = new CardVault(database.dataSource(),
                VaultKeys.fromBase64(Map.of("k1", KEY_1, "k3", key(3)), "k3")).reencrypt();
        assertThat(rotation.unreadableTokens()).containsExactly(attacker);
        assertThat(rotation.resealedRows()).isPositive();
    }

    @Test
    void refusesWhatIsNotAUsableCard() {
        assertThatThrownBy(() -> vault.enroll(customerId, "4111111111111112".toCharArray(), EXPIRY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("4111111111111112");
        assertThatThrownBy(() -> vault.enroll(customerId, "41111".toCharArray(), EXPIRY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vault.enroll(customerId, PAN.toCharArray(),
                YearMonth.now(ZoneOffset.UTC).minusMonths(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vault.enroll("nobody", PAN.toCharArray(), EXPIRY)).isInstanceOf(VaultException.class);
    }

    @Test
    void keysMustBeThirtyTwoBytesAndTheActiveOneMustExist() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> VaultKeys.fromBase64(Map.of("k1", shortKey), "k1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VaultKeys.fromBase64(Map.of("k1", KEY_1), "k9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VaultKeys.fromBase64(Map.of("k1", "not base64!"), "k1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String newCustomer() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.customer(id, EUR, 1_000);
        return id;
    }

    /** Every column of the row, text as text and bytes both as hex and as ASCII. */
    private String rowAsText(String token) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = database.dataSource().getConnection();
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("select * from ledger.vaulted_card where token = '" + token + "'")) {
            row.next();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                Object value = row.getObject(column);
                if (value instanceof byte[] bytes) {
                    text.append(HexFormat.of().formatHex(bytes)).append(' ')
                            .append(new String(bytes, StandardCharsets.ISO_8859_1));
                } else {
                    text.append(value);
                }
                text.append('|');
            }
        }
        return text.toString();
    }

    private static String key(int seed) {
        byte[] key = new byte[VaultKeys.KEY_BYTES];
        for (int index = 0; index < key.length; index++) {
            key[index] = (byte) (seed * 31 + index);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
