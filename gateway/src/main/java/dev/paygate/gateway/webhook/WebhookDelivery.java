package dev.paygate.gateway.webhook;

import dev.paygate.merchant.webhook.WebhookSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox events to the merchants' notify URLs: a signed JSON POST each, all of a batch at once,
 * 2xx = delivered, anything else (other status, redirect, timeout, no connection) = retry later with back-off.
 * Delivery is at least once: a merchant deduplicates on {@code Paygate-Event-Id}.
 */
@Component
class WebhookDelivery implements DisposableBean {

    static final String EVENT_ID_HEADER = "Paygate-Event-Id";
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int ERROR_LENGTH_MAX = 200;

    private final WebhookOutbox outbox;
    private final WebhookProperties properties;
    /** Made at the first delivery: building it loads the JDK's trust store, a start-up cost nobody waits on. */
    private HttpClient client;
    private final Counter attemptsFailed;
    private final Counter eventsGivenUp;

    WebhookDelivery(WebhookOutbox outbox, WebhookProperties properties, MeterRegistry registry) {
        this.outbox = outbox;
        this.properties = properties;
        Gauge.builder("paygate.webhook.outbox.depth", outbox, WebhookOutbox::pendingCount)
                .description("Webhook events waiting to be delivered")
                .register(registry);
        this.attemptsFailed = Counter.builder("paygate.webhook.failures")
                .description("Failed webhook delivery attempts (retried with back-off)")
                .register(registry);
        this.eventsGivenUp = Counter.builder("paygate.webhook.given.up")
                .description("Webhook events given up after the last attempt")
                .register(registry);
    }

    private synchronized HttpClient client() {
        if (client == null) {
            // A redirect is not followed: it would send the signed event where the merchant did not register.
            client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofMillis(properties.connectTimeoutMs()))
                    .build();
        }
        return client;
    }

    @Scheduled(fixedDelayString = "${paygate.webhook.poll-interval-ms:" + WebhookProperties.POLL_INTERVAL_MS_DEFAULT + "}")
    void deliverDue() {
        try {
            deliverBatch();
        } catch (RuntimeException fault) {
            // The outbox keeps every event: the next poll tries again.
            log.error("Webhook delivery poll failed", fault);
        }
    }

    /** One look at the outbox; the number of events it attempted. */
    int deliverBatch() {
        UUID leaseToken = UUID.randomUUID();
        List<WebhookOutbox.DueEvent> due = outbox.claimDue(properties.batchMax(), properties.lease(), leaseToken);
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>(due.size());
        for (WebhookOutbox.DueEvent event : due) {
            sent.add(client().sendAsync(request(event), HttpResponse.BodyHandlers.discarding()));
        }
        for (int index = 0; index < due.size(); index++) {
            record(due.get(index), leaseToken, sent.get(index));
        }
        return due.size();
    }

    private HttpRequest request(WebhookOutbox.DueEvent event) {
        byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
        WebhookSigner signer = new WebhookSigner(event.secret().getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        return HttpRequest.newBuilder(event.notifyUrl())
                .timeout(Duration.ofMillis(properties.readTimeoutMs()))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER_NAME, signer.signatureHeader(body))
                .header(EVENT_ID_HEADER, event.eventId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private void record(WebhookOutbox.DueEvent event, UUID leaseToken, CompletableFuture<HttpResponse<Void>> sent) {
        int attempt = event.attempts() + 1;
        try {
            // Bounded by the client's own timeouts; this wait only guards against a hung future.
            int httpStatus = sent.get(properties.connectTimeoutMs() + properties.readTimeoutMs(), TimeUnit.MILLISECONDS)
                    .statusCode();
            if (httpStatus >= 200 && httpStatus < 300) {
                outbox.markDelivered(event, leaseToken, httpStatus);
                log.info("Webhook {} #{} of merchant {} delivered on attempt {}", event.eventId(), event.sequence(),
                        event.merchantId(), attempt);
            } else {
                failed(event, leaseToken, attempt, httpStatus, "HTTP " + httpStatus);
            }
        } catch (ExecutionException failure) {
            failed(event, leaseToken, attempt, null, describe(failure.getCause()));
        } catch (TimeoutException hung) {
            sent.cancel(true);
            failed(event, leaseToken, attempt, null, "no answer in time");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            // Not counted: the lease runs out and the event is tried again.
        }
    }

    private void failed(WebhookOutbox.DueEvent event, UUID leaseToken, int attempt, Integer httpStatus, String error) {
        outbox.markAttemptFailed(event, leaseToken, httpStatus, error, properties.retryDelayAfter(attempt),
                properties.attemptsMax());
        attemptsFailed.increment();
        if (attempt >= properties.attemptsMax()) {
            eventsGivenUp.increment();
            log.error("Webhook {} #{} of merchant {} failed {} times ({}); given up", event.eventId(), event.sequence(),
                    event.merchantId(), attempt, error);
        } else {
            log.warn("Webhook {} #{} of merchant {} attempt {} failed ({}); retrying", event.eventId(), event.sequence(),
                    event.merchantId(), attempt, error);
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > ERROR_LENGTH_MAX ? text.substring(0, ERROR_LENGTH_MAX) : text;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.shutdownNow();
        }
    }
}
