package org.accord.information;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.accord.audit.Audited;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScope;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Situation requests: the office asks units, liaisons answer for their own unit (draft, submit, withdraw,
 * submit again) until the deadline or, after it, when the office allows their unit; the office follows the
 * completion board, reminds, and reads the aggregate.
 */
@Service
class SituationRequests {

    static final String MODULE = "information";
    static final int LIST_LIMIT = 200;

    /** What the office typed to open a request. */
    record Draft(
            String title,
            String description,
            String basis,
            String example,
            RequestForm form,
            Instant deadline,
            boolean zeroReport,
            Collection<Long> unitIds) {}

    /** Where a unit stands on the board. */
    enum BoardState {
        SUBMITTED,
        DRAFT,
        NOT_STARTED,
        LATE
    }

    record BoardRow(
            long unitId,
            String unitName,
            BoardState state,
            @Nullable Instant submittedAt,
            boolean submittedLate,
            boolean lateAllowed,
            boolean flaggedMissing,
            @Nullable Instant remindedAt,
            int timesSubmitted) {}

    /** The outcome of a submission: the errors per field, empty when it was accepted. */
    record Submission(Map<String, String> errors) {

        boolean accepted() {
            return errors.isEmpty();
        }
    }

    private final RequestStore store;
    private final Directory directory;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final InformationTimers timers;

    SituationRequests(
            RequestStore store,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            InformationTimers timers) {
        this.store = store;
        this.directory = directory;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.timers = timers;
    }

    @Transactional
    long open(Draft draft, SignedInAccount me) {
        if (me.personId() == null) {
            throw new InformationRefused("information.error.noPerson");
        }
        return open(draft, me.personId(), me.displayName(), null, null);
    }

    /** Opens a request (also an occurrence of a recurring one), tells the liaisons, schedules the missing check. */
    @Transactional
    long open(
            Draft draft,
            long byPersonId,
            String byName,
            @Nullable Long seriesId,
            java.time.@Nullable LocalDate occurrence) {
        String title = required(draft.title(), "information.field.title", 200);
        Set<Long> units = new LinkedHashSet<>();
        for (Long unitId : draft.unitIds()) {
            directory.unit(unitId).filter(UnitSummary::active).ifPresent(u -> units.add(u.id()));
        }
        if (units.isEmpty()) {
            throw new InformationInputRejected("information.error.units");
        }
        if (draft.form().fields().isEmpty()) {
            throw new InformationInputRejected("information.design.empty");
        }
        Instant now = Instant.now();
        if (seriesId == null && !draft.deadline().isAfter(now)) {
            throw new InformationInputRejected("information.error.deadlinePast");
        }
        SituationRequest request = new SituationRequest(
                0,
                title,
                optional(draft.description(), 4000),
                optional(draft.basis(), 1000),
                optional(draft.example(), 4000),
                draft.form(),
                draft.deadline(),
                draft.zeroReport(),
                seriesId,
                occurrence,
                byPersonId,
                byName,
                now);
        long id = store.insert(request, units);
        timers.scheduleMissingCheck(id, draft.deadline());
        List<Long> liaisons = liaisonIds(units);
        if (!liaisons.isEmpty()) {
            notifications.send(Notice.of(
                    liaisons,
                    "information.request",
                    text("information.notice.request.title", title),
                    text("information.notice.request.body", title, timers.format(draft.deadline())),
                    "/information/requests/" + id));
        }
        audit("request", id, "open", null, null, "title=" + title + "; units=" + units.size());
        return id;
    }

