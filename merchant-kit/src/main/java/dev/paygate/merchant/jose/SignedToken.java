package dev.paygate.merchant.jose;

import java.text.ParseException;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A decoded but not yet verified token. Parsing checks the shape (alg EdDSA, expected typ, a kid, a JSON
 * claims object) so the caller can pick the key by kid before trusting anything in it.
 */
public final class SignedToken {

    /** Bounds what is decoded at all; a 200-item basket stays well under this. */
    public static final int COMPACT_LENGTH_MAX = 131_072;

    /**
     * Three base64url parts and two dots, nothing else: the JOSE library's decoder skips characters outside the
     * alphabet, so without this a token with control characters around it would verify and be stored as sent.
     */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    /** Printable ASCII only, so a kid can be logged and used as a lookup key safely. */
    private static final Pattern KEY_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final SignedJWT jwt;
    private final JWTClaimsSet claims;

    private SignedToken(SignedJWT jwt, JWTClaimsSet claims) {
        this.jwt = jwt;
        this.claims = claims;
    }

    public static SignedToken parse(String compact, TokenType expectedType) throws MalformedTokenException {
        if (compact == null || compact.isEmpty()) {
            throw new MalformedTokenException("no token");
        }
        if (compact.length() > COMPACT_LENGTH_MAX) {
            throw new MalformedTokenException("token longer than " + COMPACT_LENGTH_MAX + " characters");
        }
        String stripped = compact.strip();
        if (!COMPACT_JWS.matcher(stripped).matches()) {
            throw new MalformedTokenException("not a JWS compact token: three base64url parts separated by dots");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(stripped);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException notJws) {
            throw new MalformedTokenException("not a JWS compact token with a JSON claims object: " + notJws.getMessage(), notJws);
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new MalformedTokenException("alg must be EdDSA, not " + header.getAlgorithm());
        }
        if (!expectedType.matches(header.getType())) {
            throw new MalformedTokenException("typ must be " + expectedType.mediaType() + ", not " + header.getType());
        }
        if (header.getCriticalParams() != null) {
            throw new MalformedTokenException("crit " + header.getCriticalParams() + " is not understood");
        }
        String keyId = header.getKeyID();
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new MalformedTokenException("the header needs a kid of 1 to 128 printable ASCII characters");
        }
        return new SignedToken(jwt, claims);
    }

    /** The header's kid, checked by {@link #parse}. */
    public String keyId() {
        return jwt.getHeader().getKeyID();
    }

    /** The claims as sent; untrusted until {@link #isSignedBy} returned true. */
    public JWTClaimsSet claims() {
        return claims;
    }

    public boolean isSignedBy(OctetKeyPair publicJwk) {
        try {
            return jwt.verify(new Ed25519JwsVerifier(publicJwk));
        } catch (JOSEException | IllegalArgumentException unverifiable) {
            return false;
        }
    }
}
