package dev.paygate.gateway.operator;

import dev.paygate.gateway.api.ApiAnswers;
import dev.paygate.gateway.webhook.WebhookSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API (issue 7): enrollment of customers and merchants, blocks and lockouts, alerts, and the
 * ledger invariant check (issue 4). HTTP Basic with an operator account, checked by
 * {@link OperatorAuthenticationFilter} before any of this runs.
 */
@RestController
@AllInOne
@RequestMapping(path = "/api/v1/operator", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operator", description = "Enrollment, blocks, lockouts, alerts and the ledger invariant check")
@SecurityScheme(name = "operator", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An operator account (paygate.operator.accounts); realm paygate-operator")
@SecurityRequirement(name = "operator")
@ApiResponse(responseCode = "401", description = "operator_auth_failed: no or wrong operator credentials")
@ApiResponse(responseCode = "403", description = "cross_site_request: a change posted from another site")
record OperatorApiController(OperatorActions actions, OperatorOverview overview, WebhookSettings webhookSettings) {

    private static final int ALERTS_MAX = 1_000;
    private static final Logger log = LoggerFactory.getLogger(OperatorApiController.class);

    @PostMapping(path = "/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enroll a customer",
            description = "Creates the ledger customer and an empty wallet, sets the password, and seals the card in the"
                    + " vault. The answer shows the card by its masked PAN only.")
    @ApiResponse(responseCode = "201", description = "enrolled")
    @ApiResponse(responseCode = "400", description = "invalid_request")
    @ApiResponse(responseCode = "409", description = "customer_exists")
    ResponseEntity<CustomerView> enrollCustomer(@RequestBody CustomerEnrollment request,
                                                @Parameter(hidden = true) @CurrentOperator String operator) {
        try {
            return ApiAnswers.answer(HttpStatus.CREATED, actions.enrollCustomer(request, operator));
        } finally {
            request.wipe();
        }
    }

    @PostMapping("/customers/{customerId}/block")
    @Operation(summary = "Block a customer", description = "Freezes the customer in the ledger: every payment is"
            + " refused with customer_blocked until unblocked.")
    @ApiResponse(responseCode = "200", description = "blocked")
    @ApiResponse(responseCode = "404", description = "customer_not_found")
    ResponseEntity<CustomerView> block(@PathVariable String customerId,
                                       @Parameter(hidden = true) @CurrentOperator String operator) {
        return ApiAnswers.answer(HttpStatus.OK, actions.setBlocked(customerId, true, operator));
    }

    @PostMapping("/customers/{customerId}/unblock")
    @Operation(summary = "Unblock a customer")
    @ApiResponse(responseCode = "200", description = "unblocked")
    @ApiResponse(responseCode = "404", description = "customer_not_found")
    ResponseEntity<CustomerView> unblock(@PathVariable String customerId,
                                         @Parameter(hidden = true) @CurrentOperator String operator) {
        return ApiAnswers.answer(HttpStatus.OK, actions.setBlocked(customerId, false, operator));
    }

    @PostMapping("/customers/{customerId}/unlock")
    @Operation(summary = "Unlock a customer", description = "Lifts the lock the front unit set after too many wrong"
            + " passwords, and resets the count.")
    @ApiResponse(responseCode = "200", description = "unlocked")
    @ApiResponse(responseCode = "404", description = "customer_not_found: no customer with a password by that id")
    ResponseEntity<CustomerView> unlock(@PathVariable String customerId,
                                        @Parameter(hidden = true) @CurrentOperator String operator) {
        return ApiAnswers.answer(HttpStatus.OK, actions.unlock(customerId, operator));
    }

    @PostMapping(path = "/merchants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enroll a merchant",
            description = "Creates the ledger merchant with its till and card acceptor data, registers its Ed25519"
                    + " ticket-signing key, and issues an API key. The API key's secret is in this answer only.")
    @ApiResponse(responseCode = "201", description = "enrolled; apiKey.secret is shown this once")
    @ApiResponse(responseCode = "400", description = "invalid_request")
    @ApiResponse(responseCode = "409", description = "merchant_exists")
    ResponseEntity<MerchantView> enrollMerchant(@RequestBody MerchantEnrollment request,
                                                @Parameter(hidden = true) @CurrentOperator String operator) {
        return ApiAnswers.answer(HttpStatus.CREATED, actions.enrollMerchant(request, operator));
    }

    @PutMapping(path = "/merchants/{merchantId}/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a merchant's webhook endpoint",
            description = "Outcomes (approved, refused, refunded) are posted there, signed with HMAC-SHA256 over"
                    + " the timestamp and body with this secret (docs/webhooks.md). https, or http to loopback.")
    @ApiResponse(responseCode = "204", description = "set")
    @ApiResponse(responseCode = "400", description = "invalid_request: unknown merchant, bad URL or secret")
    ResponseEntity<Void> configureWebhook(@PathVariable String merchantId, @RequestBody WebhookEndpointRequest request,
                                          @Parameter(hidden = true) @CurrentOperator String operator) {
        if (request.notifyUrl() == null || request.secret() == null) {
            throw new IllegalArgumentException("notifyUrl and secret are required");
        }
        webhookSettings.configure(merchantId, URI.create(request.notifyUrl()), request.secret());
        log.info("Operator {} set the webhook endpoint of merchant {} to {}", operator, merchantId, request.notifyUrl());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/invariants")
    @Operation(summary = "Check the ledger invariants",
            description = "Checks on one snapshot that balances sum to zero per currency, match the journal, wallets"
                    + " stay within their cap, and register entries move what they say. Reads the whole journal.")
    @ApiResponse(responseCode = "200", description = "healthy: no violation")
    @ApiResponse(responseCode = "409", description = "the ledger breaks at least one rule; every violation is listed"
            + " (at most 100 per rule)",
            content = @Content(schema = @Schema(implementation = InvariantReportView.class)))
    ResponseEntity<InvariantReportView> invariants() {
        InvariantReportView report = overview.invariants();
        return ApiAnswers.answer(report.healthy() ? HttpStatus.OK : HttpStatus.CONFLICT, report);
    }

    @GetMapping("/alerts")
    @Operation(summary = "Recent alerts", description = "Newest first, e.g. customer_locked after too many wrong"
            + " passwords, with whether the customer is still locked.")
    @ApiResponse(responseCode = "200", description = "the alerts")
    @ApiResponse(responseCode = "400", description = "invalid_request: limit out of range")
    ResponseEntity<List<AlertView>> alerts(
            @Parameter(description = "how many, 1..1000") @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > ALERTS_MAX) {
            throw OperatorRefusal.invalid("limit is 1.." + ALERTS_MAX);
        }
        return ApiAnswers.answer(HttpStatus.OK, overview.alerts(limit));
    }

    @PostMapping("/alerts/{alertId}/acknowledge")
    @Operation(summary = "Acknowledge an alert", description = "Marks it as seen; it stays in the list.")
    @ApiResponse(responseCode = "204", description = "acknowledged")
    @ApiResponse(responseCode = "404", description = "alert_not_found")
    ResponseEntity<Void> acknowledge(@PathVariable long alertId,
                                     @Parameter(hidden = true) @CurrentOperator String operator) {
        actions.acknowledge(alertId, operator);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }
}
