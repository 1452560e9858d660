package dev.paygate.routes.card;

import dev.paygate.ledger.party.Merchant;

/**
 * Who accepts the card in a request: DE 41 terminal, DE 42 acceptor id, DE 43 name and location, DE 18
 * merchant category code. A payment's acceptor is its merchant; a top-up's is Paygate itself.
 */
public record Acceptor(String terminalId, String acceptorId, String nameLocation, String mcc) {

    public static Acceptor of(Merchant merchant) {
        return new Acceptor(merchant.terminalId(), merchant.acceptorId(), merchant.acceptorNameLocation(),
                merchant.mcc());
    }
}
