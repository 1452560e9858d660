package dev.paygate.gateway.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's notify endpoint on loopback (JDK HttpServer, ephemeral port): keeps every request it gets, and
 * answers 500 to the first N requests of a path it was told to fail, 204 afterwards.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, String signature, String eventId, String contentType, byte[] body, int answeredStatus) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void failFirst(String path, int failures) {
        failuresLeft.put(path, new AtomicInteger(failures));
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public List<Received> accepted(String path) {
        return received(path).stream().filter(request -> request.answeredStatus() < 300).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            AtomicInteger failures = failuresLeft.get(path);
            int status = failures != null && failures.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("Paygate-Signature"),
                    exchange.getRequestHeaders().getFirst("Paygate-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body.readAllBytes(), status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
