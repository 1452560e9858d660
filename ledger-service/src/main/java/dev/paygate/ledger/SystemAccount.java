package dev.paygate.ledger;

/**
 * The payment server's own accounts, one per currency. They may go negative: card clearing is
 * owed by the card networks, top-up funding by the cards that funded wallets.
 */
public enum SystemAccount {
    /** Debited when a card payment credits a till; the card network owes this money. */
    CARD_CLEARING("card-clearing"),
    /** Credited by the daily sweep with what is paid out to the merchants' banks. */
    BANK_SETTLEMENT("bank-settlement"),
    /** Debited when a card-funded top-up credits a wallet. */
    TOP_UP_FUNDING("top-up-funding");

    private final String name;

    SystemAccount(String name) {
        this.name = name;
    }

    /** The account code, e.g. {@code card-clearing:EUR}. */
    public String code(String currency) {
        return name + ":" + Money.requireCurrency(currency);
    }
}
