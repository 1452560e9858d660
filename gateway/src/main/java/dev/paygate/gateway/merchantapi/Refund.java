package dev.paygate.gateway.merchantapi;

import dev.paygate.routes.account.AccountAnswer;

/** @param refundedTotalMinor everything refunded on the payment so far, this refund included */
record Refund(long refundId, String ticketId, long amountMinor, String currency, long paidMinor,
              long refundedTotalMinor) {

    static Refund of(AccountAnswer.Refund refund) {
        return new Refund(refund.refundId(), refund.ticketId(), refund.amountMinor(), refund.currency(),
                refund.paidMinor(), refund.refundedTotalMinor());
    }
}
