package org.accord.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A browser as far as the server can tell: it keeps cookies (the session), follows nothing by itself, and
 * may send each request to another instance. A new connection per request ({@code http.keepAlive=false}).
 */
final class Visitor {

    record Answer(int status, String body, @Nullable String location, Map<String, List<String>> headers) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    static {
        System.setProperty("http.keepAlive", "false");
        // The JDK would otherwise send a POST again by itself when the answer is lost: the load counts and
        // retries those itself, with its Idempotency-Key.
        System.setProperty("sun.net.http.retryPost", "false");
    }

    Answer get(String url) throws IOException {
        return send("GET", url, null, null, Map.of());
    }

    Answer postForm(String url, Map<String, String> form) throws IOException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send("POST", url, "application/x-www-form-urlencoded", body.toString(), Map.of());
    }

    Answer send(String method, String url, @Nullable String type, @Nullable String body, Map<String, String> headers)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(2000);
        c.setReadTimeout(30000);
        c.setRequestMethod(method);
        if (!cookies.isEmpty()) {
            c.setRequestProperty("Cookie", cookieHeader());
        }
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            if (type != null) {
                c.setRequestProperty("Content-Type", type);
            }
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        List<String> set = c.getHeaderFields().get("Set-Cookie");
        if (set != null) {
            for (String s : set) {
                String pair = s.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, text, c.getHeaderField("Location"), c.getHeaderFields());
    }

    /** The visitor's cookies as a {@code Cookie} header. */
    String cookieHeader() {
        StringBuilder cookie = new StringBuilder();
        cookies.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ")
                .append(k)
                .append('=')
                .append(v));
        return cookie.toString();
    }

    /** The CSRF token of the last form the visitor saw. */
    static String csrf(Answer page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page: " + page.body());
        }
        return m.group(1);
    }

    @Nullable
    String cookie(String name) {
        return cookies.get(name);
    }
}
