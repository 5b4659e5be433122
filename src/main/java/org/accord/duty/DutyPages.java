package org.accord.duty;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitKind;
import org.accord.duty.DutyRefused.InputRejected;
import org.accord.duty.Rows.Notified;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The duty pages: the live desk and wall screen, intake, an incident, a report, the roster, a person's acknowledgments. */
@Controller
class DutyPages {

    private static final String VIEWERS = "hasAnyRole('LEADER', 'STAFF', 'LIAISON')";
    private static final String DESK = "hasAnyRole('LEADER', 'STAFF')";
    private static final String OFFICE = "hasRole('STAFF')";
    static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final DutyDesk desk;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    DutyPages(DutyDesk desk, Directory directory, WorkingCalendar calendar, MessageSource messages) {
        this.desk = desk;
        this.directory = directory;
        this.calendar = calendar;
        this.messages = messages;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "duty";
    }

    @ModelAttribute("zone")
    Object zone() {
        return calendar.zone();
    }

    @GetMapping("/duty")
    @PreAuthorize(VIEWERS)
    String desk(Model model) {
        if (desk.me().liaison()) {
            return acks(model);
        }
        model.addAttribute("desk", desk.desk());
        model.addAttribute("office", desk.me().office());
        model.addAttribute("wall", false);
        return "duty/desk";
    }

    /** The wall screen of the duty room: the same live panel, large. */
    @GetMapping("/duty/screen")
    @PreAuthorize(DESK)
    String screen(Model model) {
        model.addAttribute("desk", desk.desk());
        model.addAttribute("office", desk.me().office());
        model.addAttribute("wall", true);
        return "duty/desk";
    }

    /** The live part of the desk, fetched again by htmx whenever an incident changes. */
    @GetMapping("/duty/panel")
    @PreAuthorize(DESK)
    String panel(@RequestParam(defaultValue = "false") boolean wall, Model model) {
        model.addAttribute("desk", desk.desk());
        model.addAttribute("wall", wall);
        return "duty/fragments :: panel";
    }

    @GetMapping("/duty/incidents/new")
    @PreAuthorize(OFFICE)
    String intakeForm(@RequestParam(defaultValue = "false") boolean drill, Model model) {
        model.addAttribute("now", ZonedDateTime.now(calendar.zone()).format(LOCAL_SECONDS));
        model.addAttribute("drill", drill);
        model.addAttribute("units", directory.activeUnits());
        model.addAttribute(
                "districts",
                directory.activeUnits().stream()
                        .filter(unit -> unit.kind() == UnitKind.GOVERNMENT && unit.parentId() != null)
                        .filter(unit -> directory
                                .unit(unit.parentId())
                                .map(p -> p.kind() == UnitKind.GOVERNMENT && p.parentId() != null)
                                .orElse(false))
                        .toList());
        model.addAttribute("classes", EventClass.values());
        model.addAttribute("levels", Level.values());
        model.addAttribute("channels", IntakeChannel.values());
        return "duty/intake";
    }

    @PostMapping("/duty/incidents")
    @PreAuthorize(OFFICE)
    String intake(IntakeForm form) {
        return "redirect:/duty/incidents/" + desk.intake(form);
    }

    @GetMapping("/duty/incidents/{id}")
    @PreAuthorize(VIEWERS)
    String incident(@PathVariable long id, Model model) {
        DutyDesk.IncidentView view = desk.view(id);
        DutyDesk.Me me = desk.me();
        model.addAttribute("view", view);
        model.addAttribute("incident", view.incident());
        model.addAttribute("office", me.office());
        model.addAttribute("leader", me.leader());
        model.addAttribute("me", me);
        model.addAttribute("states", VerificationState.values());
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute("superior", desk.superior());
        model.addAttribute(
                "mine",
                view.notified().stream()
                        .filter(row -> !row.acknowledged()
                                && ((row.personId() != null && row.personId().equals(me.personId()))
                                        || (row.unitId() != null
                                                && me.liaison()
                                                && me.scope().unitIds().contains(row.unitId()))))
                        .map(Notified::id)
                        .toList());
        return "duty/incident";
    }

