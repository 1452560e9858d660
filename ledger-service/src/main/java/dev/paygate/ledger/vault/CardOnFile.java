package dev.paygate.ledger.vault;

import java.time.Instant;

/** What the open side may know of a customer's card: its token and masked PAN. */
public record CardOnFile(String token, String maskedPan, Instant enrolledAt) {
}
