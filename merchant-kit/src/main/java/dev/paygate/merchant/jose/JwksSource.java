package dev.paygate.merchant.jose;

import java.io.IOException;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * Where the payment server's public keys come from. {@link HttpJwksSource} fetches the published
 * /.well-known/jwks.json; tests and air-gapped merchants use {@link #fixed(JWKSet)}.
 */
@FunctionalInterface
public interface JwksSource {

    JWKSet fetch() throws IOException;

    static JwksSource fixed(JWKSet keys) {
        return () -> keys;
    }
}
