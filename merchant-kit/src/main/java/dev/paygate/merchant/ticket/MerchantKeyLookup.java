package dev.paygate.merchant.ticket;

import java.util.Optional;

import com.nimbusds.jose.jwk.OctetKeyPair;

/** Gateway side: the registered public key of a merchant by kid; empty when the merchant or kid is unknown. */
@FunctionalInterface
public interface MerchantKeyLookup {

    Optional<OctetKeyPair> publicKey(String merchantId, String keyId);
}
