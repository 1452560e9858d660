package dev.paygate.merchant.jose;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Typed reads from a claims object (a token's claims or one nested item). A claim of the wrong JSON
 * type is an {@link InvalidClaimsException} naming it, never a ClassCastException.
 */
public final class ClaimsReader {

    private final Map<String, Object> claims;
    private final String path;

    private ClaimsReader(Map<String, Object> claims, String path) {
        this.claims = claims;
        this.path = path;
    }

    public static ClaimsReader of(JWTClaimsSet claims) {
        return new ClaimsReader(claims.getClaims(), "");
    }

    /** Builds a value from a token's claims; what its constructor rejects is an {@link InvalidClaimsException} too. */
    public static <T> T read(JWTClaimsSet claims, Reading<T> reading) throws InvalidClaimsException {
        try {
            return reading.read(of(claims));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidClaimsException(invalid.getMessage(), invalid);
        }
    }

    /** A value built from claims, failing on a claim missing or of the wrong JSON type. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(ClaimsReader claims) throws InvalidClaimsException;
    }

    public String requiredString(String claim) throws InvalidClaimsException {
        return optionalString(claim).orElseThrow(() -> missing(claim));
    }

    public Optional<String> optionalString(String claim) throws InvalidClaimsException {
        Object value = claims.get(claim);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw wrongType(claim, "a string");
    }

    /**
     * A JSON integer within 64 bits; 12.0, 12.5 and 1e20 are refused (nimbus's parser yields a Double for
     * them) because money and counts are never fractional.
     */
    public long requiredLong(String claim) throws InvalidClaimsException {
        Object value = claims.get(claim);
        if (value == null) {
            throw missing(claim);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw wrongType(claim, "an integer");
    }

    /** NumericDate (seconds since the epoch); nimbus already turns iat/exp into Dates when parsing. */
    public Instant requiredInstant(String claim) throws InvalidClaimsException {
        Object value = claims.get(claim);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return Instant.ofEpochSecond(requiredLong(claim));
    }

    public URI requiredUri(String claim) throws InvalidClaimsException {
        String text = requiredString(claim);
        try {
            return new URI(text);
        } catch (URISyntaxException bad) {
            throw new InvalidClaimsException(path + claim + ": not a URI", bad);
        }
    }

    /** A JSON array of objects, each read with its own reader; a missing claim is an empty list. */
    public List<ClaimsReader> optionalObjectList(String claim, int sizeMax) throws InvalidClaimsException {
        Object value = claims.get(claim);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(claim, "an array");
        }
        if (list.size() > sizeMax) {
            throw new InvalidClaimsException(path + claim + ": more than " + sizeMax + " entries");
        }
        List<ClaimsReader> readers = new ArrayList<>(list.size());
        for (int index = 0; index < list.size(); index++) {
            if (!(list.get(index) instanceof Map<?, ?> entry)) {
                throw wrongType(claim + "[" + index + "]", "an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) entry;
            readers.add(new ClaimsReader(object, path + claim + "[" + index + "]."));
        }
        return readers;
    }

    private InvalidClaimsException missing(String claim) {
        return new InvalidClaimsException(path + claim + ": is required");
    }

    private InvalidClaimsException wrongType(String claim, String expected) {
        return new InvalidClaimsException(path + claim + ": must be " + expected);
    }
}
