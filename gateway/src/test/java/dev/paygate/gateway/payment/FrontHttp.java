package dev.paygate.gateway.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A browser's-eye view over real TCP to the front unit on loopback: one browser, with its cookies and the CSRF
 * token of the last page that had a form; redirects are not followed, so tests see them.
 */
public final class FrontHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
    private final String base;
    private String csrfToken;

    public FrontHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
        if (headerNamesAndValues.length > 0) {
            request.headers(headerNamesAndValues);
        }
        return send(request.build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headerNamesAndValues) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headerNamesAndValues.length > 0) {
            request.headers(headerNamesAndValues);
        }
        return send(request.build());
    }

    /**
     * Sends a payment-page form as a browser does: opens the ticket's page first ({@code POST /pay}), then posts
     * the form with the CSRF token the page carried (or, for a page without a form, the session's earlier one).
     */
    public HttpResponse<String> submit(String path, Map<String, String> fields, String... headerNamesAndValues) {
        if (fields.containsKey("ticket")) {
            postForm("/pay", Map.of("ticket", fields.get("ticket")), headerNamesAndValues);
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            withToken.put("csrf", csrfToken);
        }
        return postForm(path, withToken, headerNamesAndValues);
    }

    public HttpResponse<String> putJson(String path, String json, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (headerNamesAndValues.length > 0) {
            request.headers(headerNamesAndValues);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF_FIELD.matcher(response.body());
            if (token.find()) {
                csrfToken = token.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
