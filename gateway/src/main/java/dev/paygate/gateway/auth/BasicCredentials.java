package dev.paygate.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The user id and secret of an {@code Authorization: Basic} header (RFC 7617, UTF-8). The secret is a
 * {@code char[]} so the caller can wipe it; {@link #toString()} never shows it.
 */
public record BasicCredentials(String userId, char[] secret) {

    private static final int HEADER_LENGTH_MAX = 4_096;
    private static final String SCHEME = "basic ";

    public static Optional<BasicCredentials> parse(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() > HEADER_LENGTH_MAX
                || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorizationHeader.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded));
            int colon = indexOf(chars, ':');
            if (colon < 1) {
                return Optional.empty();
            }
            String userId = chars.subSequence(0, colon).toString();
            char[] secret = Arrays.copyOfRange(chars.array(), chars.arrayOffset() + colon + 1,
                    chars.arrayOffset() + chars.limit());
            Arrays.fill(chars.array(), '\0');
            return Optional.of(new BasicCredentials(userId, secret));
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    public void wipe() {
        Arrays.fill(secret, '\0');
    }

    @Override
    public String toString() {
        return "BasicCredentials[userId=" + userId + ", secret=***]";
    }

    private static int indexOf(CharBuffer chars, char wanted) {
        for (int i = 0; i < chars.limit(); i++) {
            if (chars.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
