package dev.paygate.gateway.api;

/** The JSON body of every 4xx/5xx of the front unit's API: a stable code and a sentence for people. */
public record ApiError(String reason, String message) {
}
