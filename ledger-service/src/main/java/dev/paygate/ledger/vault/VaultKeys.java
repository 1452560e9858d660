package dev.paygate.ledger.vault;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The card vault's AES-256 keys, by key id, from configuration. New cards are sealed with the
 * active key; older keys stay to open the rows they sealed until {@link CardVault#reencrypt()} has
 * moved them. No key material ever appears in {@link #toString()}.
 */
public final class VaultKeys {

    public static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keysById;
    private final String activeKeyId;

    private VaultKeys(Map<String, SecretKey> keysById, String activeKeyId) {
        this.keysById = keysById;
        this.activeKeyId = activeKeyId;
    }

    /**
     * @param base64KeysById key id -> 32-byte key in base64 (standard alphabet)
     * @param activeKeyId    the id of the key that seals new rows
     */
    public static VaultKeys fromBase64(Map<String, String> base64KeysById, String activeKeyId) {
        Objects.requireNonNull(base64KeysById, "base64KeysById");
        Objects.requireNonNull(activeKeyId, "activeKeyId");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        base64KeysById.forEach((keyId, base64) -> {
            if (keyId == null || keyId.isBlank() || keyId.length() > 64) {
                throw new IllegalArgumentException("vault key ids must have 1..64 characters");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(Objects.requireNonNull(base64, "key " + keyId).trim());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("vault key " + keyId + " is not base64");
            }
            if (material.length != KEY_BYTES) {
                throw new IllegalArgumentException("vault key " + keyId + " must be " + KEY_BYTES
                        + " bytes, is " + material.length);
            }
            keys.put(keyId, new SecretKeySpec(material, "AES"));
        });
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active vault key " + activeKeyId + " is not among " + keys.keySet());
        }
        return new VaultKeys(Map.copyOf(keys), activeKeyId);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    SecretKey activeKey() {
        return keysById.get(activeKeyId);
    }

    SecretKey key(String keyId) {
        SecretKey key = keysById.get(keyId);
        if (key == null) {
            throw new VaultException("no vault key " + keyId + " configured; keys are " + new TreeSet<>(keysById.keySet()));
        }
        return key;
    }

    @Override
    public String toString() {
        return "VaultKeys[active=" + activeKeyId + ", ids=" + new TreeSet<>(keysById.keySet()) + "]";
    }
}
