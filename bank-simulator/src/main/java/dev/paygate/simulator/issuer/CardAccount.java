package dev.paygate.simulator.issuer;

import java.time.LocalDate;

/**
 * A card's account at the simulated issuer: the card as seeded and its balance. Mutable; only the
 * {@link Issuer} changes it, under its lock.
 */
final class CardAccount {

    private final Card card;
    private long availableMinor;
    private LocalDate spendingDay = LocalDate.MIN;
    private long spentOnDayMinor;

    CardAccount(Card card, long availableMinor) {
        this.card = card;
        this.availableMinor = availableMinor;
    }

    Card card() {
        return card;
    }

    long availableMinor() {
        return availableMinor;
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
        return new AccountSnapshot(card.pan(), card.status(), card.currency(), availableMinor, spentMinor(utcDay),
                card.dailyLimitMinor(), card.behaviour());
    }
}
