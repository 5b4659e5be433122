package org.accord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint, as every role and as a liaison reaching for another unit's objects, against the
 * expectations in {@code access-matrix.csv} and {@code access-matrix-<module>.csv}. A module that adds an
 * endpoint adds its row to its own file.
 */
@IntegrationTest
class AccessMatrixIntegrationTest {

    static final List<String> ROLES = List.of("ANON", "LEADER", "STAFF", "LIAISON", "SYSADMIN", "SECADMIN", "AUDITOR");
    static final Map<String, String> ACCOUNTS = Map.of(
            "LEADER", "chenzhihua",
            "STAFF", "huanghaitao",
            "LIAISON", "weilijuan",
            "SYSADMIN", "sysadmin",
            "SECADMIN", "secadmin",
            "AUDITOR", "auditor");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(unit|person):([A-Za-z0-9-]+)}");

    record Row(String method, String pattern, String path, List<String> outcomes) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    RequestMappingHandlerMapping mappings;

    static List<Row> matrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        // One file per module (access-matrix-<module>.csv) beside the common one, so modules add rows apart.
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:access-matrix*.csv")) {
            try (InputStream in = file.getInputStream()) {
                rows.addAll(rows(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return rows;
    }

    private static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split(";");
            assertThat(cells).as(line).hasSize(3 + ROLES.size());
            rows.add(new Row(cells[0], cells[1], cells[2], List.of(cells).subList(3, cells.length)));
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAsEveryRole() throws IOException {
        return matrix().stream()
                .flatMap(row -> ROLES.stream()
                        .map(role -> DynamicTest.dynamicTest(
                                row.method() + " " + row.path() + " as " + role + " → "
                                        + row.outcomes().get(ROLES.indexOf(role)),
                                () -> check(row, role))));
    }

    private void check(Row row, String role) throws Exception {
        String expected = row.outcomes().get(ROLES.indexOf(role));
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.request(HttpMethod.valueOf(row.method()), resolve(row.path()));
        if (!row.method().equals("GET")) {
            request.with(csrf());
        }
        if (!role.equals("ANON")) {
            request.with(user(accounts.loadUserByUsername(ACCOUNTS.get(role))));
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getRedirectedUrl();
        String actual = outcome(status, location);
        assertThat(actual)
                .as(
                        "%s %s as %s answered %d %s",
                        row.method(), row.path(), role, status, location == null ? "" : location)
                .isEqualTo(expected);
    }

    static String outcome(int status, String location) {
        if (status >= 500) {
            return "error " + status;
        }
        if (status == 401) {
            return "unauth";
        }
        if (status == 403) {
            return "deny";
        }
        if (status == 404) {
            return "hidden";
        }
        if (status >= 300 && status < 400 && location != null && location.contains("/signin")) {
            return "signin";
        }
        return "ok";
    }

    private String resolve(String path) {
        Matcher matcher = PLACEHOLDER.matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            long id = matcher.group(1).equals("unit")
                    ? directory.unitByCode(matcher.group(2)).orElseThrow().id()
                    : directory.personByCode(matcher.group(2)).orElseThrow().id();
            matcher.appendReplacement(resolved, String.valueOf(id));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    @Test
    void everyEndpointOfTheApplicationHasARow() throws IOException {
        Set<String> covered = new TreeSet<>();
        matrix().forEach(row -> covered.add(row.method() + " " + row.pattern()));
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("org.accord")) {
                continue;
            }
            Set<String> methods = new TreeSet<>();
            entry.getKey().getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                methods.forEach(method -> endpoints.add(method + " " + pattern));
            }
        }
        assertThat(covered).as("endpoints with a row in access-matrix.csv").containsAll(endpoints);
    }
}
