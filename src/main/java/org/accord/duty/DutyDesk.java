package org.accord.duty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.MatterKind;
import org.accord.coordination.Matters;
import org.accord.coordination.PartyRole;
import org.accord.coordination.TimelineEntry;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.duty.DutyRefused.InputRejected;
import org.accord.duty.Rows.Arrangement;
import org.accord.duty.Rows.Instruction;
import org.accord.duty.Rows.LogEntry;
import org.accord.duty.Rows.Notified;
import org.accord.duty.Rows.PlanEntry;
import org.accord.duty.Rows.Report;
import org.accord.duty.Rows.ToNotify;
import org.accord.duty.Rows.VerificationStep;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.supervision.SourceKind;
import org.accord.supervision.Supervision;
import org.accord.supervision.TaskRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The duty desk: every step the pages and the API take on incidents and the roster goes through here, as the
 * person signed in on the current thread. An incident outside the viewer's scope does not exist for them (404).
 */
@Service
class DutyDesk {

    static final String MODULE = "duty";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** Who is acting: their scope, their account name and their person. */
    record Me(DataScope scope, String username, @Nullable Long personId) {

        public boolean office() {
            return scope.kind() == DataScope.Kind.OFFICE;
        }

        public boolean leader() {
            return scope.kind() == DataScope.Kind.LEADER;
        }

        public boolean liaison() {
            return scope.kind() == DataScope.Kind.UNIT;
        }
    }

    /** An incident with everything its page and the desk screen show. */
    record IncidentView(
            Incident incident,
            List<ReportClocks.Clock> clocks,
            List<Notified> notified,
            List<VerificationStep> verifications,
            List<Instruction> instructions,
            List<Report> reports,
            List<Arrangement> arrangements,
            List<TimelineEntry> timeline,
            List<LogEntry> log,
            VerificationAdvice advice,
            boolean forwardingWaits,
            Map<Long, String> people,
            Map<Long, String> units) {

        public long acknowledged() {
            return notified.stream().filter(Notified::acknowledged).count();
        }

        public boolean firstReportSubmitted() {
            return reports.stream().anyMatch(report -> report.kind() == ReportKind.FIRST && report.submitted());
        }

        public Optional<Report> draft() {
            return reports.stream().filter(report -> !report.submitted()).findFirst();
        }

        public String unitName(@Nullable Long id) {
            return id == null ? "" : units.getOrDefault(id, "?");
        }

        public String personName(@Nullable Long id) {
            return id == null ? "" : people.getOrDefault(id, "?");
        }
    }

    /** The duty desk screen: the shift on duty now, the open incidents and the latest log entries. */
    record Desk(@Nullable Shift shift, List<IncidentView> incidents, List<LogEntry> log, Map<Long, String> people) {

        public String personName(@Nullable Long id) {
            return id == null ? "" : people.getOrDefault(id, "?");
        }
    }

    private final Incidents incidents;
    private final Roster roster;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Matters matters;
    private final Supervision supervision;
    private final Fanout fanout;
    private final DutyTimers timers;
    private final DataScopes scopes;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final DutyProperties properties;

    DutyDesk(
            Incidents incidents,
            Roster roster,
            Directory directory,
            WorkingCalendar calendar,
            Matters matters,
            Supervision supervision,
            Fanout fanout,
            DutyTimers timers,
            DataScopes scopes,
            ApplicationEventPublisher events,
            MessageSource messages,
            DutyProperties properties) {
        this.incidents = incidents;
        this.roster = roster;
        this.directory = directory;
        this.calendar = calendar;
        this.matters = matters;
        this.supervision = supervision;
        this.fanout = fanout;
        this.timers = timers;
        this.scopes = scopes;
        this.events = events;
        this.messages = messages;
        this.properties = properties;
    }

