package org.accord.duty;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.duty.DutyRefused.InputRejected;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Incidents for other systems: intake, reading, verification, acknowledgment and the CAP 1.2 messages. */
@RestController
@RequestMapping("/api/incidents")
class DutyApi {

    static final String CAP_TYPE = "application/cap+xml;charset=UTF-8";
    private static final String VIEWERS = "hasAnyRole('LEADER', 'STAFF', 'LIAISON')";

    /** An incident as the API shows it. */
    record IncidentJson(
            long id,
            long matterId,
            boolean drill,
            String title,
            String receivedAt,
            String level,
            String eventClass,
            String eventType,
            String place,
            String verification,
            boolean verificationAdvised,
            @Nullable String verificationReasons,
            String status,
            List<ClockJson> clocks,
            List<NotifiedJson> notified) {}

    record ClockJson(String channel, String due, String state) {}

    record NotifiedJson(
            long id,
            String kind,
            String name,
            String sentAt,
            @Nullable String acknowledgedAt) {}

    record Verification(@Nullable String state, @Nullable String how) {}

    record Acknowledgment(@Nullable String note) {}

    private final DutyDesk desk;
    private final MessageSource messages;

    DutyApi(DutyDesk desk, MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(VIEWERS)
    List<Map<String, Object>> list() {
        return desk.list().stream()
                .map(incident -> Map.<String, Object>of(
                        "id", incident.id(),
                        "title", incident.title(),
                        "drill", incident.drill(),
                        "level", incident.level().name(),
                        "receivedAt", incident.receivedAt().toString(),
                        "verification", incident.verification().name(),
                        "status", incident.status().name()))
                .toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<Map<String, Long>> create(@RequestBody(required = false) @Nullable IntakeForm form) {
        if (form == null) {
            throw new InputRejected("duty.error.required", "duty.field.what");
        }
        long id = desk.intake(form);
        return ResponseEntity.created(URI.create("/api/incidents/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEWERS)
    IncidentJson get(@PathVariable long id) {
        DutyDesk.IncidentView view = desk.view(id);
        Incident incident = view.incident();
        return new IncidentJson(
                incident.id(),
                incident.matterId(),
                incident.drill(),
                incident.title(),
                incident.receivedAt().toString(),
                incident.level().name(),
                incident.eventClass().name(),
                incident.eventType(),
                incident.place(),
                incident.verification().name(),
                incident.verificationAdvised(),
                incident.verificationReasons(),
                incident.status().name(),
                view.clocks().stream()
                        .map(clock -> new ClockJson(
                                clock.channel().name(),
                                clock.due().toString(),
                                clock.state().name()))
                        .toList(),
                view.notified().stream()
                        .map(row -> new NotifiedJson(
                                row.id(),
                                row.kind().name(),
                                row.name(),
                                row.sentAt().toString(),
                                row.acknowledgedAt() == null
                                        ? null
                                        : row.acknowledgedAt().toString()))
                        .toList());
    }

    /** The CAP 1.2 message of the latest report (or of the record before any report). */
    @GetMapping(value = "/{id}/cap", produces = CAP_TYPE)
    @PreAuthorize(VIEWERS)
    String cap(@PathVariable long id) {
        return desk.cap(id);
    }

    @GetMapping(value = "/{id}/reports/{reportId}/cap", produces = CAP_TYPE)
    @PreAuthorize(VIEWERS)
    String reportCap(@PathVariable long id, @PathVariable long reportId) {
        return desk.cap(id, reportId);
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<Void> verify(@PathVariable long id, @RequestBody(required = false) @Nullable Verification body) {
        desk.incident(id);
        desk.verify(
                id,
                DutyPages.enumOf(VerificationState.class, body == null ? null : body.state(), "duty.field.state"),
                body == null || body.how() == null ? "" : body.how());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/notifications/{notificationId}/ack")
    @PreAuthorize(VIEWERS)
    ResponseEntity<Void> acknowledge(
            @PathVariable long notificationId, @RequestBody(required = false) @Nullable Acknowledgment body) {
        desk.acknowledge(notificationId, body == null ? null : body.note());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InputRejected.class)
    ProblemDetail rejected(InputRejected rejected) {
        return problem(HttpStatus.BAD_REQUEST, DutyPages.describe(messages, rejected));
    }

    @ExceptionHandler(DutyRefused.NotYourStep.class)
    ProblemDetail notYours(DutyRefused refused) {
        return problem(HttpStatus.FORBIDDEN, DutyPages.describe(messages, refused));
    }

    @ExceptionHandler(DutyRefused.class)
    ProblemDetail conflict(DutyRefused refused) {
        return problem(HttpStatus.CONFLICT, DutyPages.describe(messages, refused));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable() {
        return problem(HttpStatus.BAD_REQUEST, messages.getMessage("duty.error.body", null, Locale.SIMPLIFIED_CHINESE));
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("duty.problem." + status.value(), null, Locale.SIMPLIFIED_CHINESE));
        return problem;
    }
}
