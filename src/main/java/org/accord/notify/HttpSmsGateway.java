package org.accord.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway reached over HTTP: {@code POST <url>} with {@code {"to": "<mobile>", "text": "<text>"}}
 * as JSON and {@code Authorization: Bearer <key>}; any 2xx answer means accepted.
 */
class HttpSmsGateway implements SmsGateway {

    private final URI url;
    private final @Nullable String key;
    private final Duration timeout;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    HttpSmsGateway(String url, @Nullable String key, Duration timeout) {
        this.url = URI.create(url);
        this.key = key;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(String mobile, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", mobile);
        body.put("text", text);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SmsNotAccepted("cannot reach the gateway: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotAccepted("interrupted", e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new SmsNotAccepted("HTTP " + status
                    + (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))));
        }
    }

    @Override
    public String toString() {
        return "HttpSmsGateway[" + url + "]";
    }
}
