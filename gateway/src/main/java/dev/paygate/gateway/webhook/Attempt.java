package dev.paygate.gateway.webhook;

import java.time.Instant;

/**
 * One delivery attempt of a webhook event.
 *
 * @param attempt    1 for the first attempt, counting on across resends
 * @param httpStatus the merchant's answer; null when it gave none (timeout, connection refused)
 * @param error      why the attempt failed; null when it was delivered
 */
public record Attempt(int attempt, Instant attemptedAt, Integer httpStatus, String error) {
}
