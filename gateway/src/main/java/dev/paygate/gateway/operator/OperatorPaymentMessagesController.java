package dev.paygate.gateway.operator;

import dev.paygate.gateway.api.ApiAnswers;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.routes.account.AccountDesk;
import dev.paygate.routes.account.AccountDeskException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One payment's dispute trail on the wire: the ISO 8583 messages exchanged for it, masked, with its late answer.
 * Read from the back unit over the broker ({@link AccountDesk}): the front holds no ledger credentials.
 */
@RestController
@AllInOne
@RequestMapping(path = "/api/v1/operator/payments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operator")
@SecurityRequirement(name = "operator")
@ApiResponse(responseCode = "401", description = "operator_auth_failed: no or wrong operator credentials")
record OperatorPaymentMessagesController(AccountDesk desk) {

    @GetMapping("/{ticketId}/messages")
    @Operation(summary = "A payment's ISO 8583 messages",
            description = "Every message exchanged with the card network for the payment, oldest first: the request"
                    + " and its answer, the reversal advice (0420) and its repeats (0421) with their acknowledgement,"
                    + " answers that came after the request had timed out (late: recorded, never paid) and the"
                    + " messages of its card refunds. Masked: the PAN as first 6 and last 4 digits, expiry, track"
                    + " data, PIN block and chip data as their length only. With the entry's late outcome, if any.")
    @ApiResponse(responseCode = "200", description = "the messages; an empty list for a wallet payment")
    @ApiResponse(responseCode = "404", description = "payment_not_found")
    @ApiResponse(responseCode = "503", description = "back_office_unavailable: the back unit did not answer in time")
    ResponseEntity<PaymentMessagesView> messages(@PathVariable String ticketId) {
        try {
            return ApiAnswers.ok(PaymentMessagesView.of(desk.paymentMessages(ticketId)));
        } catch (AccountDeskException e) {
            if (RefusalReason.UNKNOWN_TICKET.code().equals(e.reason())) {
                throw OperatorRefusal.notFound("payment_not_found", "No payment has that ticket id.");
            }
            throw OperatorRefusal.unavailable(e.reason(), e.getMessage());
        }
    }
}
