package org.accord.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2: service list and definitions from the category tree, service requests as cases (the
 * service_request_id is the case number), tokens, in JSON and XML, errors as the specification's error list.
 * Reads are public; posting needs an API key of scope {@code cases:intake} as the {@code api_key} parameter.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final int MAX_RESULTS = 1000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    private static final MediaType JSON = new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType XML = new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8);

    private final CaseDesk desk;
    private final CaseStore store;
    private final DispatchCatalogue catalogue;
    private final Directory directory;
    private final Deadlines deadlines;
    private final MessageSource messages;
    private final JsonMapper json;

    Open311Controller(
            CaseDesk desk,
            CaseStore store,
            DispatchCatalogue catalogue,
            Directory directory,
            Deadlines deadlines,
            MessageSource messages,
            JsonMapper json) {
        this.desk = desk;
        this.store = store;
        this.catalogue = catalogue;
        this.directory = directory;
        this.deadlines = deadlines;
        this.messages = messages;
        this.json = json;
    }

    /** An error in the specification's format, with its HTTP status. */
    static final class Open311Error extends RuntimeException {
        final int code;

        Open311Error(int code, String description) {
            super(description);
            this.code = code;
        }
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format) {
        String f = format(format);
        List<Map<String, @Nullable Object>> services = new ArrayList<>();
        List<DispatchCatalogue.Category> categories = catalogue.categories();
        Map<String, String> names = new HashMap<>();
        categories.forEach(c -> names.putIfAbsent(c.code(), c.name()));
        for (DispatchCatalogue.Category c : categories) {
            Map<String, @Nullable Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", c.name());
            s.put("description", c.name());
            s.put("metadata", false);
            s.put("type", "realtime");
            s.put("keywords", c.name());
            s.put("group", c.parentCode() == null ? c.name() : DispatchCatalogue.categoryName(names, c.parentCode()));
            services.add(s);
        }
        return answer(f, HttpStatus.OK, "services", "service", services);
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> serviceDefinition(@PathVariable String code, @PathVariable String format) {
        String f = format(format);
        if (catalogue.category(code).isEmpty()) {
            throw new Open311Error(404, text("cases.open311.serviceNotFound", code));
        }
        Map<String, @Nullable Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code);
        definition.put("attributes", List.of());
        if (f.equals("json")) {
            return body(f, HttpStatus.OK, json.writeValueAsString(definition));
        }
        return body(
                f,
                HttpStatus.OK,
                xmlDeclaration() + "<service_definition><service_code>" + escape(code)
                        + "</service_code><attributes></attributes></service_definition>");
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<String> create(
            @PathVariable String format,
            @RequestParam(name = "service_code", required = false) @Nullable String serviceCode,
            @RequestParam(name = "lat", required = false) @Nullable String lat,
            @RequestParam(name = "long", required = false) @Nullable String lon,
            @RequestParam(name = "address_string", required = false) @Nullable String address,
            @RequestParam(name = "address_id", required = false) @Nullable String addressId,
            @RequestParam(name = "first_name", required = false) @Nullable String firstName,
            @RequestParam(name = "last_name", required = false) @Nullable String lastName,
            @RequestParam(name = "phone", required = false) @Nullable String phone,
            @RequestParam(name = "description", required = false) @Nullable String description,
            @RequestParam(name = "account_id", required = false) @Nullable String accountId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        String f = format(format);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean mayPost = auth != null
                && auth.getAuthorities().stream().anyMatch(a -> "SCOPE_cases:intake".equals(a.getAuthority()));
        if (!mayPost) {
            throw new Open311Error(403, text("cases.open311.apiKey"));
        }
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new Open311Error(400, text("cases.open311.serviceCodeMissing"));
        }
        if (catalogue.category(serviceCode.strip()).isEmpty()) {
            throw new Open311Error(404, text("cases.open311.serviceNotFound", serviceCode));
        }
        Double latitude = number(lat);
        Double longitude = number(lon);
        if ((latitude == null) != (longitude == null)) {
            // lat and long come as a pair or not at all.
            throw new Open311Error(400, text("cases.open311.locationMissing"));
        }
        boolean located = (latitude != null && longitude != null)
                || (address != null && !address.isBlank())
                || (addressId != null && !addressId.isBlank());
        if (!located) {
            throw new Open311Error(400, text("cases.open311.locationMissing"));
        }
        if (description != null && description.strip().length() > CaseDesk.DESCRIPTION_MAX) {
            throw new Open311Error(400, text("cases.open311.description"));
        }
        // The specification makes the description optional; a case needs one, so it says what is known.
        String content = description == null || description.isBlank()
                ? text("cases.open311.noDescription", catalogue.categoryName(serviceCode.strip()))
                : description;
        String name =
                ((lastName == null ? "" : lastName.strip()) + (firstName == null ? "" : firstName.strip())).strip();
        String where = address != null && !address.isBlank() ? address : addressId;
        CaseDesk.Taken taken;
        try {
            taken = desk.intake(
                    new CaseDesk.Intake(
                            name.isEmpty() ? null : name,
                            phone,
                            false,
                            where,
                            null,
                            serviceCode.strip(),
                            false,
                            content,
                            latitude,
                            longitude),
                    Channel.OPEN311,
                    auth.getName(),
                    idempotencyKey);
        } catch (CaseInputRejected rejected) {
            throw new Open311Error(400, text(rejected.messageKey()));
        } catch (CaseRefused refused) {
            throw new Open311Error(400, text(refused.messageKey()));
        }
        Map<String, @Nullable Object> created = new LinkedHashMap<>();
        // Every service is realtime: the number is known at once, so no token (the specification wants one or
        // the other, never both).
        created.put("service_request_id", taken.number());
        created.put("service_notice", text("cases.open311.notice"));
        created.put("account_id", accountId == null || accountId.isBlank() ? null : accountId.strip());
        return answer(f, HttpStatus.OK, "service_requests", "request", List.of(created));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(
            @PathVariable String format,
            @RequestParam(name = "service_request_id", required = false) @Nullable String ids,
            @RequestParam(name = "service_code", required = false) @Nullable String codes,
            @RequestParam(name = "start_date", required = false) @Nullable String startDate,
            @RequestParam(name = "end_date", required = false) @Nullable String endDate,
            @RequestParam(name = "status", required = false) @Nullable String status) {
        String f = format(format);
        List<String> numbers = list(ids);
        if (!numbers.isEmpty()) {
            // service_request_id overrides every other argument, as the specification has it.
            List<Map<String, @Nullable Object>> found = new ArrayList<>();
            Map<String, String> names = catalogue.categoryNames();
            for (HotlineCase c :
                    store.forOpen311(numbers, List.of(), Instant.EPOCH, Instant.EPOCH, List.of(), MAX_RESULTS)) {
                found.add(request(c, names));
            }
            return answer(f, HttpStatus.OK, "service_requests", "request", found);
        }
        boolean hasStart = startDate != null && !startDate.isBlank();
        boolean hasEnd = endDate != null && !endDate.isBlank();
        Instant start;
        Instant end;
        if (hasStart && hasEnd) {
            start = instant(startDate, false);
            end = instant(endDate, true);
        } else if (hasStart) {
            start = instant(startDate, false);
            end = start.plus(DEFAULT_WINDOW);
        } else {
            end = hasEnd ? instant(endDate, true) : Instant.now();
            start = end.minus(DEFAULT_WINDOW);
        }
        if (start.isAfter(end)) {
            throw new Open311Error(400, text("cases.open311.dates"));
        }
        if (Duration.between(start, end).compareTo(DEFAULT_WINDOW) > 0) {
            throw new Open311Error(400, text("cases.open311.window"));
        }
        List<String> statuses = new ArrayList<>();
        for (String s : list(status)) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "open":
                    statuses.addAll(List.of("RECEIVED", "DISPATCHED", "REPLIED", "VISIT", "UNSATISFIED"));
                    break;
                case "closed":
                    statuses.addAll(List.of("CLOSED", "MERGED"));
                    break;
                default:
                    throw new Open311Error(400, text("cases.open311.status"));
            }
        }
        List<Map<String, @Nullable Object>> requests = new ArrayList<>();
        Map<String, String> names = catalogue.categoryNames();
        for (HotlineCase c : store.forOpen311(numbers, list(codes), start, end, statuses, MAX_RESULTS)) {
            requests.add(request(c, names));
        }
        return answer(f, HttpStatus.OK, "service_requests", "request", requests);
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format) {
        String f = format(format);
        HotlineCase c = store.idByNumber(id)
                .flatMap(store::find)
                .orElseThrow(() -> new Open311Error(404, text("cases.open311.requestNotFound", id)));
        return answer(f, HttpStatus.OK, "service_requests", "request", List.of(request(c, catalogue.categoryNames())));
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        String f = format(format);
        HotlineCase c = store.idByToken(token)
                .flatMap(store::find)
                .orElseThrow(() -> new Open311Error(404, text("cases.open311.tokenNotFound", token)));
        Map<String, @Nullable Object> t = new LinkedHashMap<>();
        t.put("service_request_id", c.number);
        t.put("token", token);
        return answer(f, HttpStatus.OK, "service_requests", "request", List.of(t));
    }

    /**
     * Anything else under the endpoint answers in the specification's error format: 404 for a resource that does
     * not exist, 400 for a known resource asked with a method it does not take.
     */
    @org.springframework.web.bind.annotation.RequestMapping("/**")
    ResponseEntity<String> elsewhere(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean known = path.matches("/open311/v2/(services|requests)\\.[^/]+")
                || path.matches("/open311/v2/(services|requests|tokens)/[^/]+\\.[^/]+");
        if (known) {
            throw new Open311Error(400, text("cases.open311.method", request.getMethod()));
        }
        throw new Open311Error(404, text("cases.open311.notFound"));
    }

    /** A case as a service request: what the public may see, never the caller's name or phone. */
    private Map<String, @Nullable Object> request(HotlineCase c, Map<String, String> categoryNames) {
        ZoneId zone = deadlines.calendar().zone();
        Map<String, @Nullable Object> r = new LinkedHashMap<>();
        r.put("service_request_id", c.number);
        r.put("status", c.status.finished() ? "closed" : "open");
        r.put("status_notes", statusNotes(c));
        r.put("service_name", DispatchCatalogue.categoryName(categoryNames, c.categoryCode));
        r.put("service_code", c.categoryCode);
        r.put("description", c.confidential ? null : c.description);
        r.put(
                "agency_responsible",
                c.leadUnitId == null
                        ? null
                        : directory
                                .unit(c.leadUnitId)
                                .map(UnitSummary::displayName)
                                .orElse(null));
        r.put("service_notice", null);
        r.put("requested_datetime", w3c(c.createdAt, zone));
        // For a closed request the specification wants the time it was closed.
        r.put("updated_datetime", w3c(c.status.finished() && c.closedAt != null ? c.closedAt : c.updatedAt, zone));
        r.put(
                "expected_datetime",
                c.deadline == null ? null : w3c(deadlines.calendar().endOfOfficeHours(c.deadline), zone));
        r.put("address", c.address);
        r.put("address_id", null);
        r.put("zipcode", null);
        r.put("lat", c.lat);
        r.put("long", c.lon);
        r.put("media_url", null);
        return r;
    }

    private String statusNotes(HotlineCase c) {
        switch (c.status) {
            case DISPATCHED:
                return text(
                        c.suspended() ? "cases.open311.notes.SUSPENDED" : "cases.open311.notes.DISPATCHED",
                        c.leadUnitId == null ? "" : desk.unitName(c.leadUnitId),
                        c.deadline);
            case MERGED:
                return text(
                        "cases.open311.notes.MERGED",
                        c.masterId == null
                                ? ""
                                : store.find(c.masterId).map(m -> m.number).orElse(""));
            default:
                return text("cases.open311.notes." + c.status.name());
        }
    }

    static String w3c(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * A date in one of the W3C note's forms: a full date-time with its offset, or a bare year, month or day (taken
     * in Accord's zone; as an end, the whole period counts). A '+' left unencoded in a query string arrives as a
     * space, so a space before the offset is read as '+'.
     */
    private Instant instant(String value, boolean asEnd) {
        String v = value.strip().replace(' ', '+');
        ZoneId zone = deadlines.calendar().zone();
        try {
            if (v.contains("T")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            java.time.LocalDate first;
            java.time.LocalDate next;
            if (v.matches("\\d{4}")) {
                first = java.time.LocalDate.of(Integer.parseInt(v), 1, 1);
                next = first.plusYears(1);
            } else if (v.matches("\\d{4}-\\d{2}")) {
                first = java.time.YearMonth.parse(v).atDay(1);
                next = first.plusMonths(1);
            } else {
                first = java.time.LocalDate.parse(v);
                next = first.plusDays(1);
            }
            return asEnd
                    ? next.atStartOfDay(zone).toInstant().minusMillis(1)
                    : first.atStartOfDay(zone).toInstant();
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new Open311Error(400, text("cases.open311.dates"));
        }
    }

    private @Nullable Double number(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new Open311Error(400, text("cases.open311.locationMissing"));
        }
    }

    private static List<String> list(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private String format(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("xml")) {
            throw new Open311Error(400, text("cases.open311.format"));
        }
        return f;
    }

    private ResponseEntity<String> answer(
            String format, HttpStatus status, String root, String element, List<Map<String, @Nullable Object>> items) {
        if (format.equals("json")) {
            return body(format, status, json.writeValueAsString(items));
        }
        StringBuilder xml =
                new StringBuilder(xmlDeclaration()).append('<').append(root).append('>');
        for (Map<String, @Nullable Object> item : items) {
            xml.append('<').append(element).append('>');
            item.forEach((key, value) -> {
                if (value instanceof List) {
                    xml.append('<').append(key).append("/>");
                } else {
                    xml.append('<').append(key).append('>');
                    xml.append(value == null ? "" : escape(String.valueOf(value)));
                    xml.append("</").append(key).append('>');
                }
            });
            xml.append("</").append(element).append('>');
        }
        xml.append("</").append(root).append('>');
        return body(format, status, xml.toString());
    }

    private static ResponseEntity<String> body(String format, HttpStatus status, String text) {
        return ResponseEntity.status(status)
                .contentType(format.equals("json") ? JSON : XML)
                .body(text);
    }

    private static String xmlDeclaration() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&apos;");
                    break;
                default:
                    if (ch >= 0x20 || ch == '\n' || ch == '\r' || ch == '\t') {
                        out.append(ch);
                    }
            }
        }
        return out.toString();
    }

    /** Errors as the specification has them: a list of code and description, with the same HTTP status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(Open311Error.class)
    ResponseEntity<String> error(Open311Error error, jakarta.servlet.http.HttpServletRequest request) {
        boolean xml = request.getRequestURI().toLowerCase(Locale.ROOT).endsWith(".xml");
        HttpStatus status = Optional.ofNullable(HttpStatus.resolve(error.code)).orElse(HttpStatus.BAD_REQUEST);
        String description = error.getMessage() == null ? "" : error.getMessage();
        if (xml) {
            return body(
                    "xml",
                    status,
                    xmlDeclaration() + "<errors><error><code>" + error.code + "</code><description>"
                            + escape(description) + "</description></error></errors>");
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", error.code);
        e.put("description", description);
        return body("json", status, json.writeValueAsString(List.of(e)));
    }

    private String text(String key, @Nullable Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
