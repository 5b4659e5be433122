package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.accord.security.HostileInput.Payload;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Every form a demo account reaches from its pages, filled with hostile input: nothing may answer 5xx, and no
 * page, then or afterwards, may turn the input into live markup.
 *
 * <p>The forms are not listed by hand: each role's pages are crawled from the start page (links, htmx GETs), each
 * form is read with Jsoup and sent with the payloads in every text field, keeping hidden fields, choices and the
 * CSRF token valid so that the input reaches the code behind it. The run changes the demo data, hence a context
 * of its own.
 */
@IntegrationTest
// Printing every request of a run of thousands, payloads of 100,000 characters included, costs minutes.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileFormsIntegrationTest {

    /** Office staff of every section first, administrators last: their forms change accounts. */
    static final List<String> ROLES = List.of(
            "huanghaitao",
            "qianhaitao",
            "longminghui",
            "xiongyongqiang",
            "caiyuxuan",
            "yuhongxia",
            "chenzhihua",
            "weilijuan",
            "secadmin",
            "auditor",
            "sysadmin");

    static final int PAGES_PER_ROLE = 60;

    /** Pages of one shape (the same path but for its numbers) crawled per role. */
    static final int PAGES_PER_SHAPE = 1;

    static final Set<String> NOT_FOLLOWED_SUFFIXES =
            Set.of(".pdf", ".ofd", ".ics", ".xlsx", ".csv", ".docx", ".png", ".svg", ".xml", ".json", ".zip");

    @Autowired
    MockMvc mvc;

    final List<String> failures = new ArrayList<>();
    final Map<String, Set<String>> pagesByRole = new LinkedHashMap<>();

    /** A form of one shape is sent once, by the first role that finds it. */
    final Set<String> formsSeen = new java.util.HashSet<>();

    int formIndex;
    int submissions;

    @Test
    void everyFormTakesHostileInputWithoutErrorOrLiveMarkup() throws Exception {
        long started = System.nanoTime();
        Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
        for (String role : ROLES) {
            sessions.put(role, SignIn.as(mvc, role));
        }
        attack("anonymous", null, "/public/cases/new");
        for (String role : ROLES) {
            attack(role, sessions.get(role), "/");
        }
        long reRender = System.nanoTime();
        // What was stored is rendered to everyone who may see it, on every page crawled.
        for (var entry : pagesByRole.entrySet()) {
            MockHttpSession session = sessions.get(entry.getKey());
            for (String page : entry.getValue()) {
                MockHttpServletResponse response = perform(get(page), session);
                check(entry.getKey(), "GET " + page + " (again)", response);
            }
        }
        System.out.printf(
                "hostile forms: pages rendered again in %d s%n", (System.nanoTime() - reRender) / 1_000_000_000L);
        int pages = pagesByRole.values().stream().mapToInt(Set::size).sum();
        System.out.printf(
                "hostile forms: %d pages, %d forms, %d submissions, %d s%n",
                pages, formIndex, submissions, (System.nanoTime() - started) / 1_000_000_000L);
        assertThat(pages).as("pages crawled").isGreaterThan(60);
        assertThat(submissions).as("forms submitted").isGreaterThan(60);
        assertThat(failures)
                .as("hostile input answered with an error or rendered live")
                .isEmpty();
    }

    /** Found by the crawl: the request designer answered 500 when a unit came twice. */
    @Test
    void theRequestDesignerTakesAUnitTwice() throws Exception {
        MockHttpServletResponse response = perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/information/requests")
                        .param("title", "重复单位")
                        .param("units", "7")
                        .param("units", "7")
                        .param("action", "more")
                        .with(csrf()),
                SignIn.as(mvc, "yuhongxia"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("重复单位");
    }

    void attack(String role, @Nullable MockHttpSession session, String start) throws Exception {
        Set<String> pages = new LinkedHashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        long started = System.nanoTime();
        int formsBefore = formIndex;
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> queued = new LinkedHashSet<>(queue);
        while (!queue.isEmpty() && pages.size() < PAGES_PER_ROLE) {
            String page = queue.poll();
            MockHttpServletResponse response = perform(get(page), session);
            String type = response.getContentType();
            String location = response.getRedirectedUrl();
            if (location != null) {
                // Administrators' start page sends them on to their own.
                String target = local(page, location);
                if (target != null && follow(target) && queued.add(target)) {
                    queue.add(target);
                }
            }
            if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                check(role, "GET " + page, response);
                continue;
            }
            pages.add(page);
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            check(role, "GET " + page, response);
            Document doc = Jsoup.parse(html, "http://localhost" + page);
            for (Element link : doc.select("a[href], [hx-get]")) {
                String target = local(page, link.hasAttr("hx-get") ? link.attr("hx-get") : link.attr("href"));
                if (target != null && follow(target) && !queued.contains(target)) {
                    String shape = target.replaceAll("\\d+", "#");
                    if (shapes.merge(shape, 1, Integer::sum) <= PAGES_PER_SHAPE) {
                        queued.add(target);
                        queue.add(target);
                    }
                }
            }
            for (Element form : doc.select("form")) {
                submit(role, session, page, form, formsSeen);
            }
        }
        pagesByRole.put(role, pages);
        System.out.printf(
                "hostile forms: %s, %d pages, %d new forms, %d s%n",
                role, pages.size(), formIndex - formsBefore, (System.nanoTime() - started) / 1_000_000_000L);
    }

    void submit(String role, @Nullable MockHttpSession session, String page, Element form, Set<String> seen)
            throws Exception {
        HttpMethod method = HttpMethod.GET;
        String action = form.attr("action");
        for (String verb : List.of("post", "put", "patch", "delete", "get")) {
            if (form.hasAttr("hx-" + verb)) {
                method = HttpMethod.valueOf(verb.toUpperCase(Locale.ROOT));
                action = form.attr("hx-" + verb);
            }
        }
        if (!form.hasAttr("hx-post") && form.attr("method").equalsIgnoreCase("post")) {
            method = HttpMethod.POST;
        }
        String target = local(page, action.isEmpty() ? page : action);
        if (target == null || target.contains("logout") || target.contains("signout")) {
            return;
        }
        List<Element> fields = form.select("input[name], textarea[name], select[name], button[name]");
        // Fields outside the form that name it with form="id" belong to it too.
        if (!form.id().isEmpty()) {
            fields.addAll(form.ownerDocument().select("[form=" + form.id() + "][name]"));
        }
        TreeSet<String> names = new TreeSet<>();
        fields.forEach(field -> names.add(field.attr("name")));
        String key = method + " " + target.replaceAll("\\d+", "#") + " " + names;
        if (!seen.add(key)) {
            return;
        }
        int index = formIndex++;
        List<Payload> payloads = HostileInput.sample(index);
        for (int i = 0; i < payloads.size(); i++) {
            // The second sending also puts hostile text into the typed fields (numbers, dates, choices).
            send(role, session, method, target, form, fields, payloads.get(i), i == 1);
        }
    }

    void send(
            String role,
            @Nullable MockHttpSession session,
            HttpMethod method,
            String target,
            Element form,
            List<Element> fields,
            Payload payload,
            boolean typedToo)
            throws Exception {
        boolean multipart = form.attr("enctype").equalsIgnoreCase("multipart/form-data")
                || form.attr("hx-encoding").equalsIgnoreCase("multipart/form-data")
                || fields.stream().anyMatch(field -> field.attr("type").equalsIgnoreCase("file"));
        AbstractMockHttpServletRequestBuilder<?> request;
        if (multipart && method != HttpMethod.GET) {
            MockMultipartHttpServletRequestBuilder upload = multipart(method, URI.create(target));
            request = upload;
            for (Element field : fields) {
                if (field.attr("type").equalsIgnoreCase("file")) {
                    upload.file(new MockMultipartFile(
                            field.attr("name"),
                            "<img src=x onerror=alert('" + HostileInput.MARK + "')>\u202Etxt.exe",
                            "text/plain",
                            payload.value().getBytes(StandardCharsets.UTF_8)));
                }
            }
        } else {
            request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                    method, URI.create(target));
        }
        Set<String> radiosDone = new java.util.HashSet<>();
        boolean buttonDone = false;
        for (Element field : fields) {
            String name = field.attr("name");
            String type = field.attr("type").toLowerCase(Locale.ROOT);
            if (name.equals("_csrf") || type.equals("file")) {
                continue;
            }
            switch (field.tagName()) {
                case "select" -> {
                    Element option = field.selectFirst("option[selected]");
                    if (option == null) {
                        option = field.select("option").stream()
                                .filter(o -> !o.attr("value").isEmpty())
                                .findFirst()
                                .orElse(field.selectFirst("option"));
                    }
                    request.param(name, typedToo ? payload.value() : option == null ? "" : option.attr("value"));
                }
                case "textarea" -> request.param(name, payload.value());
                case "button" -> {
                    if (!buttonDone) {
                        request.param(name, field.attr("value"));
                        buttonDone = true;
                    }
                }
                default -> {
                    switch (type) {
                        case "hidden" -> request.param(name, field.attr("value"));
                        case "submit", "image", "reset", "button" -> {
                            if (!buttonDone && type.equals("submit")) {
                                request.param(name, field.attr("value"));
                                buttonDone = true;
                            }
                        }
                        case "checkbox" -> request.param(name, typedToo ? payload.value() : value(field, "on"));
                        case "radio" -> {
                            if (radiosDone.add(name)) {
                                request.param(name, typedToo ? payload.value() : field.attr("value"));
                            }
                        }
                        case "number", "range" -> request.param(name, typedToo ? payload.value() : value(field, "1"));
                        case "date" -> request.param(name, typedToo ? payload.value() : value(field, "2026-12-01"));
                        case "datetime-local" ->
                            request.param(name, typedToo ? payload.value() : value(field, "2026-12-01T09:00"));
                        case "time" -> request.param(name, typedToo ? payload.value() : value(field, "09:00"));
                        case "month" -> request.param(name, typedToo ? payload.value() : value(field, "2026-12"));
                        case "password" -> request.param(name, payload.value());
                        default -> request.param(name, payload.value());
                    }
                }
            }
        }
        if (method != HttpMethod.GET) {
            request.with(csrf());
        }
        if (form.hasAttr("hx-post") || form.hasAttr("hx-get")) {
            request.header("HX-Request", "true");
        }
        submissions++;
        MockHttpServletResponse response = perform(request, session);
        check(
                role,
                method + " " + target + " [" + payload.name() + (typedToo ? ", typed fields too" : "") + "]",
                response);
    }

    static String value(Element field, String otherwise) {
        String value = field.attr("value");
        return value.isEmpty() ? otherwise : value;
    }

    MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, @Nullable MockHttpSession session)
            throws Exception {
        if (session != null) {
            request.session(session);
        }
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException thrown) {
            // What a servlet container would answer with 500.
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.setStatus(500);
            Throwable cause = thrown.getRootCause() == null ? thrown : thrown.getRootCause();
            failed.getWriter().print(cause);
            return failed;
        }
    }

    void check(String role, String what, MockHttpServletResponse response) throws Exception {
        if (response.getStatus() >= 500) {
            failures.add(role + " " + what + " → " + response.getStatus() + " "
                    + HostileInput.abbreviate(response.getContentAsString(StandardCharsets.UTF_8)));
            return;
        }
        String type = response.getContentType();
        if (type != null && type.startsWith("text/html")) {
            List<String> live = HostileInput.liveMarkup(response.getContentAsString(StandardCharsets.UTF_8));
            if (!live.isEmpty()) {
                failures.add(role + " " + what + " → live markup " + live);
            }
        }
    }

    /** The path and query of a link on a page, or null when it leads elsewhere. */
    static @Nullable String local(String page, String href) {
        if (href.isBlank() || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:")) {
            return null;
        }
        try {
            URI resolved = URI.create("http://localhost" + page).resolve(href.strip());
            if (!"localhost".equals(resolved.getHost())) {
                return null;
            }
            String path = resolved.getRawPath();
            return resolved.getRawQuery() == null ? path : path + "?" + resolved.getRawQuery();
        } catch (IllegalArgumentException unusual) {
            return null;
        }
    }

    static boolean follow(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/notify/stream")
                || path.startsWith("/logout")
                || path.startsWith("/v3/")
                || path.startsWith("/swagger")) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        return NOT_FOLLOWED_SUFFIXES.stream().noneMatch(lower::endsWith);
    }
}
