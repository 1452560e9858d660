package dev.paygate.merchant.jose;

import static dev.paygate.merchant.Fixtures.SERVER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Against a real HTTP server on 127.0.0.1, ephemeral port. */
@Timeout(20)
class HttpJwksSourceTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    // Generous for a loaded machine, and still well short of the 10 s the trickling server holds its body.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange ->
                respond(exchange, 200, Ed25519Keys.publicJwksJson(List.of(SERVER_KEY)).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/missing", exchange -> respond(exchange, 404, "not here".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/huge", exchange -> respond(exchange, 200, new byte[HttpJwksSource.BODY_BYTES_MAX + 1]));
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write('{');
                body.flush();
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private HttpJwksSource source(String path) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new HttpJwksSource(url, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    @Test
    void fetchesThePublishedKeySet() throws Exception {
        assertThat(source("/.well-known/jwks.json").fetch().getKeyByKeyId("server-2026-11"))
                .isEqualTo(SERVER_KEY.toPublicJWK());
    }

    @Test
    void anErrorStatusIsAnIoFailure() {
        assertThatThrownBy(() -> source("/missing").fetch())
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void anOversizedBodyIsAbandoned() {
        assertThatThrownBy(() -> source("/huge").fetch())
                .isInstanceOf(IOException.class).hasMessageContaining("larger than");
    }

    @Test
    void aBodyThatNeverFinishesTimesOutWithinTheRequestTimeout() {
        long startNanos = System.nanoTime();

        assertThatThrownBy(() -> source("/trickle").fetch()).isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void plainHttpIsAllowedOnlyToLoopback() {
        assertThatThrownBy(() -> new HttpJwksSource(URI.create("http://pay.example/.well-known/jwks.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatCode(() -> new HttpJwksSource(URI.create("https://pay.example/.well-known/jwks.json")))
                .doesNotThrowAnyException();
        assertThatCode(() -> new HttpJwksSource(URI.create("http://localhost:8080/.well-known/jwks.json")))
                .doesNotThrowAnyException();
        assertThatCode(() -> new HttpJwksSource(URI.create("http://[::1]:8080/.well-known/jwks.json")))
                .doesNotThrowAnyException();
    }
}
