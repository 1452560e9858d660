package dev.paygate.merchant.jose;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An enum a claim names by a word of its own: the constant's name in lower case with hyphens, e.g.
 * {@code AUTH_ONLY} is {@code auth-only}. Renaming a constant changes the format.
 */
public interface ClaimCode {

    /** Implemented by every enum constant. */
    String name();

    /** The claim value. */
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} whose code is {@code value}.
     *
     * @throws IllegalArgumentException starting with the claim name and listing the codes
     */
    static <E extends Enum<E> & ClaimCode> E fromCode(String claim, Class<E> type, String value) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.code().equals(value)) {
                return constant;
            }
        }
        List<String> codes = Arrays.stream(constants).map(ClaimCode::code).toList();
        throw new IllegalArgumentException(claim + ": '" + value + "' is not "
                + String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1));
    }
}
