package org.accord.meetings;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.basis.Bases;
import org.accord.basis.BasisTarget;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.Matter;
import org.accord.coordination.MatterRefused;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.security.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The meetings pages: list, week calendar, planning, notice, receipts, sign-in, outcome. */
@Controller
class MeetingPages {

    private static final String VIEWERS = "hasAnyRole('LEADER', 'STAFF', 'LIAISON')";
    private static final String STAFF = "hasRole('STAFF')";

    /** One unit's line on the receipts board. */
    record BoardRow(AttendingUnit unit, @Nullable Receipt receipt, String liaisons) {

        public String state() {
            if (receipt == null) {
                return "UNANSWERED";
            }
            if (!receipt.attending()) {
                return "DECLINED";
            }
            if (receipt.awaitingAcceptance()) {
                return "SUBSTITUTE_WAITING";
            }
            if (Receipt.REFUSED.equals(receipt.substituteDecision())) {
                return "SUBSTITUTE_REFUSED";
            }
            return receipt.substitute() ? "SUBSTITUTE_ACCEPTED" : "ATTENDING";
        }
    }

    /** One day of the week grid. */
    record Day(LocalDate date, String label, boolean workingDay, List<Meeting> meetings) {}

    private final MeetingDesk desk;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    private final Bases bases;

    MeetingPages(MeetingDesk desk, Directory directory, WorkingCalendar calendar, MessageSource messages, Bases bases) {
        this.bases = bases;
        this.desk = desk;
        this.directory = directory;
        this.calendar = calendar;
        this.messages = messages;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "meetings";
    }

    @GetMapping("/meetings")
    @PreAuthorize(VIEWERS)
    String list(Model model) {
        List<Meeting> meetings = desk.recent();
        model.addAttribute("meetings", meetings);
        model.addAttribute(
                "chairs", names(meetings.stream().map(Meeting::chairPersonId).toList()));
        model.addAttribute("whens", whens(meetings));
        model.addAttribute("canCreate", desk.scope().kind() == DataScope.Kind.OFFICE);
        return "meetings/list";
    }

    @GetMapping("/meetings/calendar")
    @PreAuthorize(VIEWERS)
    String week(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
            @RequestParam(required = false) @Nullable Long leader,
            @RequestParam(required = false) @Nullable Long room,
            Model model) {
        LocalDate monday = (week == null ? calendar.dateOf(Instant.now()) : week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Meeting> meetings = desk.week(monday, leader, room);
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            days.add(new Day(
                    date,
                    text("meetings.weekday." + date.getDayOfWeek().getValue()) + " " + date.getMonthValue() + "月"
                            + date.getDayOfMonth() + "日",
                    calendar.isWorkingDay(date),
                    meetings.stream()
                            .filter(meeting ->
                                    calendar.dateOf(meeting.startsAt()).equals(date))
                            .toList()));
        }
        model.addAttribute("days", days);
        model.addAttribute("monday", monday);
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute("rooms", desk.rooms());
        model.addAttribute("leader", leader);
        model.addAttribute("room", room);
        model.addAttribute("times", times(meetings));
        model.addAttribute(
                "chairs", names(meetings.stream().map(Meeting::chairPersonId).toList()));
        return "meetings/calendar";
    }

    @GetMapping("/meetings/new")
    @PreAuthorize(STAFF)
    String form(Model model) {
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute("rooms", desk.rooms());
        model.addAttribute("tomorrow", calendar.addWorkingDays(calendar.dateOf(Instant.now()), 2));
        return "meetings/new";
    }

