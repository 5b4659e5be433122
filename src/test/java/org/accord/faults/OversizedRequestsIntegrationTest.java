package org.accord.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Requests above the size limits, through real HTTP on a running Tomcat (MockMvc parses no multipart body and
 * has no limits): a file above the multipart limit on every upload form, a whole upload above the request limit,
 * a form and an API body above the body limit. Each is refused with 413 and a Chinese page or
 * {@code application/problem+json}, the answer reaches the client whole (the connection is not reset under it),
 * nothing is stored, and the server goes on answering. Runs on H2 and PostgreSQL (tag {@code integration}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Tag("integration")
class OversizedRequestsIntegrationTest {

    static final int MB = 1024 * 1024;
    /** Above {@code spring.servlet.multipart.max-file-size} (20 MB), below the request limit (25 MB). */
    static final int FILE_ABOVE_LIMIT = 21 * MB;
    /** Above {@code spring.servlet.multipart.max-request-size} (25 MB). */
    static final int REQUEST_ABOVE_LIMIT = 40 * MB;
    /** Above {@code accord.requests.max-body-size} (2 MB), the limit of a body that is not an upload. */
    static final int BODY_ABOVE_LIMIT = 3 * MB;

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final List<String> KEPT = List.of(
            "directory_import",
            "directory_import_file",
            "calendar_import",
            "supervision_progress",
            "supervision_attachment",
            "info_answer",
            "info_answer_file",
            "hotline_case");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    /** A browser with a session: cookies kept, redirects not followed, no {@code Expect: 100-continue}. */
    final class Session {

        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String csrf = "";

        Session(String username) throws Exception {
            String form = "username=" + enc(username) + "&password=" + enc("Demo@2026") + "&_csrf="
                    + enc(token(get("/signin").body()));
            HttpResponse<String> signedIn = http.send(
                    request("/signin", BROWSER)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("/signin");
            csrf = token(get("/").body());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path, BROWSER).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A form with files as a browser sends it: the fields, then each file, the CSRF token in the form. */
        HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String name, int size)
                throws IOException, InterruptedException {
            String boundary = "----AccordBoundary" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream(size + 4096);
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            for (Map.Entry<String, String> field : all.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                            + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] content = new byte[size];
            Arrays.fill(content, (byte) 'x');
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(
                    request(path, BROWSER)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String accept, String type, byte[] body, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder builder = request(path, accept)
                    .header("Content-Type", type)
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path, String accept) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", accept);
        }
    }

    static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Map<String, Integer> kept() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : KEPT) {
            rows.put(
                    table,
                    db.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single());
        }
        return rows;
    }

    /** Something a liaison may answer in the demo city: its id and the liaison's username. */
    record Part(long id, String liaison) {}

    /** A supervised task its lead unit may still report on. */
    Part task() {
        return db.sql("SELECT t.id, a.username FROM supervision_task t JOIN security_account a"
                        + " ON a.unit_id = t.lead_unit_id AND a.role = 'LIAISON'"
                        + " WHERE t.status IN ('OPEN', 'IN_PROGRESS') ORDER BY t.id, a.username")
                .query((rs, n) -> new Part(rs.getLong(1), rs.getString(2)))
                .list()
                .get(0);
    }

    /** An information request sent to a unit. */
    Part informationRequest() {
        return db.sql("SELECT r.request_id, a.username FROM info_request_unit r JOIN security_account a"
                        + " ON a.unit_id = r.unit_id AND a.role = 'LIAISON' ORDER BY r.request_id, a.username")
                .query((rs, n) -> new Part(rs.getLong(1), rs.getString(2)))
                .list()
                .get(0);
    }

    void assertRefusedPage(HttpResponse<String> answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .as(what)
                .startsWith("text/html");
        assertThat(answer.body()).as(what).contains("过大");
    }

    void assertStillAnswers() throws Exception {
        HttpResponse<String> signin = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signin"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signin.statusCode()).isEqualTo(200);
    }

    @Test
    void aFileAboveTheLimitIsRefusedOnEveryUploadForm() throws Exception {
        Session staff = new Session("huanghaitao");
        Part task = task();
        Session liaison = new Session(task.liaison());
        Part request = informationRequest();
        Session answering = new Session(request.liaison());
        Map<String, Integer> before = kept();

        assertRefusedPage(
                staff.upload("/directory/import", Map.of("mode", "MERGE"), "files", "通讯录.xlsx", FILE_ABOVE_LIMIT),
                "directory import");
        assertRefusedPage(
                staff.upload("/calendar/import", Map.of(), "file", "节假日.csv", FILE_ABOVE_LIMIT), "calendar import");
        assertRefusedPage(
                liaison.upload(
                        "/tasks/" + task.id() + "/progress",
                        Map.of("text", "进展情况"),
                        "files",
                        "进展.pdf",
                        FILE_ABOVE_LIMIT),
                "progress of a supervised task");
        assertRefusedPage(
                liaison.upload(
                        "/tasks/" + task.id() + "/completion",
                        Map.of("evidence", "已办结"),
                        "files",
                        "佐证.pdf",
                        FILE_ABOVE_LIMIT),
                "completion of a supervised task");
        assertRefusedPage(
                answering.upload(
                        "/information/requests/" + request.id() + "/answer",
                        Map.of("action", "draft"),
                        "file.attachment",
                        "报送.pdf",
                        FILE_ABOVE_LIMIT),
                "answer to an information request");

        assertThat(kept()).as("nothing stored").isEqualTo(before);
        assertStillAnswers();
        // The refusal was the size's: the same form with a small file reaches the module, which stores it.
        HttpResponse<String> small = liaison.upload(
                "/tasks/" + task.id() + "/progress", Map.of("text", "进展情况（小附件）"), "files", "进展.txt", 1024);
        assertThat(small.statusCode()).isEqualTo(302);
        assertThat(kept().get("supervision_attachment")).isEqualTo(before.get("supervision_attachment") + 1);
    }

    @Test
    void anUploadAboveTheRequestLimitGetsItsAnswerWhole() throws Exception {
        Session staff = new Session("huanghaitao");
        Map<String, Integer> before = kept();
        HttpResponse<String> answer =
                staff.upload("/directory/import", Map.of("mode", "MERGE"), "files", "通讯录.xlsx", REQUEST_ABOVE_LIMIT);
        assertRefusedPage(answer, "an upload of 40 MB");
        assertThat(kept()).as("nothing stored").isEqualTo(before);
        assertStillAnswers();
    }

    @Test
    void aFormAboveTheBodyLimitIsRefusedInChinese() throws Exception {
        Part task = task();
        Session liaison = new Session(task.liaison());
        Map<String, Integer> before = kept();
        String form = "_csrf=" + enc(liaison.csrf) + "&text=" + enc("进".repeat(BODY_ABOVE_LIMIT / 9 + 1));
        HttpResponse<String> answer = liaison.post(
                "/tasks/" + task.id() + "/progress",
                BROWSER,
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertRefusedPage(answer, "a form of 3 MB");
        assertThat(kept()).as("nothing stored").isEqualTo(before);
        assertStillAnswers();
    }

    @Test
    void anApiBodyAboveTheLimitIsAProblem() throws Exception {
        Session hotline = new Session("qianhaitao");
        Map<String, Integer> before = kept();
        for (int size : List.of(BODY_ABOVE_LIMIT, REQUEST_ABOVE_LIMIT)) {
            String json = "{\"callerName\": \"张三\", \"phone\": \"13800000000\", \"address\": \"人民路1号\","
                    + " \"district\": \"DCQ\", \"category\": \"NOISE\", \"urgent\": false, \"description\": \""
                    + "x".repeat(size) + "\"}";
            for (Map<String, String> headers : List.of(
                    Map.<String, String>of(),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()))) {
                HttpResponse<String> answer = hotline.post(
                        "/api/cases",
                        "application/json",
                        "application/json",
                        json.getBytes(StandardCharsets.UTF_8),
                        headers);
                String what = "a case of " + size / MB + " MB " + headers.keySet();
                assertThat(answer.statusCode()).as(what).isEqualTo(413);
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .as(what)
                        .startsWith("application/problem+json");
                assertThat(answer.body()).as(what).contains("\"status\":413").contains("过大");
            }
        }
        assertThat(kept()).as("nothing stored").isEqualTo(before);
        assertStillAnswers();
    }
}