    @PostMapping("/duty/incidents/{id}/verification")
    @PreAuthorize(OFFICE)
    String verify(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String how) {
        desk.verify(id, enumOf(VerificationState.class, state, "duty.field.state"), how == null ? "" : how);
        return "redirect:/duty/incidents/" + id;
    }

    @PostMapping("/duty/incidents/{id}/phone-report")
    @PreAuthorize(OFFICE)
    String phoneReport(@PathVariable long id) {
        desk.phoneReported(id);
        return "redirect:/duty/incidents/" + id;
    }

    @PostMapping("/duty/incidents/{id}/instructions")
    @PreAuthorize(DESK)
    String instruct(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long leaderId,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable List<Long> unitIds) {
        desk.instruct(id, leaderId, text == null ? "" : text, true, unitIds == null ? List.of() : unitIds);
        return "redirect:/duty/incidents/" + id;
    }

    @PostMapping("/duty/incidents/{id}/reports")
    @PreAuthorize(OFFICE)
    String draft(@PathVariable long id, @RequestParam(required = false) @Nullable String kind) {
        long reportId = desk.draftReport(id, enumOf(ReportKind.class, kind, "duty.field.kind"));
        return "redirect:/duty/incidents/" + id + "/reports/" + reportId;
    }

    @GetMapping("/duty/incidents/{id}/reports/{reportId}")
    @PreAuthorize(VIEWERS)
    String report(@PathVariable long id, @PathVariable long reportId, Model model) {
        model.addAttribute("report", desk.report(id, reportId));
        model.addAttribute("incident", desk.incident(id));
        model.addAttribute("office", desk.me().office());
        model.addAttribute("superior", desk.superior());
        return "duty/report";
    }

    @PostMapping("/duty/incidents/{id}/reports/{reportId}")
    @PreAuthorize(OFFICE)
    String edit(
            @PathVariable long id,
            @PathVariable long reportId,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable String changes) {
        desk.editReport(id, reportId, body == null ? "" : body, changes);
        return "redirect:/duty/incidents/" + id + "/reports/" + reportId;
    }

    @PostMapping("/duty/incidents/{id}/reports/{reportId}/submit")
    @PreAuthorize(OFFICE)
    String submit(@PathVariable long id, @PathVariable long reportId) {
        desk.submitReport(id, reportId);
        return "redirect:/duty/incidents/" + id;
    }

    @PostMapping("/duty/incidents/{id}/end")
    @PreAuthorize(OFFICE)
    String end(@PathVariable long id) {
        desk.end(id);
        return "redirect:/duty/incidents/" + id;
    }

    @PostMapping("/duty/notifications/{id}/ack")
    @PreAuthorize(VIEWERS)
    String acknowledge(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String back) {
        long incident = desk.acknowledge(id, note);
        return "redirect:" + ("incident".equals(back) ? "/duty/incidents/" + incident : "/duty/acks");
    }

    @GetMapping("/duty/acks")
    @PreAuthorize(VIEWERS)
    String acks(Model model) {
        List<Notified> rows = desk.addressedToMe();
        model.addAttribute("rows", rows);
        model.addAttribute("incidents", desk.incidentsOf(rows));
        return "duty/acks";
    }

    @GetMapping("/duty/roster")
    @PreAuthorize(DESK)
    String roster(Model model) {
        LocalDate today = desk.roster().dayOf(java.time.Instant.now());
        List<Shift> shifts = desk.roster().between(today.minusDays(1), today.plusDays(13));
        List<Long> ids = new ArrayList<>();
        shifts.forEach(shift -> {
            ids.add(shift.leaderId());
            ids.addAll(shift.staffIds());
        });
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        ids.forEach(id -> names.put(id, desk.personName(id)));
        List<Roster.Handover> handovers = desk.roster().handovers(10);
        handovers.forEach(h -> {
            names.put(h.fromPerson(), desk.personName(h.fromPerson()));
            names.put(h.toPerson(), desk.personName(h.toPerson()));
        });
        model.addAttribute("shifts", shifts);
        model.addAttribute("names", names);
        model.addAttribute("handovers", handovers);
        model.addAttribute("office", desk.me().office());
        model.addAttribute("log", desk.me().office() ? desk.latestLog(30) : List.of());
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute("today", today);
        model.addAttribute(
                "doubleDays",
                shifts.stream()
                        .filter(s ->
                                desk.roster().needsDoubleStaffing(desk.roster().dayOf(s.startsAt())))
                        .map(Shift::id)
                        .toList());
        return "duty/roster";
    }

