package dev.paygate.merchant.jose;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * Ed25519 keys as JWKs (RFC 8037 "OKP", crv "Ed25519"), backed by the JDK's own Ed25519 provider
 * (Java 15+), so the kit needs neither Tink nor BouncyCastle.
 *
 * <p>A private JWK is a secret: store it like a password. Never log it; {@link OctetKeyPair#toString()}
 * prints the private part.
 */
public final class Ed25519Keys {

    private static final String JDK_ALGORITHM = "Ed25519";
    private static final int KEY_BYTES = 32;
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410 section 4); the raw key follows. */
    private static final byte[] X509_PUBLIC_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private Ed25519Keys() {
    }

    /** A new key pair whose kid is its RFC 7638 thumbprint, stable and unique without coordination. */
    public static OctetKeyPair generate() {
        OctetKeyPair withoutKeyId = generate(null);
        return withKeyId(withoutKeyId, thumbprint(withoutKeyId));
    }

    /** A new key pair with the given kid (pass null for none). */
    public static OctetKeyPair generate(String keyId) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(JDK_ALGORITHM).generateKeyPair();
            byte[] encodedPublic = pair.getPublic().getEncoded();
            if (encodedPublic.length != X509_PUBLIC_PREFIX.length + KEY_BYTES
                    || !Arrays.equals(X509_PUBLIC_PREFIX, Arrays.copyOf(encodedPublic, X509_PUBLIC_PREFIX.length))) {
                throw new IllegalStateException("unexpected Ed25519 public key encoding from the JDK");
            }
            byte[] publicBytes = Arrays.copyOfRange(encodedPublic, X509_PUBLIC_PREFIX.length, encodedPublic.length);
            byte[] privateBytes = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the JDK hid the Ed25519 private key bytes"));
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicBytes))
                    .d(Base64URL.encode(privateBytes))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.EdDSA)
                    .keyID(keyId)
                    .build();
        } catch (GeneralSecurityException noEd25519) {
            throw new IllegalStateException("this JVM has no Ed25519 provider (Java 15+ is required)", noEd25519);
        }
    }

    /** Parses a JWK (private or public) and checks it is an Ed25519 key with a kid. */
    public static OctetKeyPair parse(String jwkJson) throws ParseException {
        JWK jwk = JWK.parse(jwkJson);
        if (!(jwk instanceof OctetKeyPair key) || !Curve.Ed25519.equals(key.getCurve())) {
            throw new ParseException("not an Ed25519 OKP key (RFC 8037)", 0);
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new ParseException("the key has no kid", 0);
        }
        if (key.getDecodedX().length != KEY_BYTES || (key.isPrivate() && key.getDecodedD().length != KEY_BYTES)) {
            throw new ParseException("an Ed25519 key is 32 bytes", 0);
        }
        return key;
    }

    /** The JWK JSON with the private part: what a merchant keeps in its secret store. */
    public static String toPrivateJson(OctetKeyPair key) {
        requirePrivate(key);
        return key.toJSONString();
    }

    /** The public JWK a merchant registers with the payment server (no "d"). */
    public static OctetKeyPair publicJwk(OctetKeyPair key) {
        return key.toPublicJWK();
    }

    public static String publicJwkJson(OctetKeyPair key) {
        return key.toPublicJWK().toJSONString();
    }

    /** A JWKS document of the public halves, as the server publishes at /.well-known/jwks.json. */
    public static String publicJwksJson(List<OctetKeyPair> keys) {
        return new JWKSet(List.<JWK>copyOf(keys)).toString(true);
    }

    public static String keyId(OctetKeyPair key) {
        return key.getKeyID();
    }

    public static OctetKeyPair withKeyId(OctetKeyPair key, String keyId) {
        return new OctetKeyPair.Builder(key).keyID(keyId).build();
    }

    public static PublicKey toPublicKey(OctetKeyPair key) {
        requireEd25519(key);
        byte[] encoded = Arrays.copyOf(X509_PUBLIC_PREFIX, X509_PUBLIC_PREFIX.length + KEY_BYTES);
        System.arraycopy(key.getDecodedX(), 0, encoded, X509_PUBLIC_PREFIX.length, KEY_BYTES);
        try {
            return KeyFactory.getInstance(JDK_ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException invalid) {
            throw new IllegalArgumentException("not a valid Ed25519 public key", invalid);
        }
    }

    public static PrivateKey toPrivateKey(OctetKeyPair key) {
        requirePrivate(key);
        try {
            return KeyFactory.getInstance(JDK_ALGORITHM)
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, key.getDecodedD()));
        } catch (GeneralSecurityException invalid) {
            throw new IllegalArgumentException("not a valid Ed25519 private key", invalid);
        }
    }

    private static void requirePrivate(OctetKeyPair key) {
        requireEd25519(key);
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("a private key is required, this JWK has no \"d\"");
        }
    }

    private static void requireEd25519(OctetKeyPair key) {
        if (!Curve.Ed25519.equals(key.getCurve()) || key.getDecodedX().length != KEY_BYTES) {
            throw new IllegalArgumentException("not an Ed25519 key: crv " + key.getCurve());
        }
    }

    private static String thumbprint(OctetKeyPair key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException noSha256) {
            throw new IllegalStateException("SHA-256 is unavailable", noSha256);
        }
    }
}
