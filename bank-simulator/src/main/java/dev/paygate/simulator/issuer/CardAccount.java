package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Pan;
import dev.paygate.simulator.scenario.Behaviour;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;

/**
 * A card and its account at the simulated issuer. Mutable; only the {@link Issuer} changes it,
 * under its lock.
 */
final class CardAccount {

    private final Pan pan;
    private final YearMonth expiry;
    private final CardStatus status;
    private final Currency currency;
    private final long dailyLimitMinor;
    private final Behaviour behaviour;
    private long availableMinor;
    private LocalDate spendingDay = LocalDate.MIN;
    private long spentOnDayMinor;

    CardAccount(Pan pan, YearMonth expiry, CardStatus status, long availableMinor, Currency currency,
            long dailyLimitMinor, Behaviour behaviour) {
        this.pan = pan;
        this.expiry = expiry;
        this.status = status;
        this.availableMinor = availableMinor;
        this.currency = currency;
        this.dailyLimitMinor = dailyLimitMinor;
        this.behaviour = behaviour;
    }

    Pan pan() {
        return pan;
    }

    YearMonth expiry() {
        return expiry;
    }

    CardStatus status() {
        return status;
    }

    Currency currency() {
        return currency;
    }

    Behaviour behaviour() {
        return behaviour;
    }

    long availableMinor() {
        return availableMinor;
    }

    long dailyLimitMinor() {
        return dailyLimitMinor;
    }

    long spentMinor(LocalDate utcDay) {
        return utcDay.equals(spendingDay) ? spentOnDayMinor : 0;
    }

    /** A purchase: lowers the available balance and counts against the day's limit. */
    void debit(long amountMinor, LocalDate utcDay) {
        availableMinor -= amountMinor;
        spentOnDayMinor = spentMinor(utcDay) + amountMinor;
        spendingDay = utcDay;
    }

    /** Undoes a debit of {@code bookedOn}; the day's spending only shrinks if that day is still today. */
    void undoDebit(long amountMinor, LocalDate bookedOn, LocalDate utcDay) {
        availableMinor += amountMinor;
        if (bookedOn.equals(utcDay) && spendingDay.equals(utcDay)) {
            spentOnDayMinor = Math.max(0, spentOnDayMinor - amountMinor);
        }
    }

    /** A refund. */
    void credit(long amountMinor) {
        availableMinor += amountMinor;
    }

    /** Undoes a refund; the balance may go negative, as a real account would after a late reversal. */
    void undoCredit(long amountMinor) {
        availableMinor -= amountMinor;
    }

    AccountSnapshot snapshot(LocalDate utcDay) {
        return new AccountSnapshot(pan, status, currency, availableMinor, spentMinor(utcDay), dailyLimitMinor, behaviour);
    }
}
