package dev.paygate.gateway.operator;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where a merchant's outcomes are posted, and the secret they are signed with. */
@Schema(description = "A merchant's webhook endpoint")
record WebhookEndpointRequest(
        @Schema(example = "https://shop.example/paygate/events", requiredMode = Schema.RequiredMode.REQUIRED)
        String notifyUrl,
        @Schema(type = "string", format = "password", minLength = 16, requiredMode = Schema.RequiredMode.REQUIRED)
        String secret) {

    @Override
    public String toString() {
        return "WebhookEndpointRequest[notifyUrl=" + notifyUrl + ", secret=(hidden)]";
    }
}
