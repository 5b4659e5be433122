package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 as a standard client uses it: services, a service definition, posting a request with the
 * api_key form parameter, reading requests (filters, the 90-day window), one request, a token; JSON and XML; errors
 * as the specification's error list.
 */
@IntegrationTest
class Open311IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    String intakeKey;
    String readKey;

    @BeforeEach
    void keys() throws Exception {
        intakeKey = issue("cases:intake");
        readKey = issue("directory:read");
    }

    /** A key as the sysadmin's page issues it: only its SHA-256 is stored. */
    String issue(String scope) throws Exception {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            prefix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "acc_" + prefix + "_"
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("INSERT INTO security_api_client (name, key_prefix, key_hash, scopes, issued_by, issued_at)"
                        + " VALUES (:name, :prefix, :hash, :scopes, 'sysadmin', :at)")
                .param("name", "市民服务App " + prefix)
                .param("prefix", prefix.toString())
                .param("hash", hash)
                .param("scopes", scope)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return key;
    }

    MockHttpServletRequestBuilder postRequest(String format) {
        return post("/open311/v2/requests." + format)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .characterEncoding("UTF-8");
    }

    @Test
    void servicesInBothFormats() throws Exception {
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(
                        jsonPath("$[?(@.service_code == 'NOISE')].service_name").value("噪音"))
                .andExpect(jsonPath("$[0].metadata").value(false))
                .andExpect(jsonPath("$[0].type").value("realtime"));
        mvc.perform(get("/open311/v2/services.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(content().string(startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><services>")))
                .andExpect(xpath("/services/service[service_code='NOISE']/service_name")
                        .string("噪音"));
        mvc.perform(get("/open311/v2/services/NOISE.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("NOISE"))
                .andExpect(jsonPath("$.attributes").isArray());
        mvc.perform(get("/open311/v2/services/NOISE.xml"))
                .andExpect(xpath("/service_definition/service_code").string("NOISE"));
        mvc.perform(get("/open311/v2/services/NOPE.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").exists());
        mvc.perform(get("/open311/v2/services/NOPE.xml"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
    }

    @Test
    void postingNeedsAKeyWithTheIntakeScope() throws Exception {
        Integer before = jdbc.sql("SELECT COUNT(*) FROM hotline_case")
                .query(Integer.class)
                .single();
        mvc.perform(postRequest("json")
                        .param("service_code", "NOISE")
                        .param("address_string", "和平路1号")
                        .param("description", "噪音"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403));
        mvc.perform(postRequest("xml")
                        .param("api_key", "acc_nothingnothin_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
                        .param("service_code", "NOISE")
                        .param("address_string", "和平路1号")
                        .param("description", "噪音"))
                .andExpect(status().isForbidden())
                .andExpect(xpath("/errors/error/code").string("403"));
        mvc.perform(postRequest("json")
                        .param("api_key", readKey)
                        .param("service_code", "NOISE")
                        .param("address_string", "和平路1号")
                        .param("description", "噪音"))
                .andExpect(status().isForbidden());
        // The key works only as the api_key parameter here, not for the rest of the API as a parameter.
        mvc.perform(get("/api/cases").param("api_key", intakeKey)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hotline_case")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void badRequestsAnswerTheSpecificationsErrors() throws Exception {
        mvc.perform(postRequest("json")
                        .param("api_key", intakeKey)
                        .param("address_string", "x")
                        .param("description", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(postRequest("json")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("description", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(org.hamcrest.Matchers.containsString("address_string")));
        mvc.perform(postRequest("xml")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("lat", "30.1")
                        .param("long", "120.2")
                        .param("description", "长".repeat(4001)))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
        mvc.perform(get("/open311/v2/requests.json")
                        .param("start_date", "2026-01-01T00:00:00+08:00")
                        .param("end_date", "2026-06-01T00:00:00+08:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(get("/open311/v2/requests.json").param("status", "pending")).andExpect(status().isBadRequest());
        mvc.perform(get("/open311/v2/requests/12345-20990101-999999.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v2/services.csv")).andExpect(status().isBadRequest());
    }

    @Test
    void aRequestPostedIsReadBackByIdByTokenAndInTheList() throws Exception {
        // The longest description the specification allows here: 4,000 characters.
        String description = ("占道经营，夜市摊位堵塞人行道。" + "说明".repeat(2000)).substring(0, 4000);
        JsonNode created = json.readTree(mvc.perform(postRequest("json")
                                .param("api_key", intakeKey)
                                .param("service_code", "STREET")
                                .param("lat", "30.2741")
                                .param("long", "120.1551")
                                .param("address_string", "西湖区文三路100号")
                                .param("first_name", "小明")
                                .param("last_name", "王")
                                .param("phone", "13811112222")
                                .param("description", description))
                        .andExpect(status().isOk())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get(0);
        String id = created.get("service_request_id").asText();
        // Services are realtime: the answer carries the number and, as the specification wants, no token.
        assertThat(created.has("token")).isFalse();
        assertThat(created.has("service_notice")).isTrue();
        assertThat(created.has("account_id")).isTrue();
        String token = jdbc.sql("SELECT token FROM hotline_case WHERE case_number = :n")
                .param("n", id)
                .query(String.class)
                .single();
        assertThat(id).matches("12345-\\d{8}-\\d{6}");
        assertThat(jdbc.sql("SELECT channel FROM hotline_case WHERE case_number = :n")
                        .param("n", id)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN311");

        mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("已受理，等待派单。"))
                .andExpect(jsonPath("$[0].service_code").value("STREET"))
                .andExpect(jsonPath("$[0].lat").value(30.2741))
                .andExpect(jsonPath("$[0].long").value(120.1551))
                .andExpect(jsonPath("$[0].requested_datetime")
                        .value(org.hamcrest.Matchers.matchesPattern(
                                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("13811112222"))));
        mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(id))
                .andExpect(xpath("/service_requests/request/status").string("open"));
        mvc.perform(get("/open311/v2/tokens/" + token + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].token").value(token));
        mvc.perform(get("/open311/v2/tokens/" + token + ".xml"))
                .andExpect(xpath("/service_requests/request/service_request_id").string(id));
        mvc.perform(get("/open311/v2/tokens/nope.json")).andExpect(status().isNotFound());

        // The list: default 90-day window, filters by service code and status, several ids.
        mvc.perform(get("/open311/v2/requests.json").param("service_code", "STREET"))
                .andExpect(
                        jsonPath("$[?(@.service_request_id == '" + id + "')]").isNotEmpty());
        mvc.perform(get("/open311/v2/requests.json")
                        .param("service_code", "STREET")
                        .param("status", "closed"))
                .andExpect(
                        jsonPath("$[?(@.service_request_id == '" + id + "')]").isEmpty());
        mvc.perform(get("/open311/v2/requests.json").param("service_code", "NOISE"))
                .andExpect(
                        jsonPath("$[?(@.service_request_id == '" + id + "')]").isEmpty());
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", id + ",12345-20990101-000000"))
                .andExpect(jsonPath("$.length()").value(1));
        String now = Instant.now()
                .plusSeconds(60)
                .atOffset(ZoneOffset.ofHours(8))
                .withNano(0)
                .toString();
        mvc.perform(get("/open311/v2/requests.xml").param("end_date", now).param("status", "open"))
                .andExpect(xpath("/service_requests/request[service_request_id='" + id + "']/status")
                        .string("open"));
        mvc.perform(get("/open311/v2/requests.json")
                        .param("start_date", "2020-01-01T00:00:00+08:00")
                        .param("end_date", "2020-02-01T00:00:00+08:00"))
                .andExpect(jsonPath("$.length()").value(0));

        // The same Idempotency-Key takes the request in once.
        String first = mvc.perform(postRequest("json")
                        .header("Idempotency-Key", "app-7781")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("address_string", "文三路")
                        .param("description", "夜间施工"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String second = mvc.perform(postRequest("json")
                        .header("Idempotency-Key", "app-7781")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("address_string", "文三路")
                        .param("description", "夜间施工"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(second).get(0).get("service_request_id").asText())
                .isEqualTo(json.readTree(first).get(0).get("service_request_id").asText());
    }

    String postJson(String... params) throws Exception {
        MockHttpServletRequestBuilder request = postRequest("json").param("api_key", intakeKey);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return json.readTree(mvc.perform(request)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get(0)
                .get("service_request_id")
                .asText();
    }

    @Test
    void thePostAnswerIsTheNumberWithoutATokenAndEchoesTheAccount() throws Exception {
        mvc.perform(postRequest("json")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("address_string", "和平路3号")
                        .param("description", "夜间施工")
                        .param("account_id", "app-user-42")
                        .param("email", "citizen@example.org")
                        .param("device_id", "dev-1")
                        .param("media_url", "https://example.org/p.jpg")
                        .param("attribute[WHEN]", "night")
                        .param("jurisdiction_id", "city.example"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray())
                .andExpect(jsonPath("$[0].service_request_id").value(org.hamcrest.Matchers.startsWith("12345-")))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[0].service_notice").isNotEmpty())
                .andExpect(jsonPath("$[0].account_id").value("app-user-42"));
        mvc.perform(postRequest("xml")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("address_string", "和平路4号")
                        .param("description", "夜间施工"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(content().string(startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests>")))
                .andExpect(xpath("/service_requests/request/service_request_id")
                        .string(org.hamcrest.Matchers.startsWith("12345-")))
                .andExpect(xpath("/service_requests/request/token").doesNotExist())
                .andExpect(xpath("/service_requests/request/service_notice").exists())
                .andExpect(xpath("/service_requests/request/account_id").string(""));
    }

    @Test
    void anUnknownServiceCodeIsNotFoundWhenPosting() throws Exception {
        Integer before = jdbc.sql("SELECT COUNT(*) FROM hotline_case")
                .query(Integer.class)
                .single();
        mvc.perform(postRequest("json")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOPE")
                        .param("address_string", "和平路1号")
                        .param("description", "x"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value(org.hamcrest.Matchers.containsString("NOPE")));
        mvc.perform(postRequest("xml")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOPE")
                        .param("address_string", "和平路1号")
                        .param("description", "x"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hotline_case")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void latAndLongComeAsAPair() throws Exception {
        Integer before = jdbc.sql("SELECT COUNT(*) FROM hotline_case")
                .query(Integer.class)
                .single();
        mvc.perform(postRequest("json")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("lat", "30.1")
                        .param("address_string", "和平路1号")
                        .param("description", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(postRequest("xml")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("long", "120.2")
                        .param("description", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hotline_case")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theDescriptionIsOptional() throws Exception {
        String id = postJson("service_code", "NOISE", "address_id", "A-1001");
        mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].description").value("（提交时未填写描述）噪音"))
                .andExpect(jsonPath("$[0].address").value("A-1001"));
        mvc.perform(postRequest("xml")
                        .param("api_key", intakeKey)
                        .param("service_code", "NOISE")
                        .param("lat", "30.1")
                        .param("long", "120.2")
                        .param("description", ""))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").exists());
    }

    @Test
    void serviceRequestIdOverridesEveryOtherArgument() throws Exception {
        String id = postJson("service_code", "NOISE", "address_string", "文三路5号", "description", "噪音扰民");
        mvc.perform(get("/open311/v2/requests.json")
                        .param("service_request_id", id)
                        .param("service_code", "STREET")
                        .param("status", "closed")
                        .param("start_date", "2020-01-01T00:00:00Z")
                        .param("end_date", "2021-01-01T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].service_request_id").value(id));
        mvc.perform(get("/open311/v2/requests.xml")
                        .param("service_request_id", id)
                        .param("status", "whatever")
                        .param("start_date", "not a date"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(id));
    }

    @Test
    void datesInTheW3cForms() throws Exception {
        String id = postJson("service_code", "NOISE", "address_string", "文三路6号", "description", "噪音扰民");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        // A day, a month: the end counts the whole period.
        mvc.perform(get("/open311/v2/requests.json")
                        .param("start_date", today.minusDays(1).toString())
                        .param("end_date", today.toString()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.service_request_id == '" + id + "')]").isNotEmpty());
        mvc.perform(get("/open311/v2/requests.xml")
                        .param("start_date", today.toString().substring(0, 7))
                        .param("end_date", today.plusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request[service_request_id='" + id + "']")
                        .exists());
        // An offset whose '+' arrived as a space, and minutes without seconds.
        mvc.perform(get("/open311/v2/requests.json").param("end_date", today.plusDays(1) + "T00:00 08:00"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.service_request_id == '" + id + "')]").isNotEmpty());
        // A date-time without an offset is not a W3C date-time.
        mvc.perform(get("/open311/v2/requests.json").param("end_date", today + "T10:00:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(get("/open311/v2/requests.xml").param("start_date", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
    }

    @Test
    void listArgumentsMayBeRepeatedOrCommaSeparated() throws Exception {
        String noise = postJson("service_code", "NOISE", "address_string", "文三路9号", "description", "噪音扰民");
        String street = postJson("service_code", "STREET", "address_string", "文三路9号", "description", "占道经营");
        mvc.perform(get("/open311/v2/requests.json")
                        .param("service_code", "NOISE")
                        .param("service_code", "STREET")
                        .param("status", "open")
                        .param("status", "closed"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_request_id == '" + noise + "')]")
                        .isNotEmpty())
                .andExpect(jsonPath("$[?(@.service_request_id == '" + street + "')]")
                        .isNotEmpty());
        mvc.perform(get("/open311/v2/requests.xml").param("service_code", "NOISE,STREET"))
                .andExpect(xpath("/service_requests/request[service_request_id='" + noise + "']")
                        .exists())
                .andExpect(xpath("/service_requests/request[service_request_id='" + street + "']")
                        .exists());
    }

    @Test
    void aStartDateAloneOpensNinetyDaysFromIt() throws Exception {
        // No end date: the 90 days that follow the start, not an error for spanning more than 90 days until now.
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "2020-01-01T00:00:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        String id = postJson("service_code", "NOISE", "address_string", "文三路7号", "description", "噪音扰民");
        String recent = Instant.now()
                .minusSeconds(3600)
                .atOffset(ZoneOffset.UTC)
                .withNano(0)
                .toString();
        mvc.perform(get("/open311/v2/requests.xml").param("start_date", recent))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request[service_request_id='" + id + "']")
                        .exists());
    }

    @Test
    void aClosedRequestIsUpdatedWhenItWasClosed() throws Exception {
        String id = postJson("service_code", "NOISE", "address_string", "文三路8号", "description", "噪音扰民");
        OffsetDateTime closed = OffsetDateTime.parse("2026-11-20T09:30:15+08:00");
        jdbc.sql("UPDATE hotline_case SET status = 'CLOSED', closed_at = :closed, updated_at = :later"
                        + " WHERE case_number = :n")
                .param("closed", closed)
                .param("later", closed.plusDays(2))
                .param("n", id)
                .update();
        mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].updated_datetime").value("2026-11-20T09:30:15+08:00"));
        mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                .andExpect(xpath("/service_requests/request/status").string("closed"))
                .andExpect(xpath("/service_requests/request/updated_datetime").string("2026-11-20T09:30:15+08:00"));
    }

    @Test
    void unknownResourcesAndMethodsAnswerTheErrorList() throws Exception {
        mvc.perform(get("/open311/v2/nothing.json"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v2/requests/a/b.xml"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
                .andExpect(xpath("/errors/error/code").string("404"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/open311/v2/requests.json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(post("/open311/v2/services.xml"))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
    }
}
