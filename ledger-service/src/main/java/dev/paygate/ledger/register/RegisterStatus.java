package dev.paygate.ledger.register;

/** Where a register entry stands. */
public enum RegisterStatus {
    APPROVED,
    REFUSED,
    /** A card authorization was sent and its answer has not been recorded yet. */
    PENDING,
    /** The card authorization was reversed at the network; a late approval moves no money. */
    REVERSED
}
