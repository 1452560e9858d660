package dev.paygate.ledger.register;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An answer that arrived after its card request had timed out and been reversed: recorded for operators and
 * disputes as the network sent it, never paid.
 *
 * @param mti          the answer's MTI, e.g. {@code 0110}
 * @param responseCode DE 39 as received (two characters)
 * @param approvalCode DE 38 when the network sent one; null otherwise
 * @param receivedAt   when it arrived
 */
public record LateOutcome(String mti, String responseCode, String approvalCode, Instant receivedAt) {

    public LateOutcome {
        if (mti == null || !mti.matches("0[0-9]{3}")) {
            throw new IllegalArgumentException("mti must be 4 digits of ISO 8583:1987: " + mti);
        }
        if (responseCode == null || !responseCode.matches("[A-Za-z0-9]{2}")) {
            throw new IllegalArgumentException("responseCode (DE 39) must be 2 characters");
        }
        if (approvalCode != null && !approvalCode.matches("[A-Za-z0-9 ]{1,6}")) {
            throw new IllegalArgumentException("approvalCode (DE 38) must be 1..6 characters");
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public boolean approved() {
        return "00".equals(responseCode);
    }

    /** One line for people: what came, and that it was not paid. */
    public String summary() {
        return mti + " with DE 39 " + responseCode + (approvalCode == null ? "" : ", approval code " + approvalCode)
                + " at " + receivedAt.truncatedTo(ChronoUnit.SECONDS) + ": recorded, not paid";
    }
}
