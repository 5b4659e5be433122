package org.accord.information;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.BasisKind;
import org.accord.coordination.Matter;
import org.accord.coordination.MatterKind;
import org.accord.coordination.Matters;
import org.accord.coordination.PartyRole;
import org.accord.coordination.Point;
import org.accord.directory.Direction;
import org.accord.directory.Directory;
import org.accord.directory.Party;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScope;
import org.accord.security.SignedInAccount;
import org.accord.supervision.SourceKind;
import org.accord.supervision.Supervision;
import org.accord.supervision.TaskRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Briefs to leaders (信息专报 / 快报): composed by the office from an aggregate, a matter's state or free text,
 * numbered per year and kind, sent up; the leader reads, comments, or instructs (批示). An instruction becomes a
 * supervised task at once, or a coordination matter that the brief's author opens (a matter needs an office
 * owner, and the leader does not own matters), and is relayed to the units with its original words.
 */
@Service
class Briefs {

    static final int LIST_LIMIT = 200;

    /** What the office typed to send a brief. */
    record Draft(
            BriefKind kind,
            String title,
            String body,
            String sourceKind,
            @Nullable Long sourceId,
            @Nullable Long concernId,
            List<Long> leaderIds) {}

    /** What a leader wrote as an instruction, and what it should become. */
    record InstructionDraft(
            String text,
            InstructionOutcome outcome,
            List<Long> unitIds,
            @Nullable Long leadUnitId,
            @Nullable LocalDate deadline) {}

    private final BriefStore store;
    private final ConcernStore concerns;
    private final SituationRequests requests;
    private final Directory directory;
    private final Notifications notifications;
    private final Matters matters;
    private final Supervision supervision;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    Briefs(
            BriefStore store,
            ConcernStore concerns,
            SituationRequests requests,
            Directory directory,
            Notifications notifications,
            Matters matters,
            Supervision supervision,
            WorkingCalendar calendar,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.store = store;
        this.concerns = concerns;
        this.requests = requests;
        this.directory = directory;
        this.notifications = notifications;
        this.matters = matters;
        this.supervision = supervision;
        this.calendar = calendar;
        this.events = events;
        this.messages = messages;
    }

    /** The text a brief starts with: a request's aggregate, a matter's state, or the UP tone's frame alone. */
    @Transactional(readOnly = true)
    Draft start(@Nullable Long requestId, @Nullable Long matterId, DataScope scope) {
        String opening = text("information.brief.tone.UP.opening");
        String closing = text("information.brief.tone.UP.closing");
        if (requestId != null) {
            Aggregate aggregate = requests.aggregate(requestId, scope);
            String summary = aggregate.summary((key, args) -> InformationErrors.text(messages, key, args));
            return new Draft(
                    BriefKind.SPECIAL,
                    text("information.brief.fromRequest", aggregate.request().title()),
                    opening + "\n" + summary + "\n" + closing,
                    "REQUEST",
                    requestId,
                    null,
                    List.of());
        }
        if (matterId != null) {
            Matter matter = matters.get(matterId);
            return new Draft(
                    BriefKind.SPECIAL,
                    text("information.brief.fromMatter", matter.title()),
                    opening + "\n" + matterState(matter) + "\n" + closing,
                    "MATTER",
                    matterId,
                    null,
                    List.of());
        }
        return new Draft(BriefKind.FLASH, "", opening + "\n\n" + closing, "FREE", null, null, List.of());
    }

    String matterState(Matter matter) {
        List<Point> points = matter.points();
        long settled = points.stream().filter(p -> p.status().settled()).count();
        long escalated = points.stream()
                .filter(p -> p.status().name().equals("ESCALATED"))
                .count();
        long adopted = matter.measures().stream().filter(m -> m.adopted()).count();
        return text(
                "information.brief.matterState",
                matter.title(),
                text(matter.status().messageKey()),
                String.join("、", matter.partyNames().values()),
                points.size(),
                settled,
                escalated,
                matter.measures().size(),
                adopted);
    }

