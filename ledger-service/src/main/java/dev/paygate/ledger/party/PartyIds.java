package dev.paygate.ledger.party;

import java.util.Objects;
import java.util.regex.Pattern;

/** Customer and merchant ids are printable and URL-safe (docs/architecture.md, Formats). */
public final class PartyIds {

    private static final Pattern URL_SAFE_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    private PartyIds() {
    }

    public static String require(String id, String name) {
        Objects.requireNonNull(id, name);
        if (!URL_SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(name + " must be 1..64 URL-safe characters: " + id);
        }
        return id;
    }
}
