package dev.paygate.gateway.customer;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One person's browser in a test: its own cookies, redirects not followed so tests see them. */
public final class Browser {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOP_UP_KEY = Pattern.compile("name=\"topUpKey\" value=\"([^\"]+)\"");

    private final RunningGateway gateway;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Browser(RunningGateway gateway) {
        this.gateway = gateway;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(gateway.url(path)))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the account page and signs in through its form; the answer to the login POST. */
    HttpResponse<String> signIn(String customerId, String password) throws IOException, InterruptedException {
        String loginPage = get("/account").body();
        return post("/account/login", Map.of("csrf", csrfOf(loginPage), "customerId", customerId, "password", password));
    }

    public static String csrfOf(String page) {
        return find(CSRF, page);
    }

    static String topUpKeyOf(String page) {
        return find(TOP_UP_KEY, page);
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " on the page:\n" + page);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
