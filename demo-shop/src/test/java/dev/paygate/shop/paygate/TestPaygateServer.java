package dev.paygate.shop.paygate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.nimbusds.jose.jwk.OctetKeyPair;
import com.sun.net.httpserver.HttpServer;

import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.merchant.voucher.VoucherSigner;

/**
 * The payment server as far as the shop sees it after a payment: a JWKS on loopback (JDK HTTP server,
 * ephemeral port) and the key that signs vouchers and refusals.
 */
final class TestPaygateServer implements AutoCloseable {

    static final String SERVER_KEY_ID = "test-server-2026";

    private final VoucherSigner signer;
    private final HttpServer http;

    private TestPaygateServer(OctetKeyPair serverKey, HttpServer http) {
        this.signer = new VoucherSigner(serverKey);
        this.http = http;
    }

    static TestPaygateServer start() {
        OctetKeyPair serverKey = Ed25519Keys.generate(SERVER_KEY_ID);
        byte[] jwks = Ed25519Keys.publicJwksJson(List.of(serverKey)).getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext(PaygateClientConfiguration.JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            http.start();
            return new TestPaygateServer(serverKey, http);
        } catch (IOException noSocket) {
            throw new UncheckedIOException("cannot open a loopback port for the test JWKS", noSocket);
        }
    }

    /** A signer whose key the server does not publish, under the server's own kid: a forger. */
    static VoucherSigner impostor() {
        return new VoucherSigner(Ed25519Keys.generate(SERVER_KEY_ID));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    String sign(Voucher voucher) {
        return signer.sign(voucher);
    }

    String sign(Refusal refusal) {
        return signer.sign(refusal);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
