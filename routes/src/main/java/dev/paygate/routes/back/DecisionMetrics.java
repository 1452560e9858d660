package dev.paygate.routes.back;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The back unit's answers, counted by settlement path, outcome and refusal reason. */
@Component
@BackUnit
public record DecisionMetrics(MeterRegistry registry) {

    public void decided(Decision decision) {
        Counter.builder("paygate.back.decisions")
                .description("Decisions the back unit answered, by path, outcome and reason")
                .tag("path", decision.path() == null ? "none" : decision.path().code())
                .tag("outcome", decision.outcome().name().toLowerCase(Locale.ROOT))
                .tag("reason", decision.reason() == null ? "none" : decision.reason())
                .register(registry)
                .increment();
    }
}
