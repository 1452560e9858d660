package dev.paygate.ledger;

/** What an account is for; it decides which balances the database allows. */
public enum AccountKind {
    /** A customer's stored-value wallet (the patent's PME): never negative, never above its cap. */
    WALLET,
    /** A merchant's till (the patent's TCE), emptied into the merchant's bank by the daily sweep. */
    TILL,
    /** An account of the payment server itself; it may go negative. */
    SYSTEM
}
