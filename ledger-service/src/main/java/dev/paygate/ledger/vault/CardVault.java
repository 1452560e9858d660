package dev.paygate.ledger.vault;

import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card vault: one active card per customer, PAN and expiry sealed with AES-256-GCM. Each row
 * names the key that sealed it, and the row's token, customer and key id are bound to the
 * ciphertext as associated data, so a ciphertext copied onto another row does not open. The open
 * side only ever sees the token or the masked PAN.
 */
public final class CardVault {

    /** Rows re-sealed per transaction by {@link #reencrypt()}. */
    public static final int REENCRYPT_BATCH_ROWS = 100;

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TOKEN_RANDOM_BYTES = 24;
    private static final String AAD_PREFIX = "paygate-vault-v1|";
    private static final char FIELD_SEPARATOR = '|';

    private static final Logger LOG = LoggerFactory.getLogger(CardVault.class);

    private final Transactions transactions;
    private final VaultKeys keys;
    private final SecureRandom random = new SecureRandom();

    public CardVault(DataSource dataSource, VaultKeys keys) {
        this.transactions = new Transactions(dataSource);
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Seals the customer's card and returns its token; the customer's previous card, if any, is
     * retired. The caller should wipe {@code pan} afterwards.
     */
    public String enroll(String customerId, char[] pan, YearMonth expiry) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(pan, "pan");
        Objects.requireNonNull(expiry, "expiry");
        Pans.require(pan);
        if (expiry.isBefore(YearMonth.now(ZoneOffset.UTC))) {
            throw new IllegalArgumentException("card expired in " + expiry);
        }
        String token = newToken();
        String keyId = keys.activeKeyId();
        byte[] nonce = newNonce();
        byte[] ciphertext = seal(keys.activeKey(), nonce, aad(token, customerId, keyId), pan, expiry);
        transactions.inTransaction(connection -> {
            requireCustomer(connection, customerId);
            try (PreparedStatement retire = connection.prepareStatement("update ledger.vaulted_card"
                    + " set active = false, retired_at = now() where customer_id = ? and active")) {
                retire.setString(1, customerId);
                retire.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into ledger.vaulted_card"
                    + " (token, customer_id, key_id, nonce, ciphertext, masked_pan) values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, token);
                insert.setString(2, customerId);
                insert.setString(3, keyId);
                insert.setBytes(4, nonce);
                insert.setBytes(5, ciphertext);
                insert.setString(6, Pans.mask(pan));
                insert.executeUpdate();
            }
            return token;
        });
        return token;
    }

