package dev.paygate.routes.events;

/** What the front unit does with the back unit's merchant events (the gateway announces them as webhooks). */
public interface MerchantEventListener {

    /** Called at least once per sweep payment; must record it at most once. */
    void swept(MerchantSwept swept);
}
