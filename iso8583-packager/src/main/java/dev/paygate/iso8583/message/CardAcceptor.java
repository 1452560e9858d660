package dev.paygate.iso8583.message;

/**
 * What the issuer is told about the merchant besides its ids.
 *
 * @param nameLocation DE 43, at most 40 characters: name (25), city (13), country (2)
 * @param merchantCategoryCode DE 18, the 4-digit MCC
 */
public record CardAcceptor(String nameLocation, String merchantCategoryCode) {

    public static final int NAME_LOCATION_LENGTH_MAX = 40;

    public CardAcceptor {
        if (nameLocation == null || nameLocation.isBlank() || nameLocation.length() > NAME_LOCATION_LENGTH_MAX
                || !nameLocation.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException("card acceptor name/location must be 1 to 40 printable characters");
        }
        if (merchantCategoryCode == null || !merchantCategoryCode.matches("\\d{4}")) {
            throw new IllegalArgumentException("MCC must be 4 digits");
        }
    }
}
