package dev.paygate.gateway.webhook;

import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.api.ApiAnswers;
import dev.paygate.gateway.api.ApiError;
import dev.paygate.gateway.api.ApiErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's notifications with their delivery state, over HTTP Basic with the merchant API key (the
 * {@code merchantApiKey} scheme of the merchant account API). The merchant is always the key's owner.
 */
@RestController
@RequestMapping(path = "/api/v1/merchants/me", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Merchant webhooks")
@SecurityRequirement(name = "merchantApiKey")
@ApiResponse(responseCode = "401", description = "auth_failed: missing or wrong API key")
record WebhookApiController(MerchantApiKeys apiKeys, WebhookOutbox outbox, WebhookSettings settings) {

    static final int PAGE_SIZE_MAX = 100;
    private static final Logger log = LoggerFactory.getLogger(WebhookApiController.class);

    @PutMapping(path = "/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set where the merchant's webhooks go",
            description = "The notify URL (https, or http to loopback) and the secret the notifications are signed"
                    + " with (16 to 200 bytes; HMAC-SHA256 over \"<t>.<body>\", header Paygate-Signature).")
    @ApiResponse(responseCode = "204", description = "Set; later events go there")
    @ApiResponse(responseCode = "400", description = "bad_request: URL or secret outside the rules")
    ResponseEntity<?> configure(
            HttpServletRequest request,
            @RequestBody Endpoint endpoint) {
        return apiKeys.answerAs(request, merchantId -> {
            try {
                settings.configure(merchantId, URI.create(String.valueOf(endpoint.notifyUrl())), endpoint.secret());
            } catch (IllegalArgumentException invalid) {
                return ApiErrors.error(HttpStatus.BAD_REQUEST, "bad_request", invalid.getMessage());
            }
            log.info("Merchant {} set its webhook endpoint to {}", merchantId, endpoint.notifyUrl());
            return ResponseEntity.noContent().build();
        });
    }

    /** A webhook endpoint as the merchant sets it; the secret never shows in a log or toString. */
    record Endpoint(String notifyUrl, String secret) {
        @Override
        public String toString() {
            return "Endpoint[notifyUrl=" + notifyUrl + ", secret=(hidden)]";
        }
    }

    @GetMapping("/webhooks")
    @Operation(summary = "The merchant's webhook events, newest first",
            description = "Each event with its status (pending, delivered, failed), attempts, next attempt, the "
                    + "merchant's last HTTP status or error, and the body exactly as signed.")
    @ApiResponse(responseCode = "200", description = "One page of events")
    @ApiResponse(responseCode = "400", description = "page or size out of range")
    ResponseEntity<?> events(
            HttpServletRequest request,
            @Parameter(description = "zero-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "events per page, 1..100") @RequestParam(defaultValue = "20") int size) {
        return apiKeys.answerAs(request, merchantId -> {
            if (page < 0 || page > Integer.MAX_VALUE / PAGE_SIZE_MAX || size < 1 || size > PAGE_SIZE_MAX) {
                return ApiErrors.error(HttpStatus.BAD_REQUEST, "bad_request", "page >= 0, size 1.." + PAGE_SIZE_MAX + ".");
            }
            return ApiAnswers.ok(outbox.page(merchantId, page, size));
        });
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> fault(Exception fault) {
        if (fault instanceof TypeMismatchException) {
            return ApiErrors.error(HttpStatus.BAD_REQUEST, "bad_request", "page and size are whole numbers.");
        }
        if (fault instanceof HttpMessageNotReadableException) {
            return ApiErrors.error(HttpStatus.BAD_REQUEST, "bad_request", "The body is not {\"notifyUrl\": ..., \"secret\": ...}.");
        }
        return ApiErrors.fault(log, "Webhook API", fault, status -> "The request was not understood.");
    }
}
