package dev.paygate.ledger.vault;

import dev.paygate.ledger.LedgerException;

/** The vault cannot open a row: missing key, or a ciphertext that fails authentication. Never carries a PAN. */
public final class VaultException extends LedgerException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
