package dev.paygate.gateway.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An operator's browser on the console in a test: its own cookies, redirects not followed so tests see them, and
 * the session's form token taken from the last page it loaded, as a browser posts it.
 */
final class ConsoleSession {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String csrf;

    ConsoleSession(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Opens the sign-in page and posts the form; the answer to the POST. */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        assertThat(get("/operator/login").statusCode()).isEqualTo(200);
        return post("/operator/login", Map.of("username", username, "password", password));
    }

    /** A browser that signed in, checked: the form answered with the console. */
    static ConsoleSession signedIn(int port, String username, String password) throws IOException, InterruptedException {
        ConsoleSession session = new ConsoleSession(port);
        HttpResponse<String> signedIn = session.signIn(username, password);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/operator");
        return session;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Posts a form of the console with the session's token, as its own pages do. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.put("csrf", csrf);
        }
        return postWithoutToken(path, form);
    }

    /** Posts as another site's form would: the session cookie rides along, the token cannot. */
    HttpResponse<String> postWithoutToken(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
