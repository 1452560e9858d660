package dev.paygate.gateway.merchantapi;

import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.api.ApiAnswers;
import dev.paygate.gateway.api.ApiErrors;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.AccountDesk;
import dev.paygate.routes.account.AccountRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's own account over HTTP Basic with the merchant API key: transactions, till, wallet refunds.
 * The merchant is always the key's owner, never a parameter, so no request can name another merchant.
 */
@RestController
@RequestMapping(path = "/api/v1/merchants/me", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Merchant account")
@SecurityScheme(name = "merchantApiKey", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "API key id as user name, API key secret as password")
@SecurityRequirement(name = "merchantApiKey")
@ApiResponse(responseCode = "401", description = "auth_failed: missing or wrong API key")
record MerchantAccountApiController(MerchantApiKeys apiKeys, AccountDesk desk, MerchantRefunds refunds) {

    /** Refusals that mean "this request conflicts with the payment's state"; the rest are unprocessable. */
    private static final Set<String> CONFLICTS = Set.of("exceeds_paid_amount", "idempotency_conflict");

    @GetMapping("/transactions")
    @Operation(summary = "The merchant's payments, newest first, with search and filters",
            description = "Every given filter must match. q is one of the payment's ids, exactly: ticket, order,"
                    + " customer, the merchant's serial, the register serial, or the card network's RRN, approval code"
                    + " or STAN. Pages reach 100,000 entries deep; narrow the search for older ones.")
    @ApiResponse(responseCode = "200", description = "One page of transactions")
    @ApiResponse(responseCode = "400", description = "bad_request: page, size, status, path or a date out of range")
    ResponseEntity<?> transactions(
            HttpServletRequest request,
            @Parameter(description = "zero-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "entries per page, 1..100") @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "APPROVED, REFUSED, PENDING or REVERSED; all when absent")
            @RequestParam(required = false) String status,
            @Parameter(description = "one of the payment's ids, exactly") @RequestParam(required = false) String q,
            @Parameter(description = "wallet, card or auth-only; all when absent")
            @RequestParam(required = false) String path,
            @Parameter(description = "registered on or after this UTC day, YYYY-MM-DD")
            @RequestParam(required = false) String from,
            @Parameter(description = "registered on or before this UTC day, YYYY-MM-DD")
            @RequestParam(required = false) String to) {
        return apiKeys.answerAs(request, merchantId -> {
            Optional<AccountRequest.MerchantTransactions> query = PaymentQuery.of(merchantId, page, size, status, q,
                    path, from, to);
            if (query.isEmpty()) {
                return ApiErrors.error(HttpStatus.BAD_REQUEST, "bad_request", PaymentQuery.RULES);
            }
            AccountAnswer.MerchantTransactions answer = desk.merchantTransactions(query.get());
            return ApiAnswers.ok(new TransactionPage(answer.page(), answer.size(), answer.totalEntries(), answer.entries()));
        });
    }

    @GetMapping("/till")
    @Operation(summary = "The merchant's till balance and latest sweeps",
            description = "What is owed to the merchant at the next daily sweep, and what the latest sweeps paid to"
                    + " its bank account (newest first, at most 30).")
    @ApiResponse(responseCode = "200", description = "The till")
    ResponseEntity<?> till(HttpServletRequest request) {
        return apiKeys.answerAs(request, merchantId -> {
            AccountAnswer.MerchantTill till = desk.merchantTill(merchantId);
            return ApiAnswers.ok(Till.of(till.merchantId(), till.currency(), till.balanceMinor(), till.sweeps()));
        });
    }

    @PostMapping(path = "/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refund part or all of a payment",
            description = "A wallet payment goes back to the wallet; a card payment to the card, as a credit (DE 3 \"20\")"
                    + " through the network that authorized it. Idempotent on idempotencyKey: a repeat answers 200"
                    + " with the first refund and moves nothing.")
    @ApiResponse(responseCode = "201", description = "Refunded")
    @ApiResponse(responseCode = "200", description = "Already refunded under this idempotency key")
    @ApiResponse(responseCode = "409", description = "exceeds_paid_amount or idempotency_conflict")
    @ApiResponse(responseCode = "422", description = "unknown_ticket, not_refundable, or the card issuer's refusal"
            + " (e.g. card_declined, issuer_unavailable)")
    ResponseEntity<?> refund(HttpServletRequest httpRequest,
                             @RequestBody RefundRequest request) {
        return apiKeys.answerAs(httpRequest, merchantId -> {
            Optional<String> invalid = request.problem();
            if (invalid.isPresent()) {
                return ApiErrors.error(HttpStatus.BAD_REQUEST, "bad_request", invalid.get());
            }
            AccountAnswer.Refund refund = refunds.refund(merchantId, request.ticketId(), request.amountMinor(),
                    request.idempotencyKey());
            if (!refund.approved()) {
                return ApiErrors.error(CONFLICTS.contains(refund.reason()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY,
                        refund.reason(), RefundRequest.explain(refund.reason()));
            }
            return ApiAnswers.answer(refund.replayed() ? HttpStatus.OK : HttpStatus.CREATED, Refund.of(refund));
        });
    }

}
