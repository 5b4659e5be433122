package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.accord.security.HostileInput.Payload;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI description ({@code /v3/api-docs}) called with hostile input in each string
 * field of its body and each query and path parameter, by the roles that use the API and by another system with
 * a key: nothing may answer 5xx, and a refusal under {@code /api/} is {@code application/problem+json}. Bodies
 * that are not UTF-8 or not JSON at all are sent too. The bodies are built from the schemas, so an operation
 * added later is attacked without a change here.
 */
@IntegrationTest
// Printing every request of a run of thousands, payloads of 100,000 characters included, costs minutes.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileApiIntegrationTest {

    static final List<String> ROLES =
            List.of("huanghaitao", "qianhaitao", "caiyuxuan", "longminghui", "chenzhihua", "weilijuan");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiKeys keys;

    final List<String> failures = new ArrayList<>();
    final Map<String, String> firstIds = new HashMap<>();
    JsonNode components = JsonMapper.builder().build().createObjectNode();
    int calls;

    record Caller(
            String name,
            @Nullable MockHttpSession session,
            @Nullable String key) {}

    @Test
    void everyOperationTakesHostileInputWithoutErrorAndRefusesAsProblem() throws Exception {
        long started = System.nanoTime();
        List<Caller> callers = new ArrayList<>();
        for (String role : ROLES) {
            callers.add(new Caller(role, SignIn.as(mvc, role), null));
        }
        String key = keys.issue(
                        "hostile-input-check", Set.of("cases:intake", "calendar:read", "directory:read"), "sysadmin")
                .key();
        callers.add(new Caller("key", null, key));

        JsonNode doc = json.readTree(
                mvc.perform(get("/v3/api-docs").session(callers.get(0).session()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        components = doc.path("components").path("schemas");
        int operations = 0;
        int index = 0;
        for (var path : doc.path("paths").properties()) {
            String template = path.getKey();
            if (!template.startsWith("/api/") && !template.startsWith("/open311/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT));
                operations++;
                List<Payload> payloads = HostileInput.sample(index++);
                for (Caller caller : callers) {
                    for (int i = 0; i < payloads.size(); i++) {
                        call(caller, method, template, operation.getValue(), payloads.get(i), i == 1);
                    }
                    if (operation.getValue().has("requestBody")) {
                        raw(caller, method, template, operation.getValue());
                    }
                }
            }
        }
        System.out.printf(
                "hostile api: %d operations, %d calls, %d s%n",
                operations, calls, (System.nanoTime() - started) / 1_000_000_000L);
        assertThat(operations).as("operations in the OpenAPI description").isGreaterThan(40);
        assertThat(failures)
                .as("hostile input answered with an error, or refused without a problem")
                .isEmpty();
    }

    /** Found by the run: another system's refused intake escaped as a 500. */
    @Test
    void anotherSystemsRefusedIntakeIsAProblem() throws Exception {
        String key = keys.issue("intake-refusal-check", Set.of("cases:intake"), "sysadmin")
                .key();
        MockHttpServletResponse response = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/cases")
                                .header("X-Api-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"phone\":\"' onfocus='x\",\"address\":\"和平路1号\",\"district\":\"DCQ\","
                                        + "\"category\":\"NOISE\",\"description\":\"夜间施工\"}"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8))
                        .path("detail")
                        .asString())
                .contains("电话");
    }

    /** Found by the run: a key whose request failed before the method got an empty 400 from the documents API. */
    @Test
    void aKeysMalformedDocumentsRequestIsAProblem() throws Exception {
        String key = keys.issue("documents-refusal-check", Set.of("calendar:read"), "sysadmin")
                .key();
        MockHttpServletResponse response = mvc.perform(get("/api/documents/1/compare")
                        .param("from", "一")
                        .param("to", "2")
                        .header("X-Api-Key", key))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    /** Found by the run: a body that is not UTF-8 JSON was refused with an empty 400. */
    @Test
    void aBodyInGbkIsAProblemInChinese() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/tasks/1/progress")
                                .session(SignIn.as(mvc, "huanghaitao"))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"text\":\"中文进展\"}".getBytes(Charset.forName("GBK"))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8))
                        .path("detail")
                        .asString())
                .contains("UTF-8");
    }

    void call(Caller caller, HttpMethod method, String template, JsonNode operation, Payload payload, boolean typedToo)
            throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                String value = name.equals("format") ? "json" : pathValue(caller, template, name, schema, payload);
                path = path.replace("{" + name + "}", UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
            } else if (in.equals("query")) {
                query.put(name, scalar(schema, payload, typedToo).asString());
            } else if (in.equals("header") && !name.equalsIgnoreCase("Authorization")) {
                query.put("header:" + name, payload == HostileInput.LONG ? "long" : headerSafe(payload.value()));
            }
        }
        MockHttpServletRequestBuilder request = request(method, URI.create(path));
        query.forEach((name, value) -> {
            if (name.startsWith("header:")) {
                request.header(name.substring(7), value);
            } else {
                request.param(name, value);
            }
        });
        JsonNode body = operation.path("requestBody").path("content");
        if (body.has("application/json")) {
            JsonNode value = instance(body.path("application/json").path("schema"), payload, typedToo, 0);
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(value));
        } else if (body.has("application/x-www-form-urlencoded")) {
            JsonNode properties = resolve(
                            body.path("application/x-www-form-urlencoded").path("schema"))
                    .path("properties");
            for (var property : properties.properties()) {
                request.param(
                        property.getKey(),
                        scalar(resolve(property.getValue()), payload, typedToo).asString());
            }
        }
        send(caller, request, method + " " + path + " [" + payload.name() + (typedToo ? ", typed too" : "") + "]");
    }

    /** A body that is not UTF-8 (GBK bytes), and one that is not JSON. */
    void raw(Caller caller, HttpMethod method, String template, JsonNode operation) throws Exception {
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            if (parameter.path("in").asString().equals("path")) {
                String value = name.equals("format")
                        ? "json"
                        : pathValue(caller, template, name, resolve(parameter.path("schema")), HostileInput.SQL);
                path = path.replace("{" + name + "}", UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
            }
        }
        byte[] gbk = "{\"description\":\"中文投诉\",\"text\":\"中文\",\"reason\":\"理由\"}".getBytes(Charset.forName("GBK"));
        send(
                caller,
                request(method, URI.create(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(gbk),
                method + " " + path + " [GBK bytes as UTF-8 JSON]");
        send(
                caller,
                request(method, URI.create(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": [1, {"),
                method + " " + path + " [broken JSON]");
    }

    void send(Caller caller, MockHttpServletRequestBuilder request, String what) throws Exception {
        calls++;
        if (caller.session() != null) {
            request.session(caller.session()).with(csrf());
        } else {
            request.header("X-Api-Key", caller.key());
        }
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException thrown) {
            Throwable cause = thrown.getRootCause() == null ? thrown : thrown.getRootCause();
            failures.add(caller.name() + " " + what + " → exception " + cause);
            return;
        }
        int status = response.getStatus();
        if (status >= 500) {
            failures.add(caller.name() + " " + what + " → " + status + " "
                    + HostileInput.abbreviate(response.getContentAsString(StandardCharsets.UTF_8)));
        } else if (status >= 400 && what.contains(" /api/")) {
            String type = response.getContentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(caller.name() + " " + what + " → " + status + " as " + type + " "
                        + HostileInput.abbreviate(response.getContentAsString(StandardCharsets.UTF_8)));
            }
        }
    }

    /** An existing object's id for the first path parameter (from the collection's list), else the payload. */
    String pathValue(Caller caller, String template, String name, JsonNode schema, Payload payload) throws Exception {
        boolean numeric = schema.path("type").asString().equals("integer");
        if (!numeric) {
            return payload == HostileInput.LONG ? "x".repeat(2_000) : payload.value();
        }
        int brace = template.indexOf("/{");
        if (!template.substring(brace + 2).startsWith(name + "}") || caller.session() == null) {
            return "1";
        }
        String collection = template.substring(0, brace);
        String key = caller.name() + " " + collection;
        if (!firstIds.containsKey(key)) {
            MockHttpServletResponse response = mvc.perform(get(collection).session(caller.session()))
                    .andReturn()
                    .getResponse();
            String id = "1";
            if (response.getStatus() == 200
                    && String.valueOf(response.getContentType()).contains("json")) {
                JsonNode found = json.readTree(response.getContentAsString(StandardCharsets.UTF_8))
                        .findValue("id");
                if (found != null && found.isNumber()) {
                    id = found.asString();
                }
            }
            firstIds.put(key, id);
        }
        return firstIds.get(key);
    }

    JsonNode instance(JsonNode schemaOrRef, Payload payload, boolean typedToo, int depth) {
        JsonNode schema = resolve(schemaOrRef);
        String type = schema.path("type").asString();
        if (depth > 5) {
            return json.getNodeFactory().nullNode();
        }
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = json.createObjectNode();
            for (var property : schema.path("properties").properties()) {
                object.set(property.getKey(), instance(property.getValue(), payload, typedToo, depth + 1));
            }
            return object;
        }
        if (type.equals("array")) {
            ArrayNode array = json.createArrayNode();
            array.add(instance(schema.path("items"), payload, typedToo, depth + 1));
            return array;
        }
        return scalar(schema, payload, typedToo);
    }

    JsonNode scalar(JsonNode schema, Payload payload, boolean typedToo) {
        String type = schema.path("type").asString();
        String format = schema.path("format").asString();
        boolean typed = !type.equals("string") || schema.has("enum") || !format.isEmpty();
        if (typed && !typedToo) {
            if (schema.has("enum")) {
                return schema.path("enum").get(0);
            }
            return switch (type) {
                case "integer", "number" -> json.getNodeFactory().numberNode(1);
                case "boolean" -> json.getNodeFactory().booleanNode(true);
                case "string" ->
                    json.getNodeFactory().stringNode(format.equals("date") ? "2026-12-01" : "2026-12-01T09:00:00Z");
                default -> json.getNodeFactory().stringNode(payload.value());
            };
        }
        return json.getNodeFactory().stringNode(payload.value());
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 5; hops++) {
            if (current.has("$ref")) {
                String ref = current.path("$ref").asString();
                current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (current.has("allOf")) {
                current = current.path("allOf").get(0);
            } else if (current.has("oneOf")) {
                current = current.path("oneOf").get(0);
            } else if (current.has("anyOf")) {
                current = current.path("anyOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    /** Header values cannot carry line breaks or NUL; the rest of the payload goes as it is. */
    static String headerSafe(String value) {
        return value.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }
}
