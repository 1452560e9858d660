package dev.paygate.gateway.voucher;

import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.voucher.VoucherSigner;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Signs the refusal the browser carries to the merchant's cancel URL, valid as long as a voucher would be. */
@Component
public class RefusalIssuer {

    private final VoucherSigner signer;
    private final VoucherProperties properties;
    private final Clock clock;

    public RefusalIssuer(VoucherSigner signer, VoucherProperties properties, ObjectProvider<Clock> clock) {
        this.signer = signer;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public String issue(Ticket ticket, RefusalReason reason, String message) {
        return issue(ticket.ticketId(), ticket.merchantId(), ticket.orderId(), reason, message);
    }

    /** For a ticket known by its ids only: signed by the merchant, but with claims that break a rule. */
    public String issue(String ticketId, String merchantId, String orderId, RefusalReason reason, String message) {
        Instant now = clock.instant();
        return signer.sign(new Refusal(ticketId, merchantId, orderId, reason, message, now,
                now.plus(properties.validity())));
    }
}