    @Transactional(readOnly = true)
    List<SituationRequest> list(DataScope scope) {
        switch (scope.kind()) {
            case OFFICE:
                return store.list(null, LIST_LIMIT);
            case UNIT:
                return scope.unitIds().isEmpty()
                        ? List.of()
                        : store.list(scope.unitIds().iterator().next(), LIST_LIMIT);
            default:
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The request as the viewer may see it: the office every one, a liaison those asking their unit (else 404). */
    @Transactional(readOnly = true)
    SituationRequest get(long id, DataScope scope) {
        SituationRequest request = store.find(id).orElseThrow(InformationRequestsNotFound::new);
        if (scope.kind() == DataScope.Kind.OFFICE) {
            return request;
        }
        if (scope.kind() == DataScope.Kind.UNIT
                && unitOf(scope) != null
                && store.unit(id, unitOf(scope)).isPresent()) {
            return request;
        }
        throw new InformationRequestsNotFound();
    }

    @Transactional(readOnly = true)
    List<BoardRow> board(long id, DataScope scope) {
        SituationRequest request = officeOnly(id, scope);
        Map<Long, Answer> answers = store.answers(id);
        Instant now = Instant.now();
        List<BoardRow> rows = new ArrayList<>();
        for (RequestUnit unit : store.units(id)) {
            Answer answer = answers.get(unit.unitId());
            BoardState state;
            if (answer != null && answer.submitted()) {
                state = BoardState.SUBMITTED;
            } else if (request.pastDeadline(now)) {
                state = BoardState.LATE;
            } else if (answer != null) {
                state = BoardState.DRAFT;
            } else {
                state = BoardState.NOT_STARTED;
            }
            rows.add(new BoardRow(
                    unit.unitId(),
                    unitName(unit.unitId()),
                    state,
                    answer == null ? null : answer.submittedAt(),
                    answer != null && answer.submitted() && answer.late(),
                    unit.lateAllowed(),
                    unit.flaggedMissing(),
                    unit.remindedAt(),
                    answer == null ? 0 : answer.timesSubmitted()));
        }
        return rows;
    }

    boolean existsOccurrence(long seriesId, java.time.LocalDate date) {
        return store.occurrence(seriesId, date).isPresent();
    }

    /** The occurrences of a recurring request, newest first. */
    @Transactional(readOnly = true)
    List<SituationRequest> occurrences(long seriesId) {
        return store.occurrences(seriesId, LIST_LIMIT);
    }

    /** The signed-in liaison's unit's answer, if any. */
    @Transactional(readOnly = true)
    @Nullable
    Answer answerOf(long id, DataScope scope) {
        get(id, scope);
        Long unit = unitOf(scope);
        return unit == null ? null : store.answer(id, unit).orElse(null);
    }

    @Transactional(readOnly = true)
    List<RequestStore.AnswerFile> files(@Nullable Answer answer) {
        return answer == null ? List.of() : store.files(answer.id());
    }

    /** Whether the signed-in liaison's unit may still change its answer. */
    @Transactional(readOnly = true)
    boolean mayAnswer(SituationRequest request, DataScope scope) {
        Long unit = unitOf(scope);
        if (unit == null) {
            return false;
        }
        RequestUnit asked = store.unit(request.id(), unit).orElse(null);
        return asked != null && (!request.pastDeadline(Instant.now()) || asked.lateAllowed());
    }

    @Transactional
    void saveDraft(
            long id,
            DataScope scope,
            SignedInAccount me,
            AnswerValues values,
            Map<String, List<Upload>> uploads,
            Set<Long> removeFiles) {
        SituationRequest request = forAnswer(id, scope);
        long unit = unitOf(scope);
        Answer existing = store.answer(id, unit).orElse(null);
        if (existing != null && existing.submitted()) {
            throw new InformationRefused("information.error.submittedAlready");
        }
        Answer saved = write(
                request,
                existing,
                unit,
                me,
                values,
                AnswerStatus.DRAFT,
                false,
                existing == null ? null : existing.submittedAt(),
                false);
        storeFiles(request, saved, uploads, removeFiles, me);
        audit("answer", id, "draft", unit, null, "unit=" + unitName(unit));
    }

    /** Submits the answer; when a field is wrong nothing changes and the errors come back per field. */
    @Transactional
    Submission submit(
            long id,
            DataScope scope,
            SignedInAccount me,
            AnswerValues values,
            Map<String, List<Upload>> uploads,
            Set<Long> removeFiles) {
        SituationRequest request = forAnswer(id, scope);
        long unit = unitOf(scope);
        Answer existing = store.answer(id, unit).orElse(null);
        if (existing != null && existing.submitted()) {
            throw new InformationRefused("information.error.submittedAlready");
        }
        Map<String, Integer> fileCounts = new HashMap<>();
        if (existing != null) {
            for (RequestStore.AnswerFile file : store.files(existing.id())) {
                if (!removeFiles.contains(file.id())) {
                    fileCounts.merge(file.fieldKey(), 1, Integer::sum);
                }
            }
        }
        uploads.forEach((key, list) -> fileCounts.merge(key, list.size(), Integer::sum));
        Map<String, String> errors = request.form().check(values, fileCounts, messages);
        if (!errors.isEmpty()) {
            return new Submission(errors);
        }
        Instant now = Instant.now();
        boolean late = request.pastDeadline(now);
        Answer saved = write(request, existing, unit, me, values, AnswerStatus.SUBMITTED, false, now, late);
        storeFiles(request, saved, uploads, removeFiles, me);
        audit(
                "answer",
                id,
                existing != null && existing.timesSubmitted() > 0 ? "resubmit" : "submit",
                unit,
                null,
                "unit=" + unitName(unit) + (late ? "; late" : ""));
        live(request);
        return new Submission(Map.of());
    }

    /** A unit with nothing to report answers 无 in one step. */
    @Transactional
    void submitZero(long id, DataScope scope, SignedInAccount me) {
        SituationRequest request = forAnswer(id, scope);
        if (!request.zeroReport()) {
            throw new InformationRefused("information.error.noZero");
        }
        long unit = unitOf(scope);
        Answer existing = store.answer(id, unit).orElse(null);
        if (existing != null && existing.submitted()) {
            throw new InformationRefused("information.error.submittedAlready");
        }
        Instant now = Instant.now();
        boolean late = request.pastDeadline(now);
        write(request, existing, unit, me, AnswerValues.empty(), AnswerStatus.SUBMITTED, true, now, late);
        audit("answer", id, "zero", unit, null, "unit=" + unitName(unit) + (late ? "; late" : ""));
        live(request);
    }

    @Transactional
    void withdraw(long id, DataScope scope, SignedInAccount me) {
        SituationRequest request = forAnswer(id, scope);
        long unit = unitOf(scope);
        Answer existing = store.answer(id, unit).orElse(null);
        if (existing == null || !existing.submitted()) {
            throw new InformationRefused("information.error.notSubmitted");
        }
        store.updateAnswer(new Answer(
                existing.id(),
                id,
                unit,
                AnswerStatus.WITHDRAWN,
                existing.values(),
                existing.zero(),
                existing.submittedAt(),
                existing.late(),
                existing.timesSubmitted(),
                me.username(),
                Instant.now()));
        audit("answer", id, "withdraw", unit, "SUBMITTED", "WITHDRAWN");
        live(request);
    }

    /** The office lets one unit answer after the deadline. */
    @Transactional
    void allowLate(long id, long unitId, DataScope scope) {
        SituationRequest request = officeOnly(id, scope);
        store.lock(id);
        if (store.unit(id, unitId).isEmpty()) {
            throw new InformationRequestsNotFound();
        }
        store.allowLate(id, unitId);
        List<Long> liaisons = liaisonIds(List.of(unitId));
        if (!liaisons.isEmpty()) {
            notifications.send(Notice.of(
                    liaisons,
                    "information.request",
                    text("information.notice.late.title", request.title()),
                    text("information.notice.late.body", request.title()),
                    "/information/requests/" + id));
        }
        audit("request", id, "allow-late", unitId, null, "unit=" + unitName(unitId));
    }

    /** Reminds every unit without a submitted answer, in one step; returns how many units were reminded. */
    @Transactional
    int remind(long id, DataScope scope) {
        SituationRequest request = officeOnly(id, scope);
        store.lock(id);
        Map<Long, Answer> answers = store.answers(id);
        Instant now = Instant.now();
        int reminded = 0;
        List<String> names = new ArrayList<>();
        for (RequestUnit unit : store.units(id)) {
            Answer answer = answers.get(unit.unitId());
            if (answer != null && answer.submitted()) {
                continue;
            }
            List<Long> liaisons = liaisonIds(List.of(unit.unitId()));
            if (!liaisons.isEmpty()) {
                notifications.send(Notice.urgent(
                        liaisons,
                        "information.remind",
                        text("information.notice.remind.title", request.title()),
                        text("information.notice.remind.body", request.title(), timers.format(request.deadline())),
                        "/information/requests/" + id));
            }
            store.reminded(id, unit.unitId(), now);
            names.add(unitName(unit.unitId()));
            reminded++;
        }
        audit("request", id, "remind", null, null, "units=" + String.join("、", names));
        return reminded;
    }

    @Transactional(readOnly = true)
    Aggregate aggregate(long id, DataScope scope) {
        SituationRequest request = officeOnly(id, scope);
        return aggregate(request);
    }

    Aggregate aggregate(SituationRequest request) {
        Map<Long, Answer> answers = store.answers(request.id());
        List<Aggregate.UnitAnswer> submitted = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<RequestUnit> units = store.units(request.id());
        for (RequestUnit unit : units) {
            Answer answer = answers.get(unit.unitId());
            if (answer != null && answer.submitted()) {
                submitted.add(new Aggregate.UnitAnswer(
                        unit.unitId(),
                        unitName(unit.unitId()),
                        answer.values(),
                        answer.zero(),
                        answer.submittedAt(),
                        answer.late()));
            } else {
                missing.add(unitName(unit.unitId()));
            }
        }
        return Aggregate.of(request, units.size(), submitted, missing);
    }

    /** A file of an answer: the office sees all, a liaison only their own unit's (else 404). */
    @Transactional(readOnly = true)
    RequestStore.StoredFile file(long id, long fileId, DataScope scope) {
        get(id, scope);
        long unit = store.fileUnit(id, fileId).orElseThrow(InformationRequestsNotFound::new);
        if (scope.kind() != DataScope.Kind.OFFICE && !scope.unitIds().contains(unit)) {
            throw new InformationRequestsNotFound();
        }
        return store.file(id, fileId).orElseThrow(InformationRequestsNotFound::new);
    }

    /** Flags the units that have not submitted by the deadline and tells the office and them, once. */
    @Transactional
    void flagMissing(long id) {
        SituationRequest request = store.find(id).orElse(null);
        if (request == null) {
            return;
        }
        store.lock(id);
        Map<Long, Answer> answers = store.answers(id);
        List<String> names = new ArrayList<>();
        for (RequestUnit unit : store.units(id)) {
            Answer answer = answers.get(unit.unitId());
            if (unit.flaggedMissing() || (answer != null && answer.submitted())) {
                continue;
            }
            store.flagMissing(id, unit.unitId());
            names.add(unitName(unit.unitId()));
            List<Long> liaisons = liaisonIds(List.of(unit.unitId()));
            if (!liaisons.isEmpty()) {
                notifications.send(Notice.urgent(
                        liaisons,
                        "information.missing",
                        text("information.notice.missing.title", request.title()),
                        text("information.notice.missing.body", request.title(), timers.format(request.deadline())),
                        "/information/requests/" + id));
            }
        }
        if (!names.isEmpty()) {
            notifications.send(Notice.of(
                    List.of(request.createdBy()),
                    "information.missing",
                    text("information.notice.missingOffice.title", request.title(), names.size()),
                    text("information.notice.missingOffice.body", request.title(), String.join("、", names)),
                    "/information/requests/" + id));
            events.publishEvent(new Audited(
                    Instant.now(),
                    "system",
                    null,
                    MODULE,
                    "request",
                    String.valueOf(id),
                    "flag-missing",
                    null,
                    null,
                    "units=" + String.join("、", names)));
        }
    }

    /** The units that can be asked: active, with someone to answer for them. */
    List<UnitSummary> askableUnits() {
        return directory.activeUnits().stream()
                .filter(u -> !directory.liaisons(u.id()).isEmpty())
                .toList();
    }

    String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("#" + unitId);
    }

    private Answer write(
            SituationRequest request,
            @Nullable Answer existing,
            long unit,
            SignedInAccount me,
            AnswerValues values,
            AnswerStatus status,
            boolean zero,
            @Nullable Instant submittedAt,
            boolean late) {
        Instant now = Instant.now();
        int times = (existing == null ? 0 : existing.timesSubmitted()) + (status == AnswerStatus.SUBMITTED ? 1 : 0);
        AnswerStatus kept =
                status == AnswerStatus.DRAFT && existing != null && existing.status() == AnswerStatus.WITHDRAWN
                        ? AnswerStatus.WITHDRAWN
                        : status;
        Answer answer = new Answer(
                existing == null ? 0 : existing.id(),
                request.id(),
                unit,
                kept,
                values,
                zero,
                submittedAt,
                status == AnswerStatus.SUBMITTED ? late : existing != null && existing.late(),
                times,
                me.username(),
                now);
        if (existing == null) {
            long answerId = store.insertAnswer(answer);
            return new Answer(
                    answerId,
                    request.id(),
                    unit,
                    kept,
                    values,
                    zero,
                    submittedAt,
                    answer.late(),
                    times,
                    me.username(),
                    now);
        }
        store.updateAnswer(answer);
        return answer;
    }

    private void storeFiles(
            SituationRequest request,
            Answer answer,
            Map<String, List<Upload>> uploads,
            Set<Long> removeFiles,
            SignedInAccount me) {
        for (Long fileId : removeFiles) {
            store.deleteFile(answer.id(), fileId);
        }
        Map<String, Integer> counts = new HashMap<>();
        store.files(answer.id()).forEach(f -> counts.merge(f.fieldKey(), 1, Integer::sum));
        for (Map.Entry<String, List<Upload>> entry : uploads.entrySet()) {
            FormField field = request.form().field(entry.getKey());
            if (field == null || field.type() != FieldType.ATTACHMENT) {
                continue;
            }
            if (counts.getOrDefault(field.key(), 0) + entry.getValue().size() > Upload.MAX_FILES) {
                throw new InformationInputRejected("information.check.fileCount", field.label(), Upload.MAX_FILES);
            }
            for (Upload upload : entry.getValue()) {
                store.insertFile(answer.id(), field.key(), upload, me.username());
            }
        }
    }

    private void live(SituationRequest request) {
        notifications.publishLive("information.board", Map.of("request", request.id()), Set.of(request.createdBy()));
    }

    private SituationRequest forAnswer(long id, DataScope scope) {
        if (scope.kind() != DataScope.Kind.UNIT || unitOf(scope) == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        SituationRequest request = get(id, scope);
        store.lock(id);
        if (!mayAnswer(request, scope)) {
            throw new InformationRefused("information.error.closed");
        }
        return request;
    }

    private SituationRequest officeOnly(long id, DataScope scope) {
        if (scope.kind() != DataScope.Kind.OFFICE) {
            SituationRequest visible = get(id, scope);
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, visible.title());
        }
        return store.find(id).orElseThrow(InformationRequestsNotFound::new);
    }

    static @Nullable Long unitOf(DataScope scope) {
        return scope.kind() == DataScope.Kind.UNIT && !scope.unitIds().isEmpty()
                ? scope.unitIds().iterator().next()
                : null;
    }

    List<Long> liaisonIds(Collection<Long> unitIds) {
        return unitIds.stream()
                .flatMap(unit -> directory.liaisons(unit).stream())
                .map(PersonSummary::id)
                .distinct()
                .toList();
    }

    private void audit(
            String type,
            long id,
            String action,
            @Nullable Long unitId,
            @Nullable String before,
            @Nullable String after) {
        events.publishEvent(Audited.now(MODULE, type, String.valueOf(id), action, unitId, before, after));
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
    }

    static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InformationInputRejected("information.error.required", field);
        }
        if (value.strip().length() > max) {
            throw new InformationInputRejected("information.error.tooLong", field, max);
        }
        return value.strip();
    }

    static String optional(@Nullable String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() > max) {
            throw new InformationInputRejected("information.error.tooLongPlain", max);
        }
        return clean;
    }
}
