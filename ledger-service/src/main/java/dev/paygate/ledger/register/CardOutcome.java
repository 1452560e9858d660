package dev.paygate.ledger.register;

import java.util.Objects;

/**
 * A card network's answer to an authorization.
 *
 * @param authCode DE 38 approval code (up to 6 characters); approvals only
 * @param rrn      DE 37 retrieval reference number (up to 12 characters), if the network sent one
 * @param stan     DE 11 of the request (up to 6 digits, stored zero-padded), if known
 * @param reason   stable refusal reason code (e.g. {@code do_not_honour}); refusals only
 */
public record CardOutcome(boolean approved, String authCode, String rrn, String stan, String reason) {

    public CardOutcome {
        if (approved) {
            Objects.requireNonNull(authCode, "an approval carries an authCode");
            if (!authCode.matches("[A-Za-z0-9 ]{1,6}")) {
                throw new IllegalArgumentException("authCode (DE 38) must be 1..6 characters: " + authCode);
            }
            if (reason != null) {
                throw new IllegalArgumentException("an approval carries no reason");
            }
        } else if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal carries a reason");
        }
        if (rrn != null && !rrn.matches("[A-Za-z0-9 ]{1,12}")) {
            throw new IllegalArgumentException("rrn (DE 37) must be 1..12 characters: " + rrn);
        }
        if (stan != null) {
            if (!stan.matches("[0-9]{1,6}")) {
                throw new IllegalArgumentException("stan (DE 11) must be 1..6 digits: " + stan);
            }
            stan = "0".repeat(6 - stan.length()) + stan;
        }
    }

    public static CardOutcome approved(String authCode, String rrn, String stan) {
        return new CardOutcome(true, authCode, rrn, stan, null);
    }

    public static CardOutcome refused(String reason, String rrn, String stan) {
        return new CardOutcome(false, null, rrn, stan, reason);
    }
}