    /** Numbers the brief and sends it up to the chosen leaders. */
    @Transactional
    long send(Draft draft, SignedInAccount me) {
        PersonSummary author =
                me.personId() == null ? null : directory.person(me.personId()).orElse(null);
        if (author == null) {
            throw new InformationRefused("information.error.noPerson");
        }
        String title = SituationRequests.required(draft.title(), "information.brief.field.title", 200);
        String body = SituationRequests.required(draft.body(), "information.brief.field.body", 20000);
        Set<Long> leaders = new LinkedHashSet<>();
        for (Long leaderId : draft.leaderIds()) {
            PersonSummary leader =
                    directory.person(leaderId).filter(PersonSummary::isLeader).orElse(null);
            if (leader == null) {
                throw new InformationInputRejected("information.error.leaders");
            }
            if (directory.direction(Party.unit(author.unitId()), Party.person(leaderId)) != Direction.UP) {
                throw new InformationRefused("information.error.notUp");
            }
            leaders.add(leaderId);
        }
        if (leaders.isEmpty()) {
            throw new InformationInputRejected("information.error.leaders");
        }
        if (draft.concernId() != null) {
            Concern concern = concerns.concern(draft.concernId())
                    .orElseThrow(() -> new InformationInputRejected("information.error.concern"));
            if (!leaders.contains(concern.leaderId())) {
                throw new InformationInputRejected("information.error.concern");
            }
        }
        Instant now = Instant.now();
        int year = calendar.dateOf(now).getYear();
        int number = store.nextNumber(year, draft.kind());
        long id = store.insert(new Brief(
                0,
                draft.kind(),
                year,
                number,
                title,
                body,
                draft.sourceKind(),
                draft.sourceId(),
                draft.concernId(),
                author.id(),
                author.name(),
                author.unitId(),
                now));
        leaders.forEach(leader -> store.addReader(id, leader));
        String label = label(draft.kind(), year, number);
        notifications.send(Notice.of(
                leaders,
                "information.brief",
                text("information.notice.brief.title", label, title),
                clip(body, 400),
                "/information/briefs/" + id));
        audit(id, "send", null, label + " " + title);
        return id;
    }

    String label(BriefKind kind, int year, int number) {
        return text("information.brief.label", text(kind.messageKey()), String.valueOf(year), number);
    }

