package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Pan;
import dev.paygate.simulator.scenario.Behaviour;
import java.time.YearMonth;
import java.util.Currency;

/** What the issuer fixed for a card when it was seeded; its moving balance is in {@link CardAccount}. */
record Card(Pan pan, YearMonth expiry, CardStatus status, Currency currency, long dailyLimitMinor, Behaviour behaviour) {
}
