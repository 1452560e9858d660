package dev.paygate.gateway.payment;

import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.gateway.auth.AuthenticationResult;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.gateway.ticket.CheckedTicket;
import dev.paygate.gateway.ticket.TicketCheck;
import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.gateway.voucher.VoucherIssuer;
import dev.paygate.gateway.voucher.VoucherStore;
import dev.paygate.gateway.webhook.WebhookOutbox;
import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketItem;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.routes.order.PaymentOrder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The front unit's part of a payment (docs/architecture.md steps 2-5 and 7), in the design's order: ticket checks
 * (decode, merchant and signature, expiry), replay, customer authentication, hand-over, voucher or refusal.
 */
@Component
record PaymentFlow(TicketCheck ticketCheck, UsedTickets usedTickets, CustomerCredentials credentials,
                   PaymentHandover handover, VoucherIssuer voucherIssuer, VoucherStore voucherStore,
                   TicketRefusals ticketRefusals, MerchantKeys merchantKeys, FrontSchema schema, WebhookOutbox webhooks,
                   HandoverProperties handoverProperties, PaymentMetrics metrics, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(PaymentFlow.class);
    /** Polling for another request's decision: from this pause, doubling up to the maximum. */
    private static final long DECIDED_POLL_MS_MIN = 25;
    private static final long DECIDED_POLL_MS_MAX = 250;

    /** The payment page for a ticket, or why it cannot be paid. */
    PaymentOutcome open(String compactTicket) {
        return open(compactTicket, this::usedTicketPage);
    }

    /**
     * A confirm whose form was refused for its token (the front that showed the page died, or its session ended):
     * a ticket already used answers what its first use did, as its confirm would; any other shows the page again.
     */
    PaymentOutcome openAfterRefusedForm(String compactTicket) {
        return open(compactTicket, (ticket, merchantName, used) -> firstOutcome(ticket, merchantName, awaitDecided(used)));
    }

    private PaymentOutcome open(String compactTicket, UsedTicketAnswer usedTicketAnswer) {
        return switch (ticketCheck.check(compactTicket)) {
            case CheckedTicket.Rejected rejected -> ticketRefusals.refuse(rejected, compactTicket);
            case CheckedTicket.Invalid invalid -> ticketRefusals.refuse(invalid);
            case CheckedTicket.Expired expired -> refused(expired.ticket(), expired.merchantName(),
                    RefusalReason.TICKET_EXPIRED, null);
            case CheckedTicket.Valid valid -> usedTickets.find(valid.ticket().ticketId())
                    .map(used -> usedTicketAnswer.answer(valid.ticket(), valid.merchantName(), used))
                    .orElseGet(() -> new PaymentOutcome.ShowPage(valid.ticket(), valid.merchantName(), compactTicket));
        };
    }

    @FunctionalInterface
    private interface UsedTicketAnswer {
        PaymentOutcome answer(Ticket ticket, String merchantName, UsedTickets.UsedTicket used);
    }

    /** Confirm: the customer id from the form counts only when the ticket names none. */
    PaymentOutcome confirm(String compactTicket, String formCustomerId, char[] password) {
        return switch (ticketCheck.check(compactTicket)) {
            case CheckedTicket.Rejected rejected -> ticketRefusals.refuse(rejected, compactTicket);
            case CheckedTicket.Invalid invalid -> ticketRefusals.refuse(invalid);
            case CheckedTicket.Expired expired -> refused(expired.ticket(), expired.merchantName(),
                    RefusalReason.TICKET_EXPIRED, null);
            case CheckedTicket.Valid valid -> {
                Ticket ticket = valid.ticket();
                Optional<UsedTickets.UsedTicket> used = usedTickets.find(ticket.ticketId());
                if (used.isPresent()) {
                    yield firstOutcome(ticket, valid.merchantName(), awaitDecided(used.get()));
                }
                String customerId = ticket.customerId() != null ? ticket.customerId() : wellFormedOrNull(formCustomerId);
                yield switch (credentials.authenticate(customerId, password)) {
                    // A lock and a throttled source look like a wrong password: nothing tells a guesser which.
                    case FAILED, THROTTLED -> refused(ticket, valid.merchantName(), RefusalReason.AUTH_FAILED,
                            compactTicket);
                    case AUTHENTICATED -> pay(ticket, valid.merchantName(), customerId, compactTicket);
                };
            }
        };
    }

    /** Cancel: a signed {@code cancelled} refusal to the cancel URL, unless the ticket was used already. */
    PaymentOutcome cancel(String compactTicket) {
        CheckedTicket checked = ticketCheck.check(compactTicket);
        // An expired ticket can still be cancelled: its signature was good, so its cancel URL is the merchant's.
        if (checked instanceof CheckedTicket.Rejected rejected) {
            return ticketRefusals.refuse(rejected, compactTicket);
        }
        if (checked instanceof CheckedTicket.Invalid invalid) {
            return ticketRefusals.refuse(invalid);
        }
        CheckedTicket.Genuine genuine = (CheckedTicket.Genuine) checked;
        Ticket ticket = genuine.ticket();
        String merchantName = genuine.merchantName();
        Optional<UsedTickets.UsedTicket> used = usedTickets.find(ticket.ticketId());
        if (used.isPresent()) {
            return firstOutcome(ticket, merchantName, used.get());
        }
        String refusal = voucherIssuer.refuse(ticket, RefusalReason.CANCELLED, RefusalMessages.message(RefusalReason.CANCELLED));
        if (!usedTickets.claimForCancel(ticket.ticketId(), ticket.merchantId(), compactTicket, refusal)) {
            return firstOutcome(ticket, merchantName, usedTickets.find(ticket.ticketId()).orElseThrow());
        }
        metrics.refused(null, RefusalReason.CANCELLED);
        return new PaymentOutcome.ToMerchant(ReturnUrls.withRefusal(ticket.cancelUrl(), refusal));
    }

    /** A pending payment's status: finished from the back unit's recorded decision as soon as there is one. */
    PaymentOutcome status(String ticketId) {
        Optional<UsedTickets.UsedTicket> found = usedTickets.find(ticketId);
        if (found.isEmpty()) {
            return new PaymentOutcome.UnknownTicket(ticketId);
        }
        UsedTickets.UsedTicket used = found.get();
        if (used.undecided()) {
            Optional<Decision> decision = lookup(ticketId);
            if (decision.isPresent() && decision.get().outcome() != Decision.Outcome.PENDING) {
                return finish(used, decision.get());
            }
        }
        Ticket ticket = used.storedTicket();
        return firstOutcome(ticket, merchantName(ticket), used);
    }

    /** Records the back unit's decision for a stored, undecided payment (a status lookup or the recovery job). */
    PaymentOutcome finish(UsedTickets.UsedTicket used, Decision decision) {
        Ticket ticket = used.storedTicket();
        return finish(ticket, merchantName(ticket), used.customerId(), decision);
    }

    /** The order of a stored payment, as it was handed over: recovery hands it over again. */
    PaymentOrder orderOf(UsedTickets.UsedTicket used) {
        return order(used.storedTicket(), used.customerId(), used.createdAt());
    }

    private String merchantName(Ticket ticket) {
        return merchantKeys.merchantName(ticket.merchantId()).orElse(ticket.merchantId());
    }

    private PaymentOutcome pay(Ticket ticket, String merchantName, String customerId, String compactTicket) {
        if (!usedTickets.claimForPayment(ticket.ticketId(), ticket.merchantId(), customerId, compactTicket)) {
            return firstOutcome(ticket, merchantName, awaitDecided(usedTickets.find(ticket.ticketId()).orElseThrow()));
        }
        Decision decision;
        long handedOverAtNanos = System.nanoTime();
        try {
            decision = handover.handOver(order(ticket, customerId, clock.instant()));
            metrics.handedOver(decision.outcome().name(), Duration.ofNanos(System.nanoTime() - handedOverAtNanos));
        } catch (RuntimeException fault) {
            metrics.handedOver("failed", Duration.ofNanos(System.nanoTime() - handedOverAtNanos));
            // The order may or may not have reached the back unit: only its lookup can tell, so say "pending".
            log.error("Hand-over of ticket {} failed; recovery hands it over again until the back unit decides it",
                    ticket.ticketId(), fault);
            usedTickets.recordPending(ticket.ticketId());
            return new PaymentOutcome.Pending(ticket.ticketId(), merchantName);
        }
        return finish(ticket, merchantName, customerId, decision);
    }

    private PaymentOutcome finish(Ticket ticket, String merchantName, String customerId, Decision decision) {
        return switch (decision.outcome()) {
            case APPROVED -> approved(ticket, merchantName, customerId, decision);
            case REFUSED -> refusedByBackUnit(ticket, merchantName, decision);
            case PENDING -> {
                usedTickets.recordPending(ticket.ticketId());
                yield new PaymentOutcome.Pending(ticket.ticketId(), merchantName);
            }
        };
    }

    /**
     * Signs and stores the voucher with the ticket's outcome and its webhook event in one transaction, then sends
     * it to the merchant.
     */
    private PaymentOutcome approved(Ticket ticket, String merchantName, String customerId, Decision decision) {
        StoredVoucher voucher = voucherIssuer.issue(ticket, customerId, decision);
        boolean recorded = schema.inTransaction(status -> {
            if (voucherStore.save(voucher) && usedTickets.recordApproved(ticket.ticketId(), voucher.voucherId())) {
                webhooks.recordApproved(ticket, voucher, decision);
                return true;
            }
            status.setRollbackOnly();
            return false;
        });
        if (!recorded) {
            // A status lookup finished this ticket meanwhile: its voucher is the one to hand out.
            return firstOutcome(ticket, merchantName, usedTickets.find(ticket.ticketId()).orElseThrow());
        }
        metrics.approved(decision.path());
        log.info("Ticket {} approved: voucher {} ({})", ticket.ticketId(), voucher.voucherId(), decision.path());
        return new PaymentOutcome.ToMerchant(ReturnUrls.withVoucher(ticket.returnUrl(), voucher.compact()));
    }

    private PaymentOutcome refusedByBackUnit(Ticket ticket, String merchantName, Decision decision) {
        RefusalReason reason = backUnitReason(decision);
        String message = RefusalMessages.message(reason, decision.path());
        String refusal = voucherIssuer.refuse(ticket, reason, message);
        // The outcome and its webhook event commit together: a recorded refusal is always announced.
        boolean recorded = schema.inTransaction(status -> {
            if (!usedTickets.recordRefused(ticket.ticketId(), refusal)) {
                return false;
            }
            webhooks.recordRefused(ticket, reason);
            return true;
        });
        if (!recorded) {
            return firstOutcome(ticket, merchantName, usedTickets.find(ticket.ticketId()).orElseThrow());
        }
        metrics.refused(decision.path(), reason);
        log.info("Ticket {} refused by the back unit: {}", ticket.ticketId(), reason.code());
        return new PaymentOutcome.Refused(reason, message, merchantName,
                ReturnUrls.withRefusal(ticket.cancelUrl(), refusal), null);
    }

    /** Opening a used ticket: say so, and lead on to what its first use answered. */
    private PaymentOutcome usedTicketPage(Ticket ticket, String merchantName, UsedTickets.UsedTicket used) {
        if (!used.merchantId().equals(ticket.merchantId())) {
            return usedByAnotherMerchant(ticket, merchantName);
        }
        if (used.outcome() == UsedTickets.Outcome.APPROVED) {
            return new PaymentOutcome.AlreadyPaid(merchantName, firstOutcomeLocation(ticket, used),
                    voucherStore.find(used.voucherId()).orElseThrow());
        }
        return new PaymentOutcome.Refused(RefusalReason.TICKET_USED, RefusalMessages.message(RefusalReason.TICKET_USED),
                merchantName, firstOutcomeLocation(ticket, used), null);
    }

    /** What the first use of the ticket answered; a replay gets exactly this again. */
    private PaymentOutcome firstOutcome(Ticket ticket, String merchantName, UsedTickets.UsedTicket used) {
        if (!used.merchantId().equals(ticket.merchantId())) {
            return usedByAnotherMerchant(ticket, merchantName);
        }
        return switch (used.outcome()) {
            case APPROVED, CANCELLED -> new PaymentOutcome.ToMerchant(firstOutcomeLocation(ticket, used));
            case REFUSED -> {
                Refusal refusal = used.storedRefusal().orElseThrow();
                yield new PaymentOutcome.Refused(refusal.reason(), refusal.message(), merchantName,
                        firstOutcomeLocation(ticket, used), null);
            }
            case IN_PROGRESS, PENDING -> new PaymentOutcome.Pending(ticket.ticketId(), merchantName);
        };
    }

    private URI firstOutcomeLocation(Ticket ticket, UsedTickets.UsedTicket used) {
        return switch (used.outcome()) {
            case APPROVED -> ReturnUrls.withVoucher(ticket.returnUrl(),
                    voucherStore.find(used.voucherId()).orElseThrow().compact());
            case REFUSED, CANCELLED -> ReturnUrls.withRefusal(ticket.cancelUrl(), used.refusal());
            case IN_PROGRESS, PENDING -> URI.create("/pay/status/" + UriUtils.encodePathSegment(ticket.ticketId(),
                    StandardCharsets.UTF_8));
        };
    }

    /**
     * Ticket ids are the hand-over's idempotency key across all merchants, so an id another merchant used first
     * is refused; its first outcome belongs to that other merchant and is never shown here.
     */
    private PaymentOutcome usedByAnotherMerchant(Ticket ticket, String merchantName) {
        log.warn("Ticket id {} of merchant {} was used before by another merchant; refused as ticket_used",
                ticket.ticketId(), ticket.merchantId());
        return refused(ticket, merchantName, RefusalReason.TICKET_USED, null);
    }

    /** A refusal for a genuine ticket: signed, and carried to the merchant's cancel URL when the customer continues. */
    private PaymentOutcome refused(Ticket ticket, String merchantName, RefusalReason reason, String retryTicket) {
        String message = RefusalMessages.message(reason);
        String refusal = voucherIssuer.refuse(ticket, reason, message);
        metrics.refused(null, reason);
        return new PaymentOutcome.Refused(reason, message, merchantName,
                ReturnUrls.withRefusal(ticket.cancelUrl(), refusal), retryTicket);
    }

    private Optional<Decision> lookup(String ticketId) {
        try {
            return handover.lookup(ticketId);
        } catch (RuntimeException fault) {
            log.warn("Lookup of ticket {} at the back unit failed; it stays pending", ticketId, fault);
            return Optional.empty();
        }
    }

    /**
     * The order lives until its ticket expires, and at least as long as the front waits for it: the back unit
     * refuses it after that ({@code payment_expired}), so recovery can end a payment the back unit never saw.
     */
    private PaymentOrder order(Ticket ticket, String customerId, Instant authenticatedAt) {
        List<OrderItem> items = ticket.items().stream()
                .map(PaymentFlow::orderItem)
                .toList();
        Instant waitEnds = authenticatedAt.plus(replyWait());
        Instant decideBy = ticket.expiresAt().isAfter(waitEnds) ? ticket.expiresAt() : waitEnds;
        return new PaymentOrder(ticket.ticketId(), ticket.merchantId(), customerId, ticket.orderId(),
                ticket.amountMinor(), ticket.vatMinor(), ticket.currency(), ticket.serial(), items, authenticatedAt,
                decideBy);
    }

    /**
     * A ticket another request is deciding: wait for its outcome (at most the hand-over's reply wait), so that
     * every confirm of one ticket ends on the same voucher or refusal. Still undecided then: pending.
     */
    private UsedTickets.UsedTicket awaitDecided(UsedTickets.UsedTicket used) {
        // Elapsed time, not the business clock: this bounds how long a request is held.
        long giveUpAtNanos = System.nanoTime() + replyWait().toNanos();
        long pauseMs = DECIDED_POLL_MS_MIN;
        UsedTickets.UsedTicket current = used;
        while (current.undecided() && System.nanoTime() - giveUpAtNanos < 0) {
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return current;
            }
            pauseMs = Math.min(pauseMs * 2, DECIDED_POLL_MS_MAX);
            current = usedTickets.find(used.ticketId()).orElse(current);
        }
        return current;
    }

    /** How long a confirm waits for the back unit's decision before the payment is pending. */
    private Duration replyWait() {
        return Duration.ofMillis(handoverProperties.replyTimeoutMs());
    }

    /**
     * The order carries each line's total (the register's {@code OrderItem} is a line amount, and lines add up
     * to the order's amount); the ticket carries the unit price, so the two differ when {@code qty > 1}.
     */
    private static OrderItem orderItem(TicketItem item) {
        return new OrderItem(item.ref(), item.label(), Math.toIntExact(item.quantity()),
                item.lineTotalMinor());
    }

    private static RefusalReason backUnitReason(Decision decision) {
        try {
            return BackUnitReasons.ofDecision(decision.reason());
        } catch (IllegalArgumentException notACode) {
            log.error("The back unit refused ticket {} with a malformed reason code; answering system_error",
                    decision.ticketId());
            return RefusalReason.SYSTEM_ERROR;
        }
    }

    private static String wellFormedOrNull(String customerId) {
        if (customerId == null) {
            return null;
        }
        try {
            return ClaimRules.requireId(ClaimNames.CUSTOMER_ID, customerId.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