    @Transactional(readOnly = true)
    List<Brief> list(DataScope scope) {
        switch (scope.kind()) {
            case OFFICE:
                return store.list(null, LIST_LIMIT);
            case LEADER:
                return scope.personId() == null ? List.of() : store.list(scope.personId(), LIST_LIMIT);
            default:
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The briefs sent to the signed-in leader that he has not read yet; none for anyone else. */
    @Transactional(readOnly = true)
    List<Brief> unread(DataScope scope) {
        return scope.kind() == DataScope.Kind.LEADER && scope.personId() != null
                ? store.unread(scope.personId(), LIST_LIMIT)
                : List.of();
    }

    /** The office sees every brief; a leader only those sent to him (else 404). */
    @Transactional(readOnly = true)
    Brief get(long id, DataScope scope) {
        Brief brief = store.find(id).orElseThrow(InformationRequestsNotFound::new);
        if (scope.kind() == DataScope.Kind.OFFICE) {
            return brief;
        }
        if (scope.kind() == DataScope.Kind.LEADER && reader(brief.id(), scope) != null) {
            return brief;
        }
        throw new InformationRequestsNotFound();
    }

    @Transactional(readOnly = true)
    List<BriefReader> readers(long id) {
        List<BriefReader> named = new ArrayList<>();
        for (BriefReader r : store.readers(id)) {
            String name =
                    directory.person(r.leaderId()).map(PersonSummary::name).orElse("#" + r.leaderId());
            named.add(new BriefReader(r.briefId(), r.leaderId(), name, r.readAt(), r.comment(), r.commentedAt()));
        }
        return named;
    }

    @Transactional(readOnly = true)
    List<Instruction> instructions(long id) {
        return store.instructions(id);
    }

    @Nullable
    BriefReader reader(long briefId, DataScope scope) {
        if (scope.personId() == null) {
            return null;
        }
        return store.readers(briefId).stream()
                .filter(r -> r.leaderId() == scope.personId())
                .findFirst()
                .orElse(null);
    }

    @Transactional
    void markRead(long id, DataScope scope) {
        Brief brief = forLeader(id, scope);
        store.markRead(brief.id(), scope.personId(), Instant.now());
        audit(id, "read", null, "by " + scope.personId());
        notifyAuthorLive(brief);
    }

    @Transactional
    void comment(long id, DataScope scope, @Nullable String comment) {
        Brief brief = forLeader(id, scope);
        String clean = SituationRequests.required(comment, "information.brief.field.comment", 2000);
        Instant now = Instant.now();
        store.markRead(id, scope.personId(), now);
        store.comment(id, scope.personId(), clean, now);
        String leader = leaderName(scope.personId());
        notifications.send(Notice.of(
                List.of(brief.authorId()),
                "information.brief.comment",
                text("information.notice.comment.title", leader, brief.title()),
                clean,
                "/information/briefs/" + id));
        audit(id, "comment", null, clean);
    }

    /**
     * The leader's instruction: kept word for word; a task is opened at once for the units (lead and
     * cooperating), a matter is left to the brief's author to open, a note only relayed.
     *
     * @return the instruction's id
     */
    @Transactional
    long instruct(long id, DataScope scope, InstructionDraft draft) {
        Brief brief = forLeader(id, scope);
        String text = SituationRequests.required(draft.text(), "information.instruction.field.text", 2000);
        List<Long> units = new ArrayList<>();
        for (Long unitId : draft.unitIds()) {
            UnitSummary unit =
                    directory.unit(unitId).filter(UnitSummary::active).orElse(null);
            if (unit == null) {
                throw new InformationInputRejected("information.error.units");
            }
            if (!units.contains(unitId)) {
                units.add(unitId);
            }
        }
        Long lead = draft.leadUnitId();
        if (lead != null && !units.contains(lead)) {
            units.add(0, lead);
        }
        if (draft.outcome() != InstructionOutcome.NOTE || !units.isEmpty()) {
            if (units.isEmpty()) {
                throw new InformationInputRejected("information.error.units");
            }
        }
        if (lead == null && !units.isEmpty()) {
            lead = units.get(0);
        }
        if (draft.outcome() == InstructionOutcome.TASK) {
            LocalDate today = calendar.dateOf(Instant.now());
            if (draft.deadline() == null || draft.deadline().isBefore(today)) {
                throw new InformationInputRejected("information.error.taskDeadline");
            }
        }
        Instant now = Instant.now();
        String leaderName = leaderName(scope.personId());
        store.markRead(id, scope.personId(), now);
        long instructionId = store.insertInstruction(new Instruction(
                0,
                id,
                scope.personId(),
                leaderName,
                text,
                draft.outcome(),
                lead,
                units,
                draft.deadline(),
                null,
                null,
                "",
                now));
        Long taskId = null;
        String link = "/information/briefs/" + id;
        if (draft.outcome() == InstructionOutcome.TASK) {
            Set<Long> cooperating = new LinkedHashSet<>(units);
            cooperating.remove(lead);
            taskId = supervision.open(new TaskRequest(
                    SourceKind.INSTRUCTION,
                    instructionId,
                    text("information.instruction.taskTitle", leaderName, brief.title()),
                    lead,
                    cooperating,
                    draft.deadline()));
            link = "/tasks/" + taskId;
        }
        String relayed = "";
        if (draft.outcome() != InstructionOutcome.MATTER) {
            relayed = relay(brief, leaderName, text, units, draft.outcome(), link);
        } else {
            notifications.send(Notice.of(
                    List.of(brief.authorId()),
                    "information.instruction",
                    text("information.notice.toMatter.title", leaderName, brief.title()),
                    text,
                    "/information/briefs/" + id));
        }
        store.instructionDone(instructionId, taskId, null, relayed);
        notifications.send(Notice.of(
                List.of(brief.authorId()),
                "information.instruction",
                text("information.notice.instructed.title", leaderName, brief.title()),
                text,
                "/information/briefs/" + id));
        audit(id, "instruct", null, draft.outcome() + (taskId == null ? "" : " task " + taskId) + ": " + text);
        return instructionId;
    }

    /** The brief's author opens the matter a leader's instruction asked for, and relays the instruction. */
    @Transactional
    long openMatter(long instructionId, SignedInAccount me) {
        Instruction instruction = store.instruction(instructionId).orElseThrow(InformationRequestsNotFound::new);
        Brief brief = store.find(instruction.briefId()).orElseThrow(InformationRequestsNotFound::new);
        if (!instruction.awaitingMatter()) {
            throw new InformationRefused("information.error.matterOpened");
        }
        long matterId = matters.create(
                clip(text("information.instruction.matterTitle", instruction.leaderName(), brief.title()), 200),
                MatterKind.INFORMATION,
                clip(brief.body(), 4000),
                clip(instruction.text(), 2000),
                List.of(BasisKind.INSTRUCTION),
                List.of(clip(instruction.leaderName() + "批示：" + instruction.text(), 1000)));
        boolean first = true;
        for (Long unitId : instruction.unitIds()) {
            matters.addParty(matterId, unitId, null, first ? PartyRole.LEAD : PartyRole.COOPERATING);
            first = false;
        }
        matters.addParty(matterId, null, instruction.leaderId(), PartyRole.DECIDING_LEADER);
        if (brief.concernId() != null) {
            concerns.tagMatter(matterId, brief.concernId());
        }
        String relayed = relay(
                brief,
                instruction.leaderName(),
                instruction.text(),
                instruction.unitIds(),
                InstructionOutcome.MATTER,
                "/matters/" + matterId);
        store.instructionDone(instructionId, null, matterId, relayed);
        audit(brief.id(), "instruction-matter", null, "matter " + matterId);
        return matterId;
    }

    private String relay(
            Brief brief,
            String leaderName,
            String instruction,
            List<Long> units,
            InstructionOutcome outcome,
            String link) {
        List<String> names = new ArrayList<>();
        for (Long unitId : units) {
            names.add(requests.unitName(unitId));
        }
        List<Long> liaisons = requests.liaisonIds(units);
        if (!liaisons.isEmpty()) {
            notifications.send(Notice.of(
                    liaisons,
                    "information.instruction",
                    text("information.notice.relay.title", leaderName, brief.title()),
                    text("information.notice.relay.body", leaderName, instruction, text(outcome.messageKey())),
                    link));
        }
        return String.join("、", names);
    }

    private Brief forLeader(long id, DataScope scope) {
        if (scope.kind() != DataScope.Kind.LEADER || scope.personId() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Brief brief = get(id, scope);
        store.lock(id);
        return brief;
    }

    private void notifyAuthorLive(Brief brief) {
        notifications.publishLive("information.brief", java.util.Map.of("brief", brief.id()), Set.of(brief.authorId()));
    }

    String leaderName(long personId) {
        return directory.person(personId).map(PersonSummary::name).orElse("#" + personId);
    }

    private void audit(long id, String action, @Nullable Long unitId, String after) {
        events.publishEvent(Audited.now(
                SituationRequests.MODULE, "brief", String.valueOf(id), action, unitId, null, clip(after, 500)));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
