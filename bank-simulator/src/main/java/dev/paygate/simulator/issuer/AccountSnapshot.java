package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Pan;
import dev.paygate.simulator.scenario.Behaviour;
import java.util.Currency;

/** A card account as it stands, for tests and operators; the PAN prints masked. */
public record AccountSnapshot(
        Pan pan,
        CardStatus status,
        Currency currency,
        long availableMinor,
        long spentTodayMinor,
        long dailyLimitMinor,
        Behaviour behaviour) {
}
