package dev.paygate.merchant.ticket;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.CompactSigner;
import dev.paygate.merchant.jose.TokenType;

/** Merchant side: signs tickets with the merchant's Ed25519 private key. Thread-safe; keep one. */
public final class TicketSigner {

    private final CompactSigner signer;

    /** @param merchantPrivateKey the private JWK whose public half is registered with the payment server */
    public TicketSigner(OctetKeyPair merchantPrivateKey) {
        this.signer = new CompactSigner(merchantPrivateKey);
    }

    /** The JWS compact ticket, to put in {@link PayLink#payUrl} or {@link PayLink#autoSubmitPage}. */
    public String sign(Ticket ticket) {
        return signer.sign(TokenType.TICKET, ticket.toClaims());
    }
}
