package dev.paygate.iso8583.message;

/**
 * Point of service entry mode (DE 22, n3) and condition code (DE 25, n2).
 *
 * @param entryMode PAN entry mode (2 digits) and PIN entry capability (1 digit)
 * @param conditionCode the circumstances of the transaction
 */
public record PointOfService(String entryMode, String conditionCode) {

    /** Card not present on the internet: PAN keyed (01), no PIN capability (2); e-commerce (59). */
    public static final PointOfService ECOMMERCE = new PointOfService("012", "59");

    public PointOfService {
        if (entryMode == null || !entryMode.matches("\\d{3}")) {
            throw new IllegalArgumentException("POS entry mode must be 3 digits");
        }
        if (conditionCode == null || !conditionCode.matches("\\d{2}")) {
            throw new IllegalArgumentException("POS condition code must be 2 digits");
        }
    }
}
