package dev.paygate.ledger;

/** Why money moved; stored on every transfer. */
public enum TransferKind {
    /** Customer wallet to merchant till. */
    WALLET_PAYMENT,
    /** Card clearing to merchant till, after the card network approved. */
    CARD_PAYMENT,
    /** Merchant till back to card clearing, when an approved card payment is reversed. */
    CARD_REVERSAL,
    /** Top-up funding to customer wallet, after an approved card financial request. */
    TOP_UP,
    /** Merchant till back to customer wallet. */
    REFUND,
    /** Merchant till to bank settlement, by the daily sweep. */
    SWEEP
}
