package dev.paygate.gateway.operator;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * A merchant to enroll: the ledger merchant with its till and card acceptor data, and its ticket-signing key.
 *
 * @param mcc                  ISO 18245 merchant category code, 4 digits (DE 18)
 * @param terminalId           card acceptor terminal id, exactly 8 characters (DE 41)
 * @param acceptorId           card acceptor id code, exactly 15 characters (DE 42)
 * @param acceptorNameLocation card acceptor name/location, at most 40 characters (DE 43)
 * @param currency             the one currency the merchant is paid in
 * @param publicJwk            the merchant's Ed25519 public key as a JWK object with a {@code kid}
 * @param webhook              the notify URL and webhook secret, if the merchant wants webhooks from the start
 * @param shopUrl              the merchant's own web address (https, or http to loopback): where a customer whose
 *                             ticket cannot be trusted is sent instead of any URL in that ticket
 */
@Schema(description = "A merchant to enroll")
record MerchantEnrollment(
        @Schema(example = "shop-42", requiredMode = Schema.RequiredMode.REQUIRED) String merchantId,
        @Schema(example = "Shop 42", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "5499", requiredMode = Schema.RequiredMode.REQUIRED) String mcc,
        @Schema(example = "DE89370400440532013000", requiredMode = Schema.RequiredMode.REQUIRED) String iban,
        @Schema(example = "COBADEFFXXX", requiredMode = Schema.RequiredMode.REQUIRED) String bic,
        @Schema(example = "TERM0042", requiredMode = Schema.RequiredMode.REQUIRED) String terminalId,
        @Schema(example = "SHOP42000000001", requiredMode = Schema.RequiredMode.REQUIRED) String acceptorId,
        @Schema(example = "Shop 42 Berlin DE", requiredMode = Schema.RequiredMode.REQUIRED) String acceptorNameLocation,
        @Schema(example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED) String currency,
        @Schema(example = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"shop-42-2026\",\"x\":\"...\"}",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Object> publicJwk,
        @Schema(description = "optional: where the merchant's webhooks go, and their signing secret")
        WebhookEndpointRequest webhook,
        @Schema(example = "https://shop42.example/", description = "the shop's address, offered to customers whose"
                + " ticket cannot be trusted; without it they get no link back")
        String shopUrl) {
}