    @PostMapping("/meetings")
    @PreAuthorize(STAFF)
    String create(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "THEMATIC") MeetingKind kind,
            @RequestParam(defaultValue = "0") long chairPersonId,
            @RequestParam(required = false) @Nullable Long roomId,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime start,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime end,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    LocalDateTime receiptDeadline,
            @RequestParam(defaultValue = "") String background,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String basis,
            @RequestParam(required = false) @Nullable String contactName,
            @RequestParam(required = false) @Nullable String contactPhone,
            @RequestParam(defaultValue = "false") boolean urgent) {
        long id = desk.create(
                title,
                kind,
                chairPersonId,
                roomId,
                place,
                date,
                start,
                end,
                receiptDeadline,
                background,
                purpose,
                basis,
                contactName,
                contactPhone,
                urgent);
        return "redirect:/meetings/" + id;
    }

    @GetMapping("/meetings/{id}")
    @PreAuthorize(VIEWERS)
    String meeting(@PathVariable long id, Model model) {
        Meeting meeting = desk.get(id);
        DataScope scope = desk.scope();
        boolean office = scope.kind() == DataScope.Kind.OFFICE;
        boolean organiser = office && Long.valueOf(meeting.organiserPersonId()).equals(scope.personId());
        boolean chair = Long.valueOf(meeting.chairPersonId()).equals(scope.personId());
        common(meeting, model);
        model.addAttribute("isOffice", office);
        model.addAttribute("isOrganiser", organiser);
        model.addAttribute("citations", bases.cited(BasisTarget.ofMeeting(id)));
        model.addAttribute("editable", organiser && meeting.status().open());
        if (office || chair) {
            Matter matter = desk.matter(meeting);
            model.addAttribute("consensus", ItemConsensus.of(meeting, matter));
            model.addAttribute("roundOpen", matter.openRound().isPresent());
            model.addAttribute("conflicts", desk.conflicts(meeting));
        }
        if (organiser) {
            Set<Long> asked = Set.copyOf(meeting.unitIds());
            List<UnitSummary> sections = desk.sections();
            Set<Long> sectionIds = sections.stream().map(UnitSummary::id).collect(Collectors.toSet());
            model.addAttribute(
                    "candidates",
                    directory.activeUnits().stream()
                            .filter(unit -> !asked.contains(unit.id()) && !sectionIds.contains(unit.id()))
                            .filter(unit -> unit.kind() != org.accord.directory.UnitKind.SECTION
                                    && unit.parentId() != null
                                    && !unit.code().equals("SZFB"))
                            .toList());
            model.addAttribute("sections", sections);
            model.addAttribute("cooperationKinds", CooperationKind.values());
            model.addAttribute("levels", AttendanceLevel.values());
            model.addAttribute("rooms", desk.rooms());
            model.addAttribute("held", !Instant.now().isBefore(meeting.startsAt()));
        }
        if (scope.kind() == DataScope.Kind.UNIT && !scope.unitIds().isEmpty()) {
            long unitId = scope.unitIds().iterator().next();
            meeting.unit(unitId).ifPresent(unit -> model.addAttribute("myUnit", unit));
            meeting.receipt(unitId).ifPresent(receipt -> model.addAttribute("myReceipt", receipt));
            model.addAttribute("myPeople", directory.people(unitId));
            model.addAttribute("levels", AttendanceLevel.values());
        }
        return "meetings/meeting";
    }

    @GetMapping("/meetings/{id}/receipts-board")
    @PreAuthorize(STAFF)
    String board(@PathVariable long id, Model model) {
        Meeting meeting = desk.get(id);
        common(meeting, model);
        DataScope scope = desk.scope();
        model.addAttribute(
                "isOrganiser", Long.valueOf(meeting.organiserPersonId()).equals(scope.personId()));
        return "meetings/board :: board";
    }

    @GetMapping("/meetings/{id}/notice")
    @PreAuthorize(VIEWERS)
    String notice(@PathVariable long id, Model model) {
        Meeting meeting = desk.get(id);
        common(meeting, model);
        DataScope scope = desk.scope();
        boolean office = scope.kind() == DataScope.Kind.OFFICE;
        boolean chair = Long.valueOf(meeting.chairPersonId()).equals(scope.personId());
        if (office || chair) {
            model.addAttribute("consensus", ItemConsensus.of(meeting, desk.matter(meeting)));
        }
        model.addAttribute(
                "isOrganiser",
                office && Long.valueOf(meeting.organiserPersonId()).equals(scope.personId()));
        model.addAttribute("isOffice", office);
        model.addAttribute("citations", bases.cited(BasisTarget.ofMeeting(id)));
        return "meetings/notice";
    }

    @GetMapping("/meetings/{id}/brief")
    @PreAuthorize("hasAnyRole('LEADER', 'STAFF')")
    String brief(@PathVariable long id, Model model) {
        Meeting meeting = desk.get(id);
        common(meeting, model);
        model.addAttribute("consensus", ItemConsensus.of(meeting, desk.matter(meeting)));
        return "meetings/brief";
    }

    @GetMapping(value = "/meetings/{id}/invitation.ics")
    @PreAuthorize(VIEWERS)
    ResponseEntity<byte[]> invitation(@PathVariable long id) {
        Meeting meeting = desk.get(id);
        PersonSummary organiser = directory.person(meeting.organiserPersonId()).orElseThrow();
        List<Invitation.Person> attendees = new ArrayList<>();
        for (AttendingUnit unit : meeting.units()) {
            for (PersonSummary liaison : directory.liaisons(unit.unitId())) {
                if (liaison.email() != null && !liaison.email().isBlank()) {
                    attendees.add(new Invitation.Person(liaison.name() + "（" + unit.unitName() + "）", liaison.email()));
                }
            }
        }
        String description = text("meetings.ics.description", meeting.purpose(), desk.deadline(meeting))
                + meeting.items().stream()
                        .map(item -> "\n" + item.number() + ". " + item.title())
                        .collect(Collectors.joining());
        String ics = Invitation.of(
                meeting,
                new Invitation.Person(
                        organiser.name(),
                        organiser.email() == null ? organiser.code() + "@accord.invalid" : organiser.email()),
                attendees,
                description,
                Instant.now());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("meeting-" + id + ".ics")
                                .build()
                                .toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/meetings/{id}/items")
    @PreAuthorize(STAFF)
    String addItem(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) @Nullable String presenter) {
        desk.addItem(id, title, presenter);
        return back(id);
    }

    @PostMapping("/meetings/{id}/units")
    @PreAuthorize(STAFF)
    String addUnit(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long unitId,
            @RequestParam(defaultValue = "IN_CHARGE") AttendanceLevel level,
            @RequestParam(defaultValue = "false") boolean important,
            @RequestParam(defaultValue = "false") boolean observer,
            @RequestParam(required = false) @Nullable Long requiredPersonId) {
        desk.addUnit(id, unitId, level, important, observer, requiredPersonId);
        return back(id);
    }

    @PostMapping("/meetings/{id}/units/{unitId}/important")
    @PreAuthorize(STAFF)
    String important(
            @PathVariable long id, @PathVariable long unitId, @RequestParam(defaultValue = "true") boolean important) {
        desk.markImportant(id, unitId, important);
        return back(id);
    }

    @PostMapping("/meetings/{id}/schedule")
    @PreAuthorize(STAFF)
    String reschedule(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long roomId,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime start,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime end,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    LocalDateTime receiptDeadline) {
        desk.reschedule(id, roomId, place, date, start, end, receiptDeadline);
        return back(id);
    }

    @PostMapping("/meetings/{id}/consultation")
    @PreAuthorize(STAFF)
    String consult(
            @PathVariable long id,
            @RequestParam(name = "unitId", required = false) @Nullable List<Long> unitIds,
            @RequestParam(defaultValue = "2") int workingDays) {
        desk.consult(id, unitIds == null ? List.of() : unitIds, workingDays);
        return back(id);
    }

    @PostMapping("/meetings/{id}/consultation/close")
    @PreAuthorize(STAFF)
    String closeConsultation(@PathVariable long id) {
        desk.closeConsultation(id);
        return back(id);
    }

    @PostMapping("/meetings/{id}/cooperations")
    @PreAuthorize(STAFF)
    String cooperation(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long sectionUnitId,
            @RequestParam(defaultValue = "ROOM") CooperationKind kind,
            @RequestParam(defaultValue = "") String detail,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate deadline) {
        desk.requestCooperation(id, sectionUnitId, kind, detail, deadline);
        return back(id);
    }

    @PostMapping("/meetings/{id}/notice")
    @PreAuthorize(STAFF)
    String send(@PathVariable long id) {
        desk.sendNotice(id);
        return back(id);
    }

    @PostMapping("/meetings/{id}/receipt")
    @PreAuthorize("hasRole('LIAISON')")
    String answer(
            @PathVariable long id,
            @RequestParam(defaultValue = "true") boolean attending,
            @RequestParam(required = false) @Nullable Long personId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String position,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable AttendanceLevel level,
            @RequestParam(required = false) @Nullable String reason) {
        desk.answer(id, attending, personId, name, position, phone, level, reason);
        return back(id);
    }

    @PostMapping("/meetings/{id}/receipts/{unitId}/substitute")
    @PreAuthorize(STAFF)
    String substitute(
            @PathVariable long id, @PathVariable long unitId, @RequestParam(defaultValue = "true") boolean accept) {
        desk.decideSubstitute(id, unitId, accept);
        return back(id);
    }

    @GetMapping("/meetings/{id}/sign-in")
    @PreAuthorize(STAFF)
    String signInList(@PathVariable long id, Model model) {
        Meeting meeting = desk.get(id);
        common(meeting, model);
        model.addAttribute(
                "absent",
                meeting.units().stream()
                        .filter(unit -> meeting.receipt(unit.unitId())
                                .map(receipt -> !receipt.expected() || !receipt.signedIn())
                                .orElse(true))
                        .toList());
        return "meetings/sign-in";
    }

    @PostMapping("/meetings/{id}/receipts/{receiptId}/sign-in")
    @PreAuthorize(STAFF)
    String signIn(@PathVariable long id, @PathVariable long receiptId) {
        desk.signIn(id, receiptId);
        return "redirect:/meetings/" + id + "/sign-in";
    }

    @GetMapping(value = "/meetings/{id}/receipts/{receiptId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAnyRole('STAFF', 'LIAISON')")
    ResponseEntity<byte[]> qr(@PathVariable long id, @PathVariable long receiptId) {
        Meeting meeting = desk.get(id);
        DataScope scope = desk.scope();
        Receipt receipt = meeting.receipts().stream()
                .filter(r -> r.id() == receiptId && r.expected())
                .filter(r -> scope.coversUnit(r.unitId()))
                .findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
        String address = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/meetings/{id}/sign-in/{token}")
                .buildAndExpand(id, receipt.token())
                .toUriString();
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(SignInCodes.png(address));
    }

    @GetMapping("/meetings/{id}/sign-in/{token}")
    @PreAuthorize(VIEWERS)
    String confirm(@PathVariable long id, @PathVariable String token, Model model) {
        Receipt receipt = desk.byToken(id, token);
        Meeting meeting = desk.get(id);
        common(meeting, model);
        model.addAttribute("receipt", receipt);
        model.addAttribute(
                "unitName",
                meeting.unit(receipt.unitId()).map(AttendingUnit::unitName).orElse(""));
        return "meetings/sign-in-confirm";
    }

    @PostMapping("/meetings/{id}/sign-in/{token}")
    @PreAuthorize(VIEWERS)
    String confirmed(@PathVariable long id, @PathVariable String token) {
        desk.signInByToken(id, token);
        return "redirect:/meetings/" + id + "/sign-in/" + token;
    }

    @PostMapping("/meetings/{id}/items/{itemId}/outcome")
    @PreAuthorize(STAFF)
    String outcome(@PathVariable long id, @PathVariable long itemId, @RequestParam(defaultValue = "") String outcome) {
        desk.recordOutcome(id, itemId, outcome);
        return back(id);
    }

    @PostMapping("/meetings/{id}/items/{itemId}/decisions")
    @PreAuthorize(STAFF)
    String decision(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable Long leadUnitId,
            @RequestParam(name = "cooperatingUnitId", required = false) @Nullable List<Long> cooperating,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate deadline) {
        desk.addDecision(
                id,
                itemId,
                new MeetingDesk.DecisionInput(
                        text, leadUnitId, cooperating == null ? List.of() : cooperating, deadline));
        return back(id);
    }

    @PostMapping("/meetings/{id}/conclude")
    @PreAuthorize(STAFF)
    String conclude(@PathVariable long id, @RequestParam(defaultValue = "true") boolean minutesWanted) {
        desk.conclude(id, minutesWanted);
        return back(id);
    }

    @PostMapping("/meetings/{id}/cancel")
    @PreAuthorize(STAFF)
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason) {
        desk.cancel(id, reason);
        return back(id);
    }

    @ExceptionHandler(MeetingRefused.class)
    ModelAndView refused(MeetingRefused refused) {
        ModelAndView page = new ModelAndView("meetings/refused", refused.status());
        page.addObject("message", refused.describe(messages));
        if (refused instanceof MeetingRefused.Conflicting) {
            page.addObject(
                    "conflicts",
                    ((MeetingRefused.Conflicting) refused)
                            .conflicts().stream()
                                    .map(conflict -> text(conflict.messageKey(), conflict.subject(), conflict.other()))
                                    .toList());
        }
        page.addObject("activeNav", "meetings");
        return page;
    }

    @ExceptionHandler(MatterRefused.class)
    ModelAndView kernelRefused(MatterRefused refused) {
        ModelAndView page = new ModelAndView(
                "meetings/refused",
                refused instanceof MatterRefused.InputMissing ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT);
        page.addObject("message", refused.describe(messages));
        page.addObject("activeNav", "meetings");
        return page;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badInput() {
        ModelAndView page = new ModelAndView("meetings/refused", HttpStatus.BAD_REQUEST);
        page.addObject("message", text("meetings.refused.badInput"));
        page.addObject("activeNav", "meetings");
        return page;
    }

    private void common(Meeting meeting, Model model) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("when", desk.when(meeting));
        model.addAttribute("deadline", desk.deadline(meeting));
        model.addAttribute("chair", directory.person(meeting.chairPersonId()).orElse(null));
        model.addAttribute(
                "organiser",
                directory
                        .person(meeting.organiserPersonId())
                        .map(PersonSummary::name)
                        .orElse("—"));
        model.addAttribute(
                "room",
                meeting.roomId() == null
                        ? null
                        : desk.rooms().stream()
                                .filter(room -> room.id() == meeting.roomId())
                                .findFirst()
                                .orElse(null));
        List<BoardRow> board = new ArrayList<>();
        for (AttendingUnit unit : meeting.units()) {
            board.add(new BoardRow(
                    unit,
                    meeting.receipt(unit.unitId()).orElse(null),
                    directory.liaisons(unit.unitId()).stream()
                            .map(person -> person.name()
                                    + Optional.ofNullable(person.mobile())
                                            .map(m -> " " + m)
                                            .orElse(""))
                            .collect(Collectors.joining("、"))));
        }
        model.addAttribute("board", board);
        model.addAttribute("answered", meeting.receipts().size());
        model.addAttribute(
                "signedIn",
                meeting.receipts().stream().filter(Receipt::signedIn).count());
        model.addAttribute(
                "expected",
                meeting.receipts().stream().filter(Receipt::expected).count());
        Map<Long, String> unitNames = new HashMap<>();
        directory.activeUnits().forEach(unit -> unitNames.put(unit.id(), unit.displayName()));
        model.addAttribute("unitNames", unitNames);
        model.addAttribute(
                "required",
                names(meeting.units().stream()
                        .map(AttendingUnit::requiredPersonId)
                        .filter(java.util.Objects::nonNull)
                        .map(Long.class::cast)
                        .toList()));
    }

    private Map<Long, String> names(List<Long> personIds) {
        Map<Long, String> names = new HashMap<>();
        for (Long id : personIds) {
            names.computeIfAbsent(
                    id, key -> directory.person(key).map(PersonSummary::name).orElse("—"));
        }
        return names;
    }

    private Map<Long, String> whens(List<Meeting> meetings) {
        Map<Long, String> whens = new LinkedHashMap<>();
        meetings.forEach(meeting -> whens.put(meeting.id(), desk.when(meeting)));
        return whens;
    }

    private Map<Long, String> times(List<Meeting> meetings) {
        Map<Long, String> times = new HashMap<>();
        for (Meeting meeting : meetings) {
            var start = meeting.startsAt().atZone(calendar.zone());
            var end = meeting.endsAt().atZone(calendar.zone());
            times.put(
                    meeting.id(),
                    String.format(
                            "%02d:%02d–%02d:%02d", start.getHour(), start.getMinute(), end.getHour(), end.getMinute()));
        }
        return times;
    }

    private static String back(long id) {
        return "redirect:/meetings/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
