package dev.paygate.routes.account;

import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.register.MerchantPayments;
import dev.paygate.ledger.sweep.MerchantSettlements;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.back.BackUnitConfiguration.BackSchemas;
import dev.paygate.routes.sweep.SweepProperties;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * What a merchant reads of its own payments and settlements (the merchant API and dashboard), answered from the
 * ledger for the back-office routes. Another merchant's ticket is answered exactly as an unknown one.
 */
@Component
@BackUnit
public class MerchantLookups {

    private final MerchantPayments payments;
    private final MerchantSettlements settlements;

    public MerchantLookups(DataSource dataSource, SweepProperties sweep, BackSchemas schemas) {
        this.payments = new MerchantPayments(dataSource);
        this.settlements = new MerchantSettlements(dataSource, sweep.debtor());
    }

    public AccountAnswer merchantTransactions(AccountRequest.MerchantTransactions request) {
        MerchantPayments.Page found = payments.search(request.merchantId(), request.filter(),
                request.page() * request.size(), request.size());
        return new AccountAnswer.MerchantTransactions(request.merchantId(), request.page(), request.size(),
                found.totalEntries(), found.entries().stream().map(HistoryEntry::of).toList());
    }

    public AccountAnswer merchantPayment(AccountRequest.MerchantPayment request) {
        return payments.find(request.merchantId(), request.ticketId())
                .<AccountAnswer>map(payment -> new AccountAnswer.MerchantPayment(payment.entry(), payment.items(),
                        payment.refunds()))
                .orElseGet(() -> new AccountAnswer.Refused(RefusalReason.UNKNOWN_TICKET.code(),
                        "no payment with this ticket id for this merchant"));
    }

    public AccountAnswer settlementExtract(AccountRequest.SettlementExtract request) {
        return settlements.extract(request.merchantId(), request.businessDay())
                .<AccountAnswer>map(extract -> new AccountAnswer.SettlementExtract(extract.businessDay(),
                        extract.fileName(), extract.xml()))
                .orElseGet(() -> new AccountAnswer.Refused("unknown_sweep",
                        "the merchant was not paid by a sweep of " + request.businessDay()));
    }
}
