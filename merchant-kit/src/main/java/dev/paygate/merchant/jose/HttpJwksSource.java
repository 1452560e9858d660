package dev.paygate.merchant.jose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.nimbusds.jose.jwk.JWKSet;

/** Fetches a JWKS document over HTTP(S) with bounded connect time, response time and size. */
public final class HttpJwksSource implements JwksSource {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A JWKS of a handful of Ed25519 keys is under 2 KiB; anything past this is not a JWKS. */
    public static final int BODY_BYTES_MAX = 65_536;

    private final URI jwksUrl;
    private final Duration requestTimeout;
    private final HttpClient client;

    /**
     * @param jwksUrl https, or http to a loopback host for tests and local demos
     * @param connectTimeout bound on the TCP and TLS handshake
     * @param requestTimeout bound on the whole exchange, body included
     */
    public HttpJwksSource(URI jwksUrl, Duration connectTimeout, Duration requestTimeout) {
        this.jwksUrl = requireSafeUrl(jwksUrl);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpJwksSource(URI jwksUrl) {
        this(jwksUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    @Override
    public JWKSet fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(jwksUrl)
                .timeout(requestTimeout)
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, responseInfo -> new SizeLimitedBody(BODY_BYTES_MAX));
        HttpResponse<byte[]> response;
        try {
            // The request timeout stops at the headers; this deadline also bounds a body that trickles in.
            response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + jwksUrl);
        } catch (TimeoutException slow) {
            exchange.cancel(true);
            throw new HttpTimeoutException("JWKS " + jwksUrl + " not received within " + requestTimeout.toMillis() + " ms");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw cause instanceof IOException io ? io : new IOException("fetching JWKS " + jwksUrl + " failed", cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("JWKS " + jwksUrl + " answered HTTP " + response.statusCode());
        }
        try {
            return JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (ParseException notJwks) {
            throw new IOException("JWKS " + jwksUrl + " is not a JWK set: " + notJwks.getMessage(), notJwks);
        }
    }

    /** Keys fetched in clear text could be swapped on the way, so http is for loopback only. */
    private static URI requireSafeUrl(URI url) {
        Objects.requireNonNull(url, "jwksUrl");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && url.getHost() != null) {
            return url;
        }
        if (scheme.equals("http") && isLoopback(url.getHost())) {
            return url;
        }
        throw new IllegalArgumentException("jwksUrl: must be https (http only to a loopback host): " + url);
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked, so no DNS lookup happens in a constructor.
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException notLiteral) {
            return false;
        }
    }

    /** Collects the body but gives up, and drops the connection, once it passes the size bound. */
    private static final class SizeLimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int bytesMax;
        private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        SizeLimitedBody(int bytesMax) {
            this.bytesMax = bytesMax;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (collected.size() + buffer.remaining() > bytesMax) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("JWKS is larger than " + bytesMax + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                collected.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(collected.toByteArray());
        }
    }
}
