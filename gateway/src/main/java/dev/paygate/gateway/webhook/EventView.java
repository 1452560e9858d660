package dev.paygate.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One notification as the merchant API shows it.
 *
 * @param nextAttemptAt  when it will be tried next; null unless pending
 * @param lastHttpStatus the merchant's last answer; null when it gave none (timeout, connection refused)
 * @param body           the JSON exactly as signed and sent
 */
public record EventView(String eventId, long sequence, String type, String status, int attempts, Instant createdAt,
                        Instant nextAttemptAt, Instant deliveredAt, Integer lastHttpStatus, String lastError,
                        @JsonRawValue String body) {
}
