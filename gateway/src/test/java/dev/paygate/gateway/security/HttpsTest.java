package dev.paygate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.gateway.payment.FrontTestApplication;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Issue 14, point 12: the front served over HTTPS from an SSL bundle, as docs/security.md says, sends HSTS. */
class HttpsTest {

    private static final String STORE_PASSWORD = "test-only-store-password";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Test
    void overTlsEveryAnswerCarriesHstsAndTheSessionCookieIsSecure() throws Exception {
        Path keystore = selfSignedKeystore();
        try (ConfigurableApplicationContext front = new SpringApplicationBuilder(FrontTestApplication.class,
                SslAutoConfiguration.class)
                .properties(FrontTestApplication.properties())
                .properties("server.port=0",
                        "spring.ssl.bundle.jks.front.keystore.location=file:" + keystore,
                        "spring.ssl.bundle.jks.front.keystore.password=" + STORE_PASSWORD,
                        "spring.ssl.bundle.jks.front.keystore.type=PKCS12",
                        "server.ssl.bundle=front")
                .run()) {
            int port = ((ServletWebServerApplicationContext) front).getWebServer().getPort();
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).connectTimeout(TIMEOUT).build();

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                            URI.create("https://127.0.0.1:" + port + "/pay/not-a-ticket")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                    assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
            assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                    assertThat(cookie).startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Lax"));
        }
    }

    private static Path selfSignedKeystore() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "tls"));
        Path keystore = directory.resolve("front-" + System.nanoTime() + ".p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "front", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