    Me me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        DataScope scope = scopes.current();
        return new Me(scope, authentication == null ? DutyTimers.SYSTEM : authentication.getName(), scope.personId());
    }

    // ---------------------------------------------------------------- intake

    /**
     * Takes a report: records the incident and its kernel matter, tells the leader on duty, the leader overseeing
     * the area and the plan's units at once, opens the first arrangements as supervised tasks, and starts the
     * report clocks, the escalation and the reminders. All in one transaction.
     */
    @Transactional
    long intake(IntakeForm form) {
        Me me = officer();
        Instant now = Instant.now();
        Instant received = receivedAt(form.receivedAt(), now);
        UnitSummary reporterUnit = form.reporterUnitId() == null ? null : unit(form.reporterUnitId(), "reporterUnit");
        UnitSummary district = form.districtUnitId() == null ? null : unit(form.districtUnitId(), "district");
        UnitSummary concerned = form.concernedUnitId() == null ? null : unit(form.concernedUnitId(), "concernedUnit");
        String reporterName = form.reporterName() == null || form.reporterName().isBlank()
                ? (reporterUnit == null ? null : reporterUnit.displayName())
                : form.reporterName().strip();
        if (reporterName == null) {
            throw new InputRejected("duty.error.required", "duty.field.reporter");
        }
        String eventType = required(form.eventType(), "duty.field.eventType", 100);
        String place = required(form.place(), "duty.field.place", 300);
        String what = required(form.what(), "duty.field.what", 4000);
        EventClass eventClass = form.eventClass() == null ? EventClass.ACCIDENT : form.eventClass();
        Level level = form.level() == null ? Level.IV : form.level();
        boolean drill = Boolean.TRUE.equals(form.drill());
        boolean authoritative = reporterUnit != null && reporterUnit.authoritative();
        String doubtful = optional(form.doubtful(), 1000);
        String measures = optional(form.measuresTaken(), 2000);
        VerificationAdvice advice = VerificationAdvice.of(
                properties.hedgingWords(), authoritative, doubtful, what, place, measures == null ? "" : measures);
        String title = clip(place + eventType, 180);
        String matterTitle = (drill ? text("duty.drill.prefix") : "") + title;
        long matterId = matters.create(
                matterTitle,
                MatterKind.INCIDENT,
                what,
                text("duty.matter.purpose", text(level.messageKey())),
                List.of(),
                List.of());
        Incident draft = new Incident(
                0,
                matterId,
                drill,
                title,
                received,
                now,
                Objects.requireNonNull(me.personId()),
                reporterUnit == null ? null : reporterUnit.id(),
                clip(reporterName, 100),
                optional(form.reporterPosition(), 100),
                optional(form.reporterPhone(), 40),
                authoritative,
                form.channel() == null ? IntakeChannel.PHONE : form.channel(),
                eventClass,
                eventType,
                level,
                district == null ? null : district.id(),
                concerned == null ? null : concerned.id(),
                properties.jurisdiction(),
                place,
                what,
                count(form.deaths(), "duty.field.deaths"),
                count(form.injured(), "duty.field.injured"),
                count(form.missing(), "duty.field.missing"),
                measures,
                doubtful,
                VerificationState.UNVERIFIED,
                advice.advised(),
                advice.advised() ? reasons(advice) : null,
                IncidentStatus.OPEN,
                null,
                null,
                null);
        long id = incidents.insert(draft);
        Incident incident = incidents.find(id).orElseThrow();

        // The plan's units become parties of the matter and are told with the leaders, in one batch.
        Map<Long, PlanEntry> units = planUnits(incident, district);
        for (Map.Entry<Long, PlanEntry> entry : units.entrySet()) {
            matters.addParty(
                    matterId,
                    entry.getKey(),
                    null,
                    PartyRole.valueOf(entry.getValue().role()));
        }
        List<ToNotify> rows = new ArrayList<>();
        Set<Long> leaderIds = new LinkedHashSet<>();
        roster.at(received)
                .or(() -> roster.at(now))
                .flatMap(shift -> directory.person(shift.leaderId()))
                .ifPresent(leader -> {
                    leaderIds.add(leader.id());
                    rows.add(new ToNotify(
                            null, NotificationKind.LEADER_ON_DUTY, leader.id(), null, DutyTimers.leaderName(leader)));
                });
        Long area = incident.reporterUnitId();
        if (concerned != null) {
            area = concerned.id();
        } else if (district != null) {
            area = district.id();
        }
        if (area != null) {
            directory.overseeingLeader(area).ifPresent(leader -> {
                if (leaderIds.add(leader.id())) {
                    rows.add(new ToNotify(
                            null,
                            NotificationKind.OVERSEEING_LEADER,
                            leader.id(),
                            null,
                            DutyTimers.leaderName(leader)));
                }
            });
        }
        if (leaderIds.isEmpty()) {
            timers.nextLeader(Set.of())
                    .ifPresent(leader -> rows.add(new ToNotify(
                            null,
                            NotificationKind.ESCALATED_LEADER,
                            leader.id(),
                            null,
                            DutyTimers.leaderName(leader))));
        }
        units.keySet()
                .forEach(unitId -> rows.add(new ToNotify(
                        null,
                        NotificationKind.UNIT,
                        null,
                        unitId,
                        directory.unit(unitId).map(UnitSummary::displayName).orElse("?"))));
        String noticeTitle = text("duty.notice.incident", prefix(incident), text(level.messageKey()), title);
        String noticeBody = text(
                "duty.notice.incidentBody",
                ReportWriter.time(received, calendar.zone()),
                place,
                what,
                text(incident.verification().messageKey()));
        fanout.tell(incident, rows, noticeTitle, noticeBody, now);

        // First arrangements: minute deadlines here, supervised tasks (whole days) there.
        for (Map.Entry<Long, PlanEntry> entry : units.entrySet()) {
            PlanEntry plan = entry.getValue();
            if (plan.arrangement() != null && plan.arrangementMinutes() != null) {
                Instant due = received.plus(Duration.ofMinutes(plan.arrangementMinutes()));
                long arrangementId = incidents.insertArrangement(id, entry.getKey(), plan.arrangement(), due);
                long taskId = supervision.open(new TaskRequest(
                        SourceKind.ARRANGEMENT,
                        arrangementId,
                        prefix(incident) + title + "：" + plan.arrangement(),
                        entry.getKey(),
                        Set.of(),
                        calendar.dateOf(due)));
                incidents.setArrangementTask(arrangementId, taskId);
                timers.schedule(DutyTimer.ARRANGEMENT_DUE, String.valueOf(arrangementId), due);
            }
        }
        timers.scheduleClock(incident, ClockChannel.PHONE, received, 0);
        timers.scheduleClock(incident, ClockChannel.WRITTEN, received, 0);
        timers.schedule(DutyTimer.ESCALATE, id + ":0", now.plus(properties.escalateAfter()));
        timers.schedule(DutyTimer.REMIND, id + ":" + now.getEpochSecond(), now.plus(properties.remindAfter()));

        String logText = text(
                "duty.log.received",
                prefix(incident) + title,
                text(level.messageKey()),
                reporterName,
                rows.stream().map(ToNotify::name).collect(Collectors.joining("、")));
        incidents.log(now, me.username(), id, logText);
        matters.record(matterId, me.username(), "incident-received", logText);
        audit(incident, "intake", null, "level=" + level + "; type=" + eventType + "; drill=" + drill);
        return id;
    }

    /** The units of the plan for the incident's type, level and district, each with the plan row that names it. */
    private Map<Long, PlanEntry> planUnits(Incident incident, @Nullable UnitSummary district) {
        Map<Long, PlanEntry> units = new LinkedHashMap<>();
        String districtCode = district == null ? "" : district.code();
        for (PlanEntry entry : incidents.plan(incident.eventType(), incident.level(), districtCode)) {
            Optional<UnitSummary> unit;
            if (entry.unitCode() != null) {
                unit = directory.unitByCode(entry.unitCode());
            } else if (district != null && entry.districtSuffix() != null) {
                unit = directory.unitByCode(district.code() + entry.districtSuffix());
            } else {
                unit = Optional.empty();
            }
            unit.filter(UnitSummary::active).ifPresent(found -> units.putIfAbsent(found.id(), entry));
        }
        return units;
    }

    // ---------------------------------------------------------------- verification, reports up

    @Transactional
    void verify(long id, VerificationState to, String how) {
        Me me = officer();
        Incident incident = forChange(id, me);
        incident.changeVerification(to);
        String cleanHow = required(how, "duty.field.how", 1000);
        Instant now = Instant.now();
        incidents.setVerification(id, to);
        incidents.insertVerification(
                id,
                incident.verification(),
                to,
                Objects.requireNonNull(me.personId()),
                personName(me.personId()),
                cleanHow,
                now);
        String logText =
                text("duty.log.verified", text(incident.verification().messageKey()), text(to.messageKey()), cleanHow);
        incidents.log(now, me.username(), id, logText);
        matters.record(incident.matterId(), me.username(), "verification", logText);
        audit(incident, "verify", incident.verification().name(), to.name() + ": " + cleanHow);
        if (to == VerificationState.FALSE) {
            // A false report ends the response; a correcting final report is drafted at once.
            if (incident.status() == IncidentStatus.OPEN) {
                incidents.setStatus(id, IncidentStatus.ENDED, now);
                timers.scheduleClock(incidents.find(id).orElseThrow(), ClockChannel.FINAL, now, 0);
            }
            if (reportsOf(id).stream().noneMatch(r -> r.kind() == ReportKind.FINAL || !r.submitted())) {
                draftReport(id, ReportKind.FINAL);
            }
        }
        fanout.changed(id, "verification");
    }

    /** The phone report to the superior duty office was made now: the phone clock stops. */
    @Transactional
    void phoneReported(long id) {
        Me me = officer();
        Incident incident = forChange(id, me);
        incident.requireNotClosed();
        if (incident.forwardingWaits(waitSetting())) {
            throw new DutyRefused.ForwardingWaitsForVerification();
        }
        if (incident.phoneReportedAt() != null) {
            throw new DutyRefused.ReportAlreadySubmitted();
        }
        Instant now = Instant.now();
        incidents.setPhoneReported(id, now);
        String logText = text(
                "duty.log.phoneReported",
                superior().displayName(),
                text(incident.verification().messageKey()));
        incidents.log(now, me.username(), id, logText);
        matters.record(incident.matterId(), me.username(), "phone-report", logText);
        audit(incident, "phone-report", null, superior().code());
        fanout.changed(id, "phone-report");
    }

    /** Drafts the next report from the record: first, follow-up or final. */
    @Transactional
    long draftReport(long id, ReportKind kind) {
        Me me = officer();
        Incident incident = forChange(id, me);
        incident.requireNotClosed();
        List<Report> reports = reportsOf(id);
        if (reports.stream().anyMatch(report -> !report.submitted())) {
            throw new DutyRefused.ReportOutOfOrder();
        }
        boolean firstUp = reports.stream().anyMatch(report -> report.kind() == ReportKind.FIRST);
        boolean correcting = incident.verification() == VerificationState.FALSE && kind == ReportKind.FINAL;
        if ((kind == ReportKind.FIRST && firstUp)
                || (kind == ReportKind.FOLLOW_UP && !firstUp)
                || (kind == ReportKind.FINAL && !firstUp && !correcting)
                || reports.stream().anyMatch(report -> report.kind() == ReportKind.FINAL)) {
            throw new DutyRefused.ReportOutOfOrder();
        }
        int number = reports.size() + 1;
        ReportWriter writer = writer();
        String body = writer.body(kind, number, correcting, record(incident));
        String changes = null;
        if (kind != ReportKind.FIRST) {
            Instant since = reports.stream()
                    .map(Report::submittedAt)
                    .filter(Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(incident.receivedAt());
            changes = writer.changes(incidents.log(id).stream()
                    .filter(entry -> entry.at().isAfter(since))
                    .toList());
        }
        long reportId = incidents.insertReport(
                id, kind, number, body, changes, incident.verification(), correcting, Instant.now(), me.personId());
        audit(incident, "draft-report", null, kind + " #" + number);
        return reportId;
    }

    @Transactional
    void editReport(long id, long reportId, String body, @Nullable String changes) {
        Me me = officer();
        Incident incident = forChange(id, me);
        Report report = report(id, reportId);
        if (report.submitted()) {
            throw new DutyRefused.ReportAlreadySubmitted();
        }
        incidents.updateReport(reportId, required(body, "duty.field.body", 20000), optional(changes, 4000));
        audit(incident, "edit-report", null, report.kind() + " #" + report.number());
    }

    /**
     * Sends a report up to the superior duty office, with the time. The first report of a level I or II incident
     * never waits for verification (it goes up marked with its verification state); lower levels may, as set.
     */
    @Transactional
    void submitReport(long id, long reportId) {
        Me me = officer();
        Incident incident = forChange(id, me);
        Report report = report(id, reportId);
        if (report.submitted()) {
            throw new DutyRefused.ReportAlreadySubmitted();
        }
        if (report.kind() == ReportKind.FIRST && incident.forwardingWaits(waitSetting())) {
            throw new DutyRefused.ForwardingWaitsForVerification();
        }
        Instant now = Instant.now();
        UnitSummary superior = superior();
        incidents.submitReport(
                reportId, incident.verification(), now, Objects.requireNonNull(me.personId()), superior.id());
        String logText = text(
                "duty.log.reportSubmitted",
                text(report.kind().messageKey()),
                report.number(),
                superior.displayName(),
                text(incident.verification().messageKey()));
        incidents.log(now, me.username(), id, logText);
        matters.record(incident.matterId(), me.username(), "report-submitted", logText);
        audit(incident, "submit-report", null, report.kind() + " #" + report.number() + " to " + superior.code());
        if (report.kind() == ReportKind.FINAL) {
            incidents.setStatus(id, IncidentStatus.CLOSED, now);
            if (matters.get(incident.matterId()).ownerId() == me.personId()) {
                matters.close(incident.matterId());
            }
        } else if (incident.status() == IncidentStatus.OPEN) {
            int submitted =
                    (int) reportsOf(id).stream().filter(Report::submitted).count();
            timers.scheduleClock(incident, ClockChannel.FOLLOW_UP, now, submitted);
        }
        fanout.changed(id, "report");
    }

    /** The response is over: the final report is due, on its own clock. */
    @Transactional
    void end(long id) {
        Me me = officer();
        Incident incident = forChange(id, me);
        incident.end();
        Instant now = Instant.now();
        incidents.setStatus(id, IncidentStatus.ENDED, now);
        incidents.log(now, me.username(), id, text("duty.log.ended"));
        matters.record(incident.matterId(), me.username(), "ended", text("duty.log.ended"));
        audit(incident, "end", IncidentStatus.OPEN.name(), IncidentStatus.ENDED.name());
        timers.scheduleClock(incident, ClockChannel.FINAL, now, 0);
        fanout.changed(id, "ended");
    }

    // ---------------------------------------------------------------- acknowledgments, instructions

    /**
     * Acknowledges a notification: the leader told, a liaison of the unit told, or an officer who took the
     * acknowledgment by phone (with a note of how).
     */
    @Transactional
    long acknowledge(long notificationId, @Nullable String note) {
        Me me = me();
        Notified row = incidents
                .notification(notificationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Incident incident = forChange(row.incidentId(), me);
        boolean own = (row.personId() != null && row.personId().equals(me.personId()))
                || (row.unitId() != null && me.liaison() && me.scope().unitIds().contains(row.unitId()));
        if (!own && !me.office()) {
            throw new DutyRefused.NotYourStep();
        }
        String cleanNote = optional(note, 500);
        if (!own && cleanNote == null) {
            throw new InputRejected("duty.error.required", "duty.field.ackNote");
        }
        Instant now = Instant.now();
        if (!incidents.acknowledge(notificationId, me.username(), cleanNote, now)) {
            throw new DutyRefused.AlreadyAcknowledged();
        }
        String logText = text(
                own ? "duty.log.acknowledged" : "duty.log.acknowledgedFor",
                row.name(),
                personName(me.personId()),
                cleanNote == null ? "" : cleanNote);
        incidents.log(now, me.username(), incident.id(), logText);
        audit(incident, "acknowledge", null, row.kind() + " " + row.name());
        fanout.changed(incident.id(), "acknowledged");
        return incident.id();
    }

    /**
     * A leader's instruction, given in the app or taken by an officer on the phone, relayed in one step to the
     * units concerned (by default every unit told), each acknowledgment tracked, and placed on the matter's
     * timeline with the relay beside the original.
     */
    @Transactional
    long instruct(long id, @Nullable Long leaderId, String text, boolean byPhone, Collection<Long> unitIds) {
        Me me = me();
        Incident incident = forChange(id, me);
        incident.requireNotClosed();
        long leader;
        if (me.leader() && me.personId() != null) {
            leader = me.personId();
            byPhone = false;
        } else if (me.office() && leaderId != null) {
            leader = directory
                    .person(leaderId)
                    .filter(PersonSummary::isLeader)
                    .map(PersonSummary::id)
                    .orElseThrow(() -> new InputRejected("duty.error.required", "duty.field.leader"));
            byPhone = true;
        } else if (me.office()) {
            throw new InputRejected("duty.error.required", "duty.field.leader");
        } else {
            throw new DutyRefused.NotYourStep();
        }
        String clean = required(text, "duty.field.instruction", 2000);
        List<Notified> told = incidents.notifications(id);
        List<Long> units = unitIds.isEmpty()
                ? told.stream()
                        .filter(row -> row.kind() == NotificationKind.UNIT)
                        .map(Notified::unitId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList()
                : List.copyOf(new LinkedHashSet<>(unitIds));
        for (Long unit : units) {
            unit(unit, "duty.field.units");
        }
        Instant now = Instant.now();
        long instructionId = incidents.insertInstruction(
                id,
                leader,
                clean,
                byPhone,
                Objects.requireNonNull(me.personId()),
                now,
                units.stream().map(String::valueOf).collect(Collectors.joining(",")));
        String leaderName = personName(leader);
        String original =
                text(byPhone ? "duty.timeline.instructionByPhone" : "duty.timeline.instruction", leaderName, clean);
        long entry = matters.record(incident.matterId(), me.username(), "instruction", original);
        if (!units.isEmpty()) {
            matters.relay(
                    incident.matterId(), me.username(), entry, units, text("duty.timeline.relayed", leaderName, clean));
            List<ToNotify> rows = units.stream()
                    .map(unit -> new ToNotify(
                            instructionId,
                            NotificationKind.INSTRUCTION,
                            null,
                            unit,
                            directory.unit(unit).map(UnitSummary::displayName).orElse("?")))
                    .toList();
            fanout.tell(
                    incident,
                    rows,
                    text("duty.notice.instruction", prefix(incident) + incident.title(), leaderName),
                    clean,
                    now);
            timers.schedule(DutyTimer.REMIND, id + ":" + now.getEpochSecond(), now.plus(properties.remindAfter()));
        }
        incidents.log(
                now, me.username(), id, original + (units.isEmpty() ? "" : text("duty.log.relayedTo", units.size())));
        audit(incident, "instruction", null, leaderName + ": " + clean);
        fanout.changed(id, "instruction");
        return instructionId;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    IncidentView view(long id) {
        Me me = me();
        Incident incident = visible(id, me);
        return view(incident, Instant.now(), timers.clocks());
    }

    @Transactional(readOnly = true)
    Incident incident(long id) {
        return visible(id, me());
    }

    @Transactional(readOnly = true)
    List<Incident> list() {
        Me me = me();
        return incidents.recent(200).stream().filter(i -> sees(i, me)).toList();
    }

    @Transactional(readOnly = true)
    Desk desk() {
        Me me = me();
        Instant now = Instant.now();
        ReportClocks clocks = timers.clocks();
        List<IncidentView> open = incidents.open().stream()
                .filter(i -> sees(i, me))
                .map(i -> view(i, now, clocks))
                .toList();
        Shift shift = roster.at(now).orElse(null);
        Map<Long, String> people = new HashMap<>();
        if (shift != null) {
            people.put(shift.leaderId(), personName(shift.leaderId()));
            shift.staffIds().forEach(staff -> people.put(staff, personName(staff)));
        }
        List<LogEntry> log = me.office() ? incidents.latestLog(15) : List.of();
        return new Desk(shift, open, log, people);
    }

    /** What the signed-in leader or liaison has been told about, not yet acknowledged first. */
    @Transactional(readOnly = true)
    List<Notified> addressedToMe() {
        Me me = me();
        Long unit = me.liaison() && !me.scope().unitIds().isEmpty()
                ? me.scope().unitIds().iterator().next()
                : null;
        return incidents.addressedTo(unit, me.personId(), 100);
    }

    @Transactional(readOnly = true)
    Map<Long, Incident> incidentsOf(Collection<Notified> rows) {
        Map<Long, Incident> found = new HashMap<>();
        for (Notified row : rows) {
            found.computeIfAbsent(
                    row.incidentId(), incidentId -> incidents.find(incidentId).orElseThrow());
        }
        return found;
    }

    @Transactional(readOnly = true)
    Report report(long id, long reportId) {
        visible(id, me());
        return reportsOf(id).stream()
                .filter(report -> report.id() == reportId)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    List<Report> reportsOf(long id) {
        return incidents.reports(id);
    }

    /** The submitted reports before this one, for the CAP {@code references}. */
    @Transactional(readOnly = true)
    List<Report> earlier(long id, Report report) {
        return reportsOf(id).stream()
                .filter(other -> other.number() < report.number() && other.submitted())
                .toList();
    }

    private IncidentView view(Incident incident, Instant now, ReportClocks clocks) {
        List<Report> reports = reportsOf(incident.id());
        List<ReportClocks.Clock> running = new ArrayList<>();
        clocks.clock(
                        incident.jurisdiction(),
                        incident.level(),
                        ClockChannel.PHONE,
                        incident.receivedAt(),
                        incident.phoneReportedAt(),
                        now)
                .ifPresent(running::add);
        Instant written = reports.stream()
                .filter(report -> report.kind() == ReportKind.FIRST)
                .map(Report::submittedAt)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        clocks.clock(
                        incident.jurisdiction(),
                        incident.level(),
                        ClockChannel.WRITTEN,
                        incident.receivedAt(),
                        written,
                        now)
                .ifPresent(running::add);
        Instant last = reports.stream()
                .map(Report::submittedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        if (incident.status() == IncidentStatus.OPEN && last != null) {
            clocks.clock(incident.jurisdiction(), incident.level(), ClockChannel.FOLLOW_UP, last, null, now)
                    .ifPresent(running::add);
        }
        if (incident.endedAt() != null) {
            Instant finalAt = reports.stream()
                    .filter(report -> report.kind() == ReportKind.FINAL)
                    .map(Report::submittedAt)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            clocks.clock(
                            incident.jurisdiction(),
                            incident.level(),
                            ClockChannel.FINAL,
                            incident.endedAt(),
                            finalAt,
                            now)
                    .ifPresent(running::add);
        }
        List<Notified> notified = incidents.notifications(incident.id());
        List<Instruction> instructions = incidents.instructions(incident.id());
        List<Arrangement> arrangements = incidents.arrangements(incident.id());
        Map<Long, String> people = new HashMap<>();
        Map<Long, String> units = new HashMap<>();
        people.put(incident.recordedBy(), personName(incident.recordedBy()));
        instructions.forEach(i -> people.put(i.leaderId(), personName(i.leaderId())));
        reports.forEach(r -> {
            if (r.submittedBy() != null) {
                people.put(r.submittedBy(), personName(r.submittedBy()));
            }
            if (r.submittedTo() != null) {
                units.put(r.submittedTo(), unitName(r.submittedTo()));
            }
        });
        arrangements.forEach(a -> units.put(a.unitId(), unitName(a.unitId())));
        for (Long unit :
                new Long[] {incident.reporterUnitId(), incident.districtUnitId(), incident.concernedUnitId()}) {
            if (unit != null) {
                units.put(unit, unitName(unit));
            }
        }
        VerificationAdvice advice = VerificationAdvice.of(
                properties.hedgingWords(),
                incident.reporterAuthoritative(),
                incident.doubtful(),
                incident.what(),
                incident.place(),
                incident.measuresTaken() == null ? "" : incident.measuresTaken());
        return new IncidentView(
                incident,
                running,
                notified,
                incidents.verifications(incident.id()),
                instructions,
                reports,
                arrangements,
                matters.timeline(incident.matterId()),
                incidents.log(incident.id()),
                advice,
                incident.forwardingWaits(waitSetting()),
                people,
                units);
    }

    // ---------------------------------------------------------------- CAP 1.2

    /** The CAP message of the latest report (submitted first, else the draft), or of the record before any report. */
    @Transactional(readOnly = true)
    String cap(long id) {
        Incident incident = visible(id, me());
        List<Report> reports = reportsOf(id);
        Optional<Report> latest = reports.stream()
                .filter(Report::submitted)
                .reduce((first, second) -> second)
                .or(() -> reports.stream().reduce((first, second) -> second));
        if (latest.isPresent()) {
            return cap(incident, latest.get());
        }
        CapMessages cap = capMessages();
        return cap.write(
                incident,
                new CapMessages.Content(
                        cap.identifier(incident, 0),
                        incident.receivedAt(),
                        "Alert",
                        List.of(),
                        incident.verification().capCertainty(incident.verificationAdvised()),
                        prefix(incident) + incident.title(),
                        incident.what(),
                        latestInstruction(id),
                        area(incident),
                        capNote(incident, incident.verification())));
    }

    @Transactional(readOnly = true)
    String cap(long id, long reportId) {
        Incident incident = visible(id, me());
        return cap(incident, report(id, reportId));
    }

    private String cap(Incident incident, Report report) {
        CapMessages cap = capMessages();
        List<String> references = earlier(incident.id(), report).stream()
                .map(other -> cap.reference(incident, other))
                .toList();
        String description = report.body() + (report.changes() == null ? "" : "\n" + report.changes());
        return cap.write(
                incident,
                new CapMessages.Content(
                        cap.identifier(incident, report.number()),
                        report.submittedAt() == null ? report.createdAt() : report.submittedAt(),
                        CapMessages.msgType(report, !references.isEmpty()),
                        references,
                        report.verification().capCertainty(incident.verificationAdvised()),
                        prefix(incident) + incident.title() + " "
                                + text(report.kind().messageKey()),
                        description,
                        latestInstruction(incident.id()),
                        area(incident),
                        capNote(incident, report.verification())));
    }

    private CapMessages capMessages() {
        return new CapMessages(
                properties.capSender(), text("duty.cap.senderName"), text("duty.cap.restriction"), calendar.zone());
    }

    private @Nullable String latestInstruction(long id) {
        List<Instruction> all = incidents.instructions(id);
        return all.isEmpty()
                ? null
                : personName(all.get(all.size() - 1).leaderId()) + "："
                        + all.get(all.size() - 1).text();
    }

    private String area(Incident incident) {
        return incident.districtUnitId() == null
                ? incident.place()
                : unitName(incident.districtUnitId()) + " " + incident.place();
    }

    private String capNote(Incident incident, VerificationState verification) {
        return text("duty.report.verificationLine", text(verification.messageKey()))
                + (incident.drill() ? " " + text("duty.drill.label") : "");
    }

    // ---------------------------------------------------------------- roster

    @Transactional
    long putShift(LocalDate day, long leaderId, List<Long> staffIds, @Nullable String note) {
        Me me = officer();
        directory
                .person(leaderId)
                .filter(PersonSummary::isLeader)
                .orElseThrow(() -> new InputRejected("duty.error.required", "duty.field.leader"));
        List<Long> staff = staffIds.stream().distinct().toList();
        if (staff.isEmpty()) {
            throw new InputRejected("duty.error.required", "duty.field.staff");
        }
        for (Long person : staff) {
            directory.person(person).orElseThrow(() -> new InputRejected("duty.error.required", "duty.field.staff"));
        }
        if (roster.needsDoubleStaffing(day) && staff.size() < 2) {
            throw new InputRejected("duty.error.doubleStaffing", day.toString());
        }
        long id = roster.put(day, leaderId, staff, optional(note, 200));
        incidents.log(Instant.now(), me.username(), null, text("duty.log.shift", day.toString(), personName(leaderId)));
        events.publishEvent(Audited.now(
                MODULE,
                "shift",
                String.valueOf(id),
                "put",
                null,
                null,
                day + " leader=" + leaderId + " staff=" + staff));
        return id;
    }

    @Transactional
    long handover(long toPerson, String openItems) {
        Me me = officer();
        Instant now = Instant.now();
        Shift shift = roster.at(now).orElseThrow(() -> new InputRejected("duty.error.noShift"));
        directory.person(toPerson).orElseThrow(() -> new InputRejected("duty.error.required", "duty.field.toPerson"));
        String items = required(openItems, "duty.field.openItems", 4000);
        long id = roster.handover(shift.id(), Objects.requireNonNull(me.personId()), toPerson, now, items);
        incidents.log(
                now,
                me.username(),
                null,
                text("duty.log.handover", personName(me.personId()), personName(toPerson), items));
        events.publishEvent(
                Audited.now(MODULE, "handover", String.valueOf(id), "handover", null, null, "to=" + toPerson));
        return id;
    }

    @Transactional
    void logEntry(@Nullable Long incidentId, String text) {
        Me me = officer();
        String clean = required(text, "duty.field.logText", 4000);
        if (incidentId != null) {
            forChange(incidentId, me);
        }
        incidents.log(Instant.now(), me.username(), incidentId, clean);
        events.publishEvent(Audited.now(
                MODULE, "log", incidentId == null ? null : String.valueOf(incidentId), "log", null, null, clean));
        if (incidentId != null) {
            fanout.changed(incidentId, "log");
        }
    }

    @Transactional(readOnly = true)
    List<LogEntry> latestLog(int limit) {
        officer();
        return incidents.latestLog(limit);
    }

    Roster roster() {
        return roster;
    }

    // ---------------------------------------------------------------- helpers

    private Me officer() {
        Me me = me();
        if (!me.office() || me.personId() == null) {
            throw new DutyRefused.NotYourStep();
        }
        return me;
    }

    private Incident visible(long id, Me me) {
        return incidents
                .find(id)
                .filter(incident -> sees(incident, me))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Incident forChange(long id, Me me) {
        incidents.lock(id);
        return visible(id, me);
    }

    /**
     * Office staff see every incident; a leader those he was told about or whose area routes to him; a liaison
     * those their unit was told about.
     */
    boolean sees(Incident incident, Me me) {
        switch (me.scope().kind()) {
            case OFFICE:
                return true;
            case LEADER:
                if (incident.districtUnitId() != null && me.scope().unitIds().contains(incident.districtUnitId())
                        || incident.concernedUnitId() != null
                                && me.scope().unitIds().contains(incident.concernedUnitId())) {
                    return true;
                }
                return incidents.notifications(incident.id()).stream()
                        .anyMatch(
                                row -> row.personId() != null && row.personId().equals(me.personId()));
            case UNIT:
                return incidents.notifications(incident.id()).stream()
                        .anyMatch(row ->
                                row.unitId() != null && me.scope().unitIds().contains(row.unitId()));
            default:
                return false;
        }
    }

    ReportWriter.Record record(Incident incident) {
        String scope = java.util.stream.Stream.of(incident.districtUnitId(), incident.concernedUnitId())
                .filter(Objects::nonNull)
                .map(this::unitName)
                .collect(Collectors.joining("、"));
        return new ReportWriter.Record(
                incident,
                incident.reporterUnitId() == null ? null : unitName(incident.reporterUnitId()),
                scope.isBlank() ? null : scope,
                incidents.notifications(incident.id()),
                incidents.instructions(incident.id()),
                incidents.arrangements(incident.id()),
                this::personName,
                this::unitName);
    }

    ReportWriter writer() {
        return new ReportWriter(messages, calendar.zone());
    }

    private Map<Level, Boolean> waitSetting() {
        Map<Level, Boolean> setting = new HashMap<>();
        for (Level level : Level.values()) {
            setting.put(level, properties.waitForVerification().contains(level));
        }
        return setting;
    }

    UnitSummary superior() {
        return directory
                .unitByCode(properties.superiorOffice())
                .orElseThrow(() -> new IllegalStateException("No superior duty office " + properties.superiorOffice()));
    }

    private String reasons(VerificationAdvice advice) {
        List<String> reasons = new ArrayList<>();
        if (advice.notAuthoritative()) {
            reasons.add(text("duty.advice.notAuthoritative"));
        }
        if (advice.doubtful()) {
            reasons.add(text("duty.advice.doubtful"));
        }
        if (!advice.hedges().isEmpty()) {
            reasons.add(text("duty.advice.hedges", String.join("、", advice.hedges())));
        }
        return clip(String.join("；", reasons), 500);
    }

    private Instant receivedAt(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return now;
        }
        String clean = value.strip();
        try {
            Instant at;
            if (clean.endsWith("Z") || clean.matches(".*[+-]\\d\\d:\\d\\d$")) {
                at = OffsetDateTime.parse(clean).toInstant();
            } else {
                at = LocalDateTime.parse(clean).atZone(calendar.zone()).toInstant();
            }
            if (at.isAfter(now.plusSeconds(60))) {
                throw new InputRejected("duty.error.receivedInFuture");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InputRejected("duty.error.receivedAt", clean);
        }
    }

    private UnitSummary unit(long id, String field) {
        return directory.unit(id).orElseThrow(() -> new InputRejected("duty.error.unknownUnit", "duty.field." + field));
    }

    String personName(@Nullable Long id) {
        return id == null ? "" : directory.person(id).map(PersonSummary::name).orElse("?");
    }

    String unitName(long id) {
        return directory.unit(id).map(UnitSummary::displayName).orElse("?");
    }

    private String prefix(Incident incident) {
        return incident.drill() ? text("duty.drill.prefix") : "";
    }

    private static int count(@Nullable Integer value, String field) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > 100000) {
            throw new InputRejected("duty.error.count", field);
        }
        return value;
    }

    private static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InputRejected("duty.error.required", field);
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw new InputRejected("duty.error.tooLong", field, max);
        }
        return clean;
    }

    private static @Nullable String optional(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw new InputRejected("duty.error.tooLong", "duty.field.text", max);
        }
        return clean;
    }

    private static String clip(String text, int max) {
        return Incidents.clip(text, max);
    }

    private void audit(Incident incident, String action, @Nullable String before, @Nullable String after) {
        events.publishEvent(Audited.now(
                MODULE, "incident", String.valueOf(incident.id()), action, incident.districtUnitId(), before, after));
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, CHINESE);
    }
}