    @PostMapping("/duty/roster")
    @PreAuthorize(OFFICE)
    String putShift(
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(required = false) @Nullable Long leaderId,
            @RequestParam(required = false) @Nullable String staff,
            @RequestParam(required = false) @Nullable String note) {
        LocalDate date;
        try {
            date = LocalDate.parse(day == null ? "" : day.strip());
        } catch (DateTimeParseException e) {
            throw new InputRejected("duty.error.required", "duty.field.day");
        }
        if (leaderId == null) {
            throw new InputRejected("duty.error.required", "duty.field.leader");
        }
        desk.putShift(date, leaderId, people(staff), note);
        return "redirect:/duty/roster";
    }

    @PostMapping("/duty/handovers")
    @PreAuthorize(OFFICE)
    String handover(
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String openItems) {
        List<Long> people = people(to);
        if (people.size() != 1) {
            throw new InputRejected("duty.error.required", "duty.field.toPerson");
        }
        desk.handover(people.get(0), openItems == null ? "" : openItems);
        return "redirect:/duty/roster";
    }

    @PostMapping("/duty/log")
    @PreAuthorize(OFFICE)
    String log(
            @RequestParam(required = false) @Nullable Long incidentId,
            @RequestParam(required = false) @Nullable String text) {
        desk.logEntry(incidentId, text == null ? "" : text);
        return incidentId == null ? "redirect:/duty/roster" : "redirect:/duty/incidents/" + incidentId;
    }

    /** People named by directory code (P0031) or account-free name list, separated by commas or spaces. */
    private List<Long> people(@Nullable String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split("[,，、\\s]+"))
                .filter(code -> !code.isBlank())
                .map(code -> directory
                        .personByCode(code.strip().toUpperCase(Locale.ROOT))
                        .map(PersonSummary::id)
                        .orElseThrow(() -> new InputRejected("duty.error.unknownPerson", code.strip())))
                .toList();
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, @Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InputRejected("duty.error.required", field);
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputRejected("duty.error.required", field);
        }
    }

    @ExceptionHandler(InputRejected.class)
    ModelAndView rejected(InputRejected rejected) {
        return refused(HttpStatus.BAD_REQUEST, rejected);
    }

    @ExceptionHandler(DutyRefused.NotYourStep.class)
    ModelAndView notYours(DutyRefused refused) {
        return refused(HttpStatus.FORBIDDEN, refused);
    }

    @ExceptionHandler(DutyRefused.class)
    ModelAndView conflict(DutyRefused refused) {
        return refused(HttpStatus.CONFLICT, refused);
    }

    private ModelAndView refused(HttpStatus status, DutyRefused refused) {
        ModelAndView page = new ModelAndView("duty/refused", status);
        page.addObject("message", describe(messages, refused));
        page.addObject("code", status.value());
        page.addObject("activeNav", "duty");
        return page;
    }

    /** The Chinese message; arguments that are message keys (field names) are resolved too. */
    static String describe(MessageSource messages, DutyRefused refused) {
        Object[] resolved = Arrays.stream(refused.arguments())
                .map(argument -> argument instanceof String && ((String) argument).startsWith("duty.")
                        ? messages.getMessage((String) argument, null, (String) argument, Locale.SIMPLIFIED_CHINESE)
                        : argument)
                .toArray();
        return messages.getMessage(refused.messageKey(), resolved, refused.messageKey(), Locale.SIMPLIFIED_CHINESE);
    }
}
