package dev.paygate.shop.paygate;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Pretty JSON of a part of a JWS compact token, for people who want to see what was signed. */
final class CompactJson {

    static final int HEADER = 0;
    static final int PAYLOAD = 1;

    private CompactJson() {
    }

    /** The part as JSON, indented; call only on a token that parsed, so the part is JSON. */
    static String pretty(ObjectMapper json, String compact, int part) {
        String encoded = compact.strip().split("\\.", 3)[part];
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(encoded);
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(decoded));
        } catch (IOException | IllegalArgumentException notJson) {
            throw new IllegalStateException("a verified token part is not base64url JSON", notJson);
        }
    }
}
