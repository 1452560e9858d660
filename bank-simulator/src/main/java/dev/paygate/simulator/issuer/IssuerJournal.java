package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.TransactionType;
import java.util.Currency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the issuer booked, one log line per change of a card account, in a fixed shape under its own logger
 * ({@value #LOGGER}), so that a checker can compare it with the acquirer's register (the fault suite does):
 * <pre>
 * booked network=cardnet-a mti=0100 type=PURCHASE stan=000123 rrn=612314000123 amount-minor=4200 currency=EUR
 * reversed network=cardnet-a mti=0100 type=PURCHASE stan=000123 amount-minor=4200 currency=EUR
 * </pre>
 * A "reversed" line means a booking was undone; a reversal that undid nothing (a repeat, or one of a transaction
 * never booked) writes none. No card number appears, masked or not: the STAN on its network names the booking.
 */
final class IssuerJournal {

    static final String LOGGER = "dev.paygate.simulator.journal";
    private static final Logger journal = LoggerFactory.getLogger(LOGGER);

    private IssuerJournal() {
    }

    static void booked(String network, Mti mti, KeyFields request) {
        journal.info("booked network={} mti={} type={} stan={} rrn={} amount-minor={} currency={}", network, mti,
                request.type(), request.stan().digits(), request.rrn(), request.amount().amountMinor(),
                request.amount().currency().getCurrencyCode());
    }

    static void reversed(String network, Mti mti, Stan stan, TransactionType type, long amountMinor, Currency currency) {
        journal.info("reversed network={} mti={} type={} stan={} amount-minor={} currency={}", network, mti, type,
                stan.digits(), amountMinor, currency.getCurrencyCode());
    }
}
