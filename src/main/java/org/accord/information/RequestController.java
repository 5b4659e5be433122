package org.accord.information;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/** The pages of situation requests: the designer, the list, a request (the board or the unit's form), the aggregate. */
@Controller
@RequestMapping("/information/requests")
@PreAuthorize("hasAnyRole('STAFF', 'LIAISON')")
class RequestController {

    private final SituationRequests requests;
    private final RecurringRequests recurring;
    private final DataScopes scopes;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    RequestController(
            SituationRequests requests,
            RecurringRequests recurring,
            DataScopes scopes,
            Directory directory,
            WorkingCalendar calendar,
            MessageSource messages) {
        this.requests = requests;
        this.recurring = recurring;
        this.scopes = scopes;
        this.directory = directory;
        this.calendar = calendar;
        this.messages = messages;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "information";
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("requests", requests.list(scopes.current()));
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("now", Instant.now());
        return "information/requests";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('STAFF')")
    String designer(Model model) {
        designerModel(model, FormDesign.of(new RequestForm(List.of())), Map.of(), null, Map.of());
        return "information/designer";
    }

    /**
     * Opens a request, or starts a recurring one when a recurrence is chosen. A wrong entry re-renders the
     * designer with everything typed and the message (400); {@code action=more} only adds empty field rows.
     */
    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    String create(
            HttpServletRequest http,
            HttpServletResponse response,
            @AuthenticationPrincipal SignedInAccount me,
            Model model) {
        Map<String, String[]> parameters = http.getParameterMap();
        FormDesign design = FormDesign.fromParameters(parameters);
        Map<String, String> typed = new HashMap<>();
        for (String name : List.of(
                "title",
                "description",
                "basis",
                "example",
                "deadline",
                "workingDays",
                "zeroReport",
                "recurrence",
                "firstDate",
                "lastDate",
                "dueTime",
                "dueWorkingDays")) {
            String value = http.getParameter(name);
            typed.put(name, value == null ? "" : value);
        }
        typed.put("units", String.join(",", values(parameters, "units")));
        if ("more".equals(http.getParameter("action"))) {
            designerModel(model, design, Map.of(), null, typed);
            return "information/designer";
        }
        Map<Integer, String> rowErrors = new LinkedHashMap<>();
        RequestForm form = design.toForm(rowErrors);
        String error = null;
        if (rowErrors.containsKey(-1)) {
            error = InformationErrors.text(messages, rowErrors.remove(-1));
        }
        List<Long> unitIds = new ArrayList<>();
        for (String unit : values(parameters, "units")) {
            try {
                unitIds.add(Long.valueOf(unit));
            } catch (NumberFormatException e) {
                error = InformationErrors.text(messages, "information.error.units");
            }
        }
        if (error == null && rowErrors.isEmpty()) {
            try {
                String recurrence = typed.get("recurrence");
                if (recurrence.isBlank()) {
                    long id = requests.open(
                            new SituationRequests.Draft(
                                    typed.get("title"),
                                    typed.get("description"),
                                    typed.get("basis"),
                                    typed.get("example"),
                                    form,
                                    deadline(typed.get("deadline"), typed.get("workingDays")),
                                    "on".equals(typed.get("zeroReport")) || "true".equals(typed.get("zeroReport")),
                                    unitIds),
                            me);
                    return "redirect:/information/requests/" + id;
                }
                long series = recurring.start(
                        new RecurringRequests.Series(
                                0,
                                typed.get("title"),
                                typed.get("description"),
                                typed.get("basis"),
                                typed.get("example"),
                                form,
                                recurrence(recurrence),
                                unitIds,
                                time(typed.get("dueTime")),
                                integer(typed.get("dueWorkingDays"), 1),
                                "on".equals(typed.get("zeroReport")) || "true".equals(typed.get("zeroReport")),
                                date(typed.get("firstDate"), true),
                                typed.get("lastDate").isBlank() ? null : date(typed.get("lastDate"), false),
                                true,
                                0,
                                ""),
                        me);
                return "redirect:/information/series/" + series;
            } catch (InformationInputRejected rejected) {
                error = InformationErrors.text(messages, rejected.messageKey(), rejected.arguments());
            }
        }
        designerModel(model, design, rowErrors, error, typed);
        response.setStatus(400);
        return "information/designer";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        DataScope scope = scopes.current();
        SituationRequest request = requests.get(id, scope);
        model.addAttribute("request", request);
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("past", request.pastDeadline(Instant.now()));
        if (me.role() == Role.STAFF) {
            model.addAttribute("board", requests.board(id, scope));
            return "information/request-office";
        }
        Answer answer = requests.answerOf(id, scope);
        AnswerValues values = answer == null ? AnswerValues.empty() : answer.values();
        formModel(model, request, answer, values, Map.of(), scope);
        return "information/request-unit";
    }

    /** The board alone, for the page's polling. */
    @GetMapping("/{id}/board")
    @PreAuthorize("hasRole('STAFF')")
    String board(@PathVariable long id, Model model) {
        SituationRequest request = requests.get(id, scopes.current());
        model.addAttribute("request", request);
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("board", requests.board(id, scopes.current()));
        return "information/request-office :: board";
    }

    /**
     * The liaison's form: {@code action} is {@code draft}, {@code submit}, {@code addrow:<field>} or
     * {@code delrow:<field>:<row>} (the last two only re-render, saving nothing).
     */
    @PostMapping("/{id}/answer")
    @PreAuthorize("hasRole('LIAISON')")
    String answer(
            @PathVariable long id,
            HttpServletRequest http,
            HttpServletResponse response,
            @AuthenticationPrincipal SignedInAccount me,
            Model model,
            RedirectAttributes redirect) {
        DataScope scope = scopes.current();
        SituationRequest request = requests.get(id, scope);
        String action = http.getParameter("action") == null ? "draft" : http.getParameter("action");
        Map<String, Integer> extraRows = new HashMap<>();
        AnswerValues values = values(request.form(), http.getParameterMap(), action, extraRows);
        Set<Long> remove = new LinkedHashSet<>();
        for (String file : values(http.getParameterMap(), "removeFile")) {
            try {
                remove.add(Long.valueOf(file));
            } catch (NumberFormatException e) {
                throw new InformationInputRejected("information.check.fileName", file);
            }
        }
        Answer answer = requests.answerOf(id, scope);
        if (action.startsWith("addrow:") || action.startsWith("delrow:")) {
            formModel(model, request, answer, values, Map.of(), scope);
            model.addAttribute("extraRows", extraRows);
            return "information/request-unit";
        }
        Map<String, List<Upload>> uploads = uploads(request.form(), http);
        if ("submit".equals(action)) {
            SituationRequests.Submission submission = requests.submit(id, scope, me, values, uploads, remove);
            if (!submission.accepted()) {
                formModel(model, request, answer, values, submission.errors(), scope);
                response.setStatus(400);
                model.addAttribute("filesLost", uploads.values().stream().anyMatch(l -> !l.isEmpty()));
                return "information/request-unit";
            }
            redirect.addFlashAttribute("done", "information.answer.submitted");
        } else {
            requests.saveDraft(id, scope, me, values, uploads, remove);
            redirect.addFlashAttribute("done", "information.answer.saved");
        }
        return "redirect:/information/requests/" + id;
    }

    @PostMapping("/{id}/zero")
    @PreAuthorize("hasRole('LIAISON')")
    String zero(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
        requests.submitZero(id, scopes.current(), me);
        redirect.addFlashAttribute("done", "information.answer.submitted");
        return "redirect:/information/requests/" + id;
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('LIAISON')")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
        requests.withdraw(id, scopes.current(), me);
        redirect.addFlashAttribute("done", "information.answer.withdrawn");
        return "redirect:/information/requests/" + id;
    }

    @PostMapping("/{id}/units/{unitId}/allow-late")
    @PreAuthorize("hasRole('STAFF')")
    String allowLate(@PathVariable long id, @PathVariable long unitId) {
        requests.allowLate(id, unitId, scopes.current());
        return "redirect:/information/requests/" + id;
    }

    @PostMapping("/{id}/remind")
    @PreAuthorize("hasRole('STAFF')")
    String remind(@PathVariable long id, RedirectAttributes redirect) {
        int reminded = requests.remind(id, scopes.current());
        redirect.addFlashAttribute("reminded", reminded);
        return "redirect:/information/requests/" + id;
    }

    @GetMapping("/{id}/aggregate")
    @PreAuthorize("hasRole('STAFF')")
    String aggregate(@PathVariable long id, Model model) {
        Aggregate aggregate = requests.aggregate(id, scopes.current());
        model.addAttribute("aggregate", aggregate);
        model.addAttribute("request", aggregate.request());
        model.addAttribute("summary", aggregate.summary((key, args) -> InformationErrors.text(messages, key, args)));
        model.addAttribute("zone", calendar.zone());
        return "information/aggregate";
    }

    @GetMapping("/{id}/aggregate.xlsx")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        Aggregate aggregate = requests.aggregate(id, scopes.current());
        byte[] workbook = AggregateWorkbook.write(aggregate, key -> InformationErrors.text(messages, key));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Upload.TYPES.get("xlsx")))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(aggregate.request().title() + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(workbook);
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        RequestStore.StoredFile file = requests.file(id, fileId, scopes.current());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.content().length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    private void formModel(
            Model model,
            SituationRequest request,
            @Nullable Answer answer,
            AnswerValues values,
            Map<String, String> errors,
            DataScope scope) {
        List<RequestStore.AnswerFile> files = requests.files(answer);
        List<FieldView> fields = new ArrayList<>();
        for (FormField field : request.form().fields()) {
            Map<String, String> cellErrors = new HashMap<>();
            String prefix = field.key() + ".";
            errors.forEach((key, message) -> {
                if (key.startsWith(prefix)) {
                    cellErrors.put(key.substring(prefix.length()), message);
                }
            });
            fields.add(new FieldView(
                    field,
                    values.text(field.key()),
                    values.list(field.key()),
                    values.rows(field.key()),
                    errors.get(field.key()),
                    cellErrors,
                    files.stream().filter(f -> f.fieldKey().equals(field.key())).toList()));
        }
        model.addAttribute("request", request);
        model.addAttribute("answer", answer);
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors);
        model.addAttribute("mayAnswer", requests.mayAnswer(request, scope));
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("past", request.pastDeadline(Instant.now()));
        model.addAttribute(
                "unitName",
                SituationRequests.unitOf(scope) == null ? "" : requests.unitName(SituationRequests.unitOf(scope)));
        if (!model.containsAttribute("extraRows")) {
            model.addAttribute("extraRows", Map.of());
        }
    }

    /** The answer as posted: {@code f.<key>} for plain fields, {@code t.<key>.<row>.<column>} for table cells. */
    static AnswerValues values(
            RequestForm form, Map<String, String[]> parameters, String action, Map<String, Integer> extraRows) {
        AnswerValues values = new AnswerValues(Map.of());
        for (FormField field : form.fields()) {
            switch (field.type()) {
                case MULTIPLE:
                    values.put(field.key(), values(parameters, "f." + field.key()));
                    break;
                case ATTACHMENT:
                    break;
                case TABLE:
                    List<Map<String, String>> rows = new ArrayList<>();
                    int count = Math.min(integer(first(parameters, "rows." + field.key()), 0), field.rowsMax() + 1);
                    String deleted = "delrow:" + field.key() + ":";
                    for (int i = 0; i < count; i++) {
                        if (action.equals(deleted + i)) {
                            continue;
                        }
                        Map<String, String> row = new LinkedHashMap<>();
                        boolean any = false;
                        for (FormField column : field.columns()) {
                            String name = "t." + field.key() + "." + i + "." + column.key();
                            String cell = column.type() == FieldType.MULTIPLE
                                    ? String.join("、", values(parameters, name))
                                    : first(parameters, name).strip();
                            row.put(column.key(), cell);
                            any |= !cell.isBlank();
                        }
                        if (any) {
                            rows.add(row);
                        }
                    }
                    values.put(field.key(), rows);
                    if (action.equals("addrow:" + field.key())) {
                        extraRows.put(field.key(), 1);
                    }
                    break;
                default:
                    values.put(field.key(), first(parameters, "f." + field.key()));
            }
        }
        return values;
    }

    private static Map<String, List<Upload>> uploads(RequestForm form, HttpServletRequest http) {
        Map<String, List<Upload>> uploads = new LinkedHashMap<>();
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(http, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return uploads;
        }
        for (FormField field : form.fields()) {
            if (field.type() == FieldType.ATTACHMENT) {
                List<MultipartFile> files = multipart.getFiles("file." + field.key());
                List<Upload> checked = Upload.from(files, field.label());
                if (!checked.isEmpty()) {
                    uploads.put(field.key(), checked);
                }
            }
        }
        return uploads;
    }

    private Instant deadline(String text, String workingDays) {
        if (!workingDays.isBlank()) {
            int days = integer(workingDays, -1);
            if (days < 0 || days > 60) {
                throw new InformationInputRejected("information.error.dueDays");
            }
            return calendar.endOfOfficeHours(calendar.addWorkingDays(calendar.dateOf(Instant.now()), days));
        }
        try {
            return LocalDateTime.parse(text).atZone(calendar.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InformationInputRejected("information.error.deadline");
        }
    }

    private static Recurrence recurrence(String text) {
        try {
            return Recurrence.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InformationInputRejected("information.error.recurrence");
        }
    }

    private static LocalTime time(String text) {
        if (text.isBlank()) {
            return LocalTime.of(17, 0);
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InformationInputRejected("information.error.dueTime");
        }
    }

    private LocalDate date(String text, boolean defaultToday) {
        if (text.isBlank() && defaultToday) {
            return calendar.dateOf(Instant.now());
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InformationInputRejected("information.error.seriesDates");
        }
    }

    static int integer(@Nullable String text, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static List<String> values(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    result.add(value.strip());
                }
            }
        }
        return result;
    }

    static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }

    private void designerModel(
            Model model,
            FormDesign design,
            Map<Integer, String> rowErrors,
            @Nullable String error,
            Map<String, String> typed) {
        Map<Integer, String> shown = new LinkedHashMap<>();
        rowErrors.forEach((row, key) -> shown.put(row, InformationErrors.text(messages, key)));
        model.addAttribute("design", design.withEmptyRows());
        model.addAttribute("rowErrors", shown);
        model.addAttribute("error", error);
        model.addAttribute("typed", typed);
        // Set.copyOf, not Set.of: the units come back from the browser and may repeat.
        model.addAttribute(
                "chosenUnits",
                Set.copyOf(Arrays.asList(typed.getOrDefault("units", "").split(","))));
        model.addAttribute("types", FieldType.values());
        model.addAttribute("units", requests.askableUnits());
        model.addAttribute("recurrences", Recurrence.values());
    }
}
