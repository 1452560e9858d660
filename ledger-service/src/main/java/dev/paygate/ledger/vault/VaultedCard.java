package dev.paygate.ledger.vault;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;

/**
 * A customer's card as the back unit uses it. The clear PAN is handed out only by
 * {@link #clearPan()}, for the ISO 8583 message; {@link #toString()} shows the masked PAN.
 */
public final class VaultedCard {

    private final String token;
    private final String customerId;
    private final String maskedPan;
    private final YearMonth expiry;
    private final char[] pan;

    VaultedCard(String token, String customerId, String maskedPan, YearMonth expiry, char[] pan) {
        this.token = Objects.requireNonNull(token, "token");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.maskedPan = Objects.requireNonNull(maskedPan, "maskedPan");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.pan = pan.clone();
    }

    public String token() {
        return token;
    }

    public String customerId() {
        return customerId;
    }

    /** First 6 and last 4 digits: safe to show and log. */
    public String maskedPan() {
        return maskedPan;
    }

    public YearMonth expiry() {
        return expiry;
    }

    /** DE 14 expiration date, YYMM. */
    public String expiryYymm() {
        return String.format("%02d%02d", expiry.getYear() % 100, expiry.getMonthValue());
    }

    /** The clear PAN, for DE 2 only: never log it, never send it to the open side. */
    public String clearPan() {
        return new String(pan);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VaultedCard card && card.token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return "VaultedCard[token=" + token + ", customerId=" + customerId + ", pan=" + maskedPan
                + ", expiry=" + expiry + "]";
    }

    /** Overwrites the PAN held by this object once it is no longer needed. */
    public void wipe() {
        Arrays.fill(pan, '0');
    }
}
