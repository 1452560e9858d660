package dev.paygate.routes.events;

import dev.paygate.routes.FrontUnit;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Hands each merchant event the front unit receives to every listener, in their order. */
@Component
@FrontUnit
public class MerchantEventDispatch {

    private final List<MerchantEventListener> listeners;

    public MerchantEventDispatch(ObjectProvider<MerchantEventListener> listeners) {
        this.listeners = listeners.orderedStream().toList();
    }

    public void swept(MerchantSwept swept) {
        listeners.forEach(listener -> listener.swept(swept));
    }
}