    /** The customer's active card, opened, for the card path. */
    public Optional<VaultedCard> cardOf(String customerId) {
        Optional<SealedCard> sealed = transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select token, customer_id, key_id,"
                    + " nonce, ciphertext, masked_pan from ledger.vaulted_card where customer_id = ? and active")) {
                select.setString(1, customerId);
                return SqlSupport.first(select, CardVault::sealedCard);
            }
        });
        return sealed.map(this::open);
    }

    /** The customer's active card as the open side may see it: token and masked PAN, nothing sealed. */
    public Optional<CardOnFile> cardOnFile(String customerId) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select token, masked_pan, enrolled_at"
                    + " from ledger.vaulted_card where customer_id = ? and active")) {
                select.setString(1, customerId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new CardOnFile(row.getString("token"), row.getString("masked_pan"),
                                    SqlSupport.instant(row, "enrolled_at")))
                            : Optional.<CardOnFile>empty();
                }
            }
        });
    }

    /**
     * Re-seals every row not sealed with the active key, in batches of {@value #REENCRYPT_BATCH_ROWS}
     * rows in token order. A row that does not open is left as it is and reported, so one damaged row
     * does not stop the rotation. Once no row is left on an old key, that key can leave configuration.
     */
    public Reencryption reencrypt() {
        int rowsToMove = transactions.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from ledger.vaulted_card where key_id <> ?")) {
                count.setString(1, keys.activeKeyId());
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
        int batchesMax = rowsToMove / REENCRYPT_BATCH_ROWS + 1;
        int resealed = 0;
        List<String> unreadable = new ArrayList<>();
        String afterToken = "";
        for (int batch = 0; batch < batchesMax; batch++) {
            String cursor = afterToken;
            BatchResult result = transactions.inTransaction(connection -> reencryptBatch(connection, cursor));
            resealed += result.resealedRows();
            unreadable.addAll(result.unreadableTokens());
            if (result.lastToken() == null) {
                break;
            }
            afterToken = result.lastToken();
        }
        if (!unreadable.isEmpty()) {
            LOG.warn("{} vaulted card(s) do not open and stay on their old key: {}", unreadable.size(), unreadable);
        }
        return new Reencryption(resealed, unreadable);
    }

    /**
     * @param resealedRows     rows now sealed with the active key
     * @param unreadableTokens rows that did not open (missing key or damaged ciphertext), left untouched
     */
    public record Reencryption(int resealedRows, List<String> unreadableTokens) {
        public Reencryption {
            unreadableTokens = List.copyOf(unreadableTokens);
        }
    }

    /** @param lastToken the last token seen, or null when the batch was the last one */
    private record BatchResult(int resealedRows, List<String> unreadableTokens, String lastToken) {
    }

    private BatchResult reencryptBatch(Connection connection, String afterToken) throws SQLException {
        List<SealedCard> batch;
        try (PreparedStatement select = connection.prepareStatement("select token, customer_id, key_id, nonce,"
                + " ciphertext, masked_pan from ledger.vaulted_card where key_id <> ? and token > ?"
                + " order by token limit ? for update skip locked")) {
            select.setString(1, keys.activeKeyId());
            select.setString(2, afterToken);
            select.setInt(3, REENCRYPT_BATCH_ROWS);
            batch = SqlSupport.list(select, CardVault::sealedCard);
        }
        List<String> unreadable = new ArrayList<>();
        int resealed = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "update ledger.vaulted_card set key_id = ?, nonce = ?, ciphertext = ? where token = ?")) {
            for (SealedCard sealed : batch) {
                Plain plain;
                try {
                    plain = decrypt(sealed);
                } catch (VaultException unopened) {
                    unreadable.add(sealed.token());
                    continue;
                }
                byte[] nonce = newNonce();
                String keyId = keys.activeKeyId();
                update.setString(1, keyId);
                update.setBytes(2, nonce);
                update.setBytes(3, seal(keys.activeKey(), nonce, aad(sealed.token(), sealed.customerId(), keyId),
                        plain.pan(), plain.expiry()));
                update.setString(4, sealed.token());
                update.addBatch();
                plain.wipe();
                resealed++;
            }
            update.executeBatch();
        }
        String lastToken = batch.size() < REENCRYPT_BATCH_ROWS ? null : batch.getLast().token();
        return new BatchResult(resealed, unreadable, lastToken);
    }

    private record SealedCard(String token, String customerId, String keyId, byte[] nonce, byte[] ciphertext,
            String maskedPan) {
    }

    private static SealedCard sealedCard(ResultSet row) throws SQLException {
        return new SealedCard(row.getString("token"), row.getString("customer_id"), row.getString("key_id"),
                row.getBytes("nonce"), row.getBytes("ciphertext"), row.getString("masked_pan"));
    }

    private record Plain(char[] pan, YearMonth expiry) {
        void wipe() {
            Arrays.fill(pan, '0');
        }
    }

    private VaultedCard open(SealedCard sealed) {
        Plain plain = decrypt(sealed);
        VaultedCard card = new VaultedCard(sealed.token(), sealed.customerId(), sealed.maskedPan(), plain.expiry(),
                plain.pan());
        plain.wipe();
        return card;
    }

    private Plain decrypt(SealedCard sealed) {
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, keys.key(sealed.keyId()), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(aad(sealed.token(), sealed.customerId(), sealed.keyId()));
            plaintext = cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException failure) {
            throw new VaultException("vaulted card " + sealed.token() + " does not open with key " + sealed.keyId(),
                    failure);
        }
        try {
            int separator = indexOf(plaintext, (byte) FIELD_SEPARATOR);
            char[] pan = new char[separator];
            for (int index = 0; index < separator; index++) {
                pan[index] = (char) plaintext[index];
            }
            YearMonth expiry = YearMonth.parse(new String(plaintext, separator + 1,
                    plaintext.length - separator - 1, StandardCharsets.US_ASCII));
            return new Plain(pan, expiry);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Plaintext is {@code PAN|YYYY-MM} in ASCII, wiped as soon as it is sealed. */
    private static byte[] seal(SecretKey key, byte[] nonce, byte[] aad, char[] pan, YearMonth expiry) {
        byte[] expiryBytes = expiry.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] plaintext = new byte[pan.length + 1 + expiryBytes.length];
        for (int index = 0; index < pan.length; index++) {
            plaintext[index] = (byte) pan[index];
        }
        plaintext[pan.length] = (byte) FIELD_SEPARATOR;
        System.arraycopy(expiryBytes, 0, plaintext, pan.length + 1, expiryBytes.length);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException failure) {
            throw new VaultException("cannot seal a card with AES-GCM", failure);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] aad(String token, String customerId, String keyId) {
        return (AAD_PREFIX + token + "|" + customerId + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int index = 0; index < bytes.length; index++) {
            if (bytes[index] == wanted) {
                return index;
            }
        }
        throw new VaultException("vaulted card plaintext has no separator");
    }

    private static void requireCustomer(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from ledger.customer where customer_id = ?")) {
            select.setString(1, customerId);
            if (SqlSupport.first(select, row -> true).isEmpty()) {
                throw new VaultException("no customer " + customerId + " to enroll a card for");
            }
        }
    }

    private String newToken() {
        byte[] randomBytes = new byte[TOKEN_RANDOM_BYTES];
        random.nextBytes(randomBytes);
        return "tok_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes);
    }

    private byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }
}
