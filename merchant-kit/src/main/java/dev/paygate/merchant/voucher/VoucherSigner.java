package dev.paygate.merchant.voucher;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.CompactSigner;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.refusal.Refusal;

/**
 * Gateway side: signs vouchers and refusals with the payment server's current Ed25519 key, whose public
 * half is in the published JWKS under the same kid. Thread-safe.
 */
public final class VoucherSigner {

    private final CompactSigner signer;

    /** @param serverPrivateKey the server's private JWK; its kid goes into every token header */
    public VoucherSigner(OctetKeyPair serverPrivateKey) {
        this.signer = new CompactSigner(serverPrivateKey);
    }

    public String keyId() {
        return signer.keyId();
    }

    public String sign(Voucher voucher) {
        return signer.sign(TokenType.VOUCHER, voucher.toClaims());
    }

    public String sign(Refusal refusal) {
        return signer.sign(TokenType.REFUSAL, refusal.toClaims());
    }
}
