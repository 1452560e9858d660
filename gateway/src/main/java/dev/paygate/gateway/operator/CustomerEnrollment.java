package dev.paygate.gateway.operator;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;

/**
 * A customer to enroll: ledger customer and wallet, password, and optionally a card for the vault. The password
 * and PAN are {@code char[]} so they can be wiped once used; {@link #toString()} never shows them.
 *
 * @param walletCapMinor the most the wallet may hold, in minor units of {@code walletCurrency}
 * @param cardExpiry     {@code YYYY-MM}, with {@code cardPan}
 */
@Schema(description = "A customer to enroll; the card is optional")
record CustomerEnrollment(
        @Schema(example = "carol", requiredMode = Schema.RequiredMode.REQUIRED) String customerId,
        @Schema(example = "Carol Example", requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
        @Schema(type = "string", format = "password", minLength = 8, requiredMode = Schema.RequiredMode.REQUIRED)
        char[] password,
        @Schema(example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED) String walletCurrency,
        @Schema(example = "50000", requiredMode = Schema.RequiredMode.REQUIRED) Long walletCapMinor,
        @Schema(type = "string", example = "4000000000000002", description = "never returned, never logged")
        char[] cardPan,
        @Schema(example = "2030-12") String cardExpiry) {

    void wipe() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        if (cardPan != null) {
            Arrays.fill(cardPan, '\0');
        }
    }

    @Override
    public String toString() {
        return "CustomerEnrollment[customerId=" + customerId + ", password=***, cardPan=***]";
    }
}
