package dev.paygate.faults;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

/** JSON over HTTP Basic, for the operator and merchant APIs. JSON is read with the kit's own nimbus parser. */
final class JsonHttp {

    record Answer(int status, Map<String, Object> body) {
        String reason() {
            Object reason = body.get("reason");
            return reason == null ? "" : reason.toString();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Browser.CONNECT_TIMEOUT).build();
    private final URI base;
    private final String authorization;

    JsonHttp(URI base, String username, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return postWithHeaders(path, json, Map.of());
    }

    Answer postWithHeaders(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Browser.REQUEST_TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = response.body();
        try {
            Map<String, Object> json = body.isBlank() || !body.strip().startsWith("{")
                    ? Map.of() : JSONObjectUtils.parse(body);
            return new Answer(response.statusCode(), json);
        } catch (ParseException e) {
            throw new IOException("not JSON from " + request.uri() + ": HTTP " + response.statusCode(), e);
        }
    }

    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
