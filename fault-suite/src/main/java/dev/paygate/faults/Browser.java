package dev.paygate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One customer's browser: its own cookies, no automatic redirects (the driver reads every {@code Location}, as
 * it must see the voucher the gateway hands the merchant), and every page kept on disk for the PAN sweep.
 */
final class Browser {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // Above the run's reply wait: a confirm answers by then at the latest, with the "pending" page.
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final Pattern REASON_CODE = Pattern.compile("Reason code: <code>([a-z_]+)</code>");
    private static final AtomicLong PAGES_SAVED = new AtomicLong();

    record Page(int status, String body, Optional<String> location) {

        /** The hidden fields of the page's forms (ticket, {@code _csrf} once CSRF tokens come), first one wins. */
        Map<String, String> hiddenFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = HIDDEN_INPUT.matcher(body);
            while (input.find()) {
                Matcher name = NAME.matcher(input.group());
                Matcher value = VALUE.matcher(input.group());
                if (name.find()) {
                    fields.putIfAbsent(name.group(1), value.find() ? unescapeHtml(value.group(1)) : "");
                }
            }
            return fields;
        }

        /** The reason code printed on a refusal page. */
        Optional<String> reasonCode() {
            Matcher reason = REASON_CODE.matcher(body);
            return reason.find() ? Optional.of(reason.group(1)) : Optional.empty();
        }
    }

    private final HttpClient http;
    private final Path pageDirectory;

    Browser(Path pageDirectory) {
        this.pageDirectory = pageDirectory;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    Page get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build());
    }

    Page postForm(URI uri, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(fields)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Signs in on the account pages, as the customer would; false when the gateway did not let them in. */
    boolean signIn(URI entry, String customerId, String password) throws IOException, InterruptedException {
        Map<String, String> login = new LinkedHashMap<>(get(entry.resolve("/account")).hiddenFields());
        login.put("customerId", customerId);
        login.put("password", password);
        Page answer = postForm(entry.resolve("/account/login"), login, Map.of());
        return answer.status() == 302 || answer.status() == 303;
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        save(response);
        return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location"));
    }

    private void save(HttpResponse<String> response) {
        String name = String.format("%06d-%d.html", PAGES_SAVED.incrementAndGet(), response.statusCode());
        try {
            Files.writeString(pageDirectory.resolve(name), response.uri() + "\n"
                    + response.headers().firstValue("Location").orElse("") + "\n" + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep page " + name, e);
        }
    }

    static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String unescapeHtml(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
