package dev.paygate.routes.back;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** An order read after its life ended ({@link PaymentOrder#decideBy()}) is refused, whatever it asks. */
@Component
@BackUnit
public class OrderDeadline {

    private final Clock clock;

    public OrderDeadline(Clock clock) {
        this.clock = clock;
    }

    public boolean passed(PaymentOrder order) {
        return order.expiredAt(clock.instant());
    }
}
