package dev.paygate.gateway.merchantdashboard;

import dev.paygate.gateway.webhook.Attempt;
import dev.paygate.gateway.webhook.EventView;
import java.util.List;
import java.util.Map;

/** A webhook event with every delivery attempt, as the payment and webhook pages show it. */
record EventRow(String eventId, long sequence, String type, String status, int attempts, String createdAt,
                String nextAttemptAt, String deliveredAt, String body, List<AttemptRow> attemptRows,
                boolean resendable) {

    /** @param answer the merchant's HTTP status, or why there was none */
    record AttemptRow(int attempt, String attemptedAt, String answer, boolean delivered) {
    }

    static List<EventRow> of(List<EventView> events, Map<String, List<Attempt>> attempts) {
        return events.stream().map(event -> of(event, attempts.getOrDefault(event.eventId(), List.of()))).toList();
    }

    private static EventRow of(EventView event, List<Attempt> attempts) {
        return new EventRow(event.eventId(), event.sequence(), event.type(), event.status(), event.attempts(),
                DashboardFormat.time(event.createdAt()), DashboardFormat.time(event.nextAttemptAt()),
                DashboardFormat.time(event.deliveredAt()), event.body(),
                attempts.stream().map(attempt -> new AttemptRow(attempt.attempt(),
                        DashboardFormat.time(attempt.attemptedAt()), answer(attempt), attempt.error() == null))
                        .toList(),
                !event.status().equals("pending"));
    }

    /** A failed attempt's error names its HTTP status when there was one. */
    private static String answer(Attempt attempt) {
        return attempt.error() != null ? attempt.error() : "HTTP " + attempt.httpStatus();
    }
}
