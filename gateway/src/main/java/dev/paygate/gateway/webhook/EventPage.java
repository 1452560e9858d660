package dev.paygate.gateway.webhook;

import java.util.List;

/** A page of the merchant's notifications, newest first; {@code totalEvents} counts them all. */
public record EventPage(int page, int size, long totalEvents, List<EventView> events) {
}
