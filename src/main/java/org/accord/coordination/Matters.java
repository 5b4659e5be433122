package org.accord.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.MatterRefused.InputMissing;
import org.accord.directory.Direction;
import org.accord.directory.Directory;
import org.accord.directory.Party;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScopes;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Coordinating matters: every step the pages and the API take goes through here, under the signed-in
 * viewer's data scope. A matter outside the scope does not exist for the viewer (404).
 *
 * <p>Other modules (a meeting, a document, a case, an incident is a matter) call the same steps: each
 * acts as the person signed in on the current thread, with that person's role, owner check and scope.
 */
@Service
public class Matters {

    static final String MODULE = "coordination";
    static final int LIST_LIMIT = 200;
    static final int MAX_WORKING_DAYS = 60;
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** A divided point waiting for this leader, with its matter. */
    record AwaitingRuling(MatterSummary matter, Point point) {}

    /** A round a liaison's unit is asked in, with the points to answer. */
    record ToAnswer(Matter matter, Round round, List<Point> points, Map<Long, Position> answered) {}

    private final MatterStore store;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final DataScopes scopes;
    private final MessageSource messages;

    Matters(
            MatterStore store,
            Directory directory,
            WorkingCalendar calendar,
            Notifications notifications,
            ApplicationEventPublisher events,
            DataScopes scopes,
            MessageSource messages) {
        this.store = store;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
        this.events = events;
        this.scopes = scopes;
        this.messages = messages;
    }

    Viewer viewer() {
        return Viewer.current(scopes);
    }

    @Transactional(readOnly = true)
    public List<MatterSummary> list(MatterStore.Filter filter) {
        return store.list(viewer(), filter, LIST_LIMIT);
    }

    /** The matter as the viewer may see it: a liaison sees only their own unit's answers in an open blind round. */
    @Transactional(readOnly = true)
    public Matter get(long id) {
        Viewer viewer = viewer();
        return forViewer(visible(id, viewer), viewer);
    }

    @Transactional
    public long create(
            String title,
            MatterKind kind,
            String background,
            String purpose,
            List<BasisKind> basisKinds,
            List<String> basisTexts) {
        Viewer viewer = viewer();
        if (!viewer.office() || viewer.personId() == null) {
            throw new MatterRefused.NotTheOwner();
        }
        String cleanTitle = required(title, "coordination.field.title", 200);
        PersonSummary owner =
                directory.person(viewer.personId()).orElseThrow(() -> new InputMissing("coordination.field.owner"));
        Instant now = Instant.now();
        long id = store.insertMatter(
                cleanTitle, kind, owner.id(), owner.unitId(), optional(background, 4000), optional(purpose, 2000), now);
        for (int i = 0; i < basisTexts.size(); i++) {
            String text = basisTexts.get(i);
            if (text != null && !text.isBlank()) {
                BasisKind basisKind = i < basisKinds.size() ? basisKinds.get(i) : BasisKind.DOCUMENT;
                store.insertBasis(id, basisKind, required(text, "coordination.field.basisEntry", 1000));
            }
        }
        timeline(id, viewer, "created", null, null, text("coordination.timeline.created", cleanTitle));
        audit(id, "create", null, null, "title=" + cleanTitle + "; kind=" + kind);
        return id;
    }

    @Transactional
    public void addParty(long id, @Nullable Long unitId, @Nullable Long personId, PartyRole role) {
        Viewer viewer = viewer();
        Matter matter = owned(id, viewer);
        matter.addParty(unitId, personId, role);
        String name;
        Party to;
        if (unitId != null) {
            UnitSummary unit = directory.unit(unitId).orElseThrow(() -> new InputMissing("coordination.field.party"));
            name = unit.displayName();
            to = Party.unit(unitId);
        } else {
            PersonSummary person =
                    directory.person(personId).orElseThrow(() -> new InputMissing("coordination.field.party"));
            name = person.name() + (person.position() == null ? "" : "（" + person.position() + "）");
            to = Party.person(person.id());
        }
        Direction direction = directory.direction(Party.unit(matter.ownerUnitId()), to);
        store.insertParty(id, unitId, personId, role, direction, name);
        if (role == PartyRole.DECIDING_LEADER && personId != null) {
            store.setDecidingLeader(id, personId);
        }
        String roleName = text(role.messageKey());
        timeline(id, viewer, "party-added", direction, name, text("coordination.timeline.partyAdded", name, roleName));
        audit(id, "add-party", unitId, null, name + " " + role + " " + direction);
    }

    @Transactional
    public long addPoint(long id, String text) {
        Viewer viewer = viewer();
        Matter matter = owned(id, viewer);
        matter.addPoint();
        String clean = required(text, "coordination.field.point", 1000);
        long pointId = store.insertPoint(id, clean);
        timeline(id, viewer, "point-added", null, null, text("coordination.timeline.pointAdded", clean));
        audit(id, "add-point", null, null, clean);
        return pointId;
    }

    /**
     * Opens the next round. Without points named, asks every point not yet settled; without units
     * named, asks every lead, cooperating and consulted unit.
     */
    @Transactional
    public long openRound(
            long id, Collection<Long> pointIds, Collection<Long> unitIds, int workingDays, RoundVisibility visibility) {
        Viewer viewer = viewer();
        Matter matter = owned(id, viewer);
        List<Long> points = pointIds.isEmpty()
                ? matter.points().stream()
                        .filter(point -> point.status() == PointStatus.OPEN || point.status() == PointStatus.DIVIDED)
                        .map(Point::id)
                        .toList()
                : List.copyOf(new LinkedHashSet<>(pointIds));
        List<Long> units = unitIds.isEmpty()
                ? matter.parties().stream()
                        .filter(party -> party.unitId() != null
                                && (party.role() == PartyRole.LEAD
                                        || party.role() == PartyRole.COOPERATING
                                        || party.role() == PartyRole.CONSULTED))
                        .map(MatterParty::unitId)
                        .map(Long.class::cast)
                        .toList()
                : List.copyOf(new LinkedHashSet<>(unitIds));
        int number = matter.openRound(points, units);
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new InputMissing("coordination.field.workingDays");
        }
        Instant now = Instant.now();
        LocalDate deadline = calendar.addWorkingDays(calendar.dateOf(now), workingDays);
        long roundId = store.insertRound(id, number, deadline, visibility, units, points, now);
        if (matter.status() == MatterStatus.OPEN) {
            store.setStatus(id, MatterStatus.CONSULTING, null);
        }
        String names = units.stream()
                .map(unit -> matter.partyNames().getOrDefault(unit, "?"))
                .collect(Collectors.joining("、"));
        timeline(
                id,
                viewer,
                "round-opened",
                null,
                names,
                text(
                        "coordination.timeline.roundOpened",
                        number,
                        points.size(),
                        deadline.toString(),
                        text(visibility.messageKey())));
        audit(
                id,
                "open-round",
                null,
                null,
                "round=" + number + "; units=" + units + "; points=" + points + "; deadline=" + deadline);
        notifyLiaisons(
                units,
                "coordination.round",
                text("coordination.notice.roundOpened", matter.title(), number),
                text("coordination.notice.roundOpenedBody", deadline.toString()),
                "/matters/answer");
        return roundId;
    }

    @Transactional
    public void closeRound(long id) {
        Viewer viewer = viewer();
        Matter matter = owned(id, viewer);
        Map<Long, PointStatus> outcome = matter.closeRound();
        Round round = matter.openRound().orElseThrow();
        Instant now = Instant.now();
        store.closeRound(round.id(), now);
        outcome.forEach(store::setPointStatus);
        long agreed =
                outcome.values().stream().filter(s -> s == PointStatus.AGREED).count();
        long divided =
                outcome.values().stream().filter(s -> s == PointStatus.DIVIDED).count();
        timeline(
                id,
                viewer,
                "round-closed",
                null,
                null,
                text("coordination.timeline.roundClosed", round.number(), agreed, divided));
        audit(
                id,
                "close-round",
                null,
                "round=" + round.number() + " open",
                "agreed=" + agreed + "; divided=" + divided);
    }

    /** A liaison answers for their own unit on one point of an open round. */
    @Transactional
    public void answer(
            long id,
            long roundId,
            long pointId,
            Stance stance,
            @Nullable String condition,
            @Nullable String reason,
            @Nullable String counterProposal) {
        Viewer viewer = viewer();
        Matter matter = forChange(id, viewer);
        Long unitId = viewer.unitId();
        if (unitId == null) {
            throw new MatterRefused.NotAsked();
        }
        // A round that does not ask the viewer's unit is as good as absent.
        if (matter.round(roundId)
                .filter(round -> round.partyUnitIds().contains(unitId))
                .isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        matter.answer(roundId, pointId, unitId, stance, condition, reason);
        store.savePosition(
                roundId,
                pointId,
                unitId,
                stance,
                stance == Stance.AGREE_WITH_CONDITIONS ? optional(condition, 2000) : null,
                stance == Stance.DISAGREE ? optional(reason, 2000) : null,
                stance == Stance.DISAGREE ? optional(counterProposal, 2000) : null,
                viewer.username(),
                Instant.now());
        String unitName = matter.partyNames().getOrDefault(unitId, "?");
        timeline(
                id,
                viewer,
                "answered",
                directory.direction(Party.unit(unitId), Party.unit(matter.ownerUnitId())),
                null,
                text(
                        "coordination.timeline.answered",
                        unitName,
                        matter.point(pointId).map(Point::text).orElse("")));
        audit(id, "answer", unitId, null, "round=" + roundId + "; point=" + pointId + "; stance=" + stance);
    }

    /**
     * Records a position a unit did not give itself, where another module's rule says so (a document's
     * consultation taking silence past the deadline as agreement). Runs without a signed-in user, so it
     * checks no viewer; it records nothing when the round is closed, does not ask the unit on that point,
     * or the unit has answered already.
     *
     * @param recordedAs shown as who answered, e.g. "逾期未复，视为无不同意见"
     * @return whether the position was recorded
     */
    @Transactional
    public boolean recordOnBehalf(long id, long roundId, long pointId, long unitId, Stance stance, String recordedAs) {
        store.lock(id);
        Matter matter = store.load(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean asked = matter.round(roundId)
                .filter(round -> round.open() && round.asks(unitId, pointId))
                .isPresent();
        boolean answered = matter.positions().stream()
                .anyMatch(position ->
                        position.roundId() == roundId && position.pointId() == pointId && position.unitId() == unitId);
        if (matter.status() == MatterStatus.CLOSED || !asked || answered) {
            return false;
        }
        Instant now = Instant.now();
        store.savePosition(roundId, pointId, unitId, stance, null, null, null, recordedAs, now);
        String unitName = matter.partyNames().getOrDefault(unitId, "?");
        store.insertTimeline(id, now, recordedAs, "answered", null, null, unitName + "：" + recordedAs, null);
        audit(id, "answer-on-behalf", unitId, null, "round=" + roundId + "; point=" + pointId + "; stance=" + stance);
        return true;
    }

    /** Sends a divided point to the deciding leader with a brief generated from the positions. */
    @Transactional
    public void escalate(long id, long pointId, @Nullable String recommendation) {
        Viewer viewer = viewer();
        Matter matter = owned(id, viewer);
        matter.escalate(pointId);
        Point point = matter.point(pointId).orElseThrow();
        String brief = brief(matter, point, recommendation);
        store.escalatePoint(pointId, brief, optional(recommendation, 2000));
        Long leader = matter.decidingLeaderId();
        String leaderName = matter.parties().stream()
                .filter(party -> party.role() == PartyRole.DECIDING_LEADER)
                .map(MatterParty::name)
                .findFirst()
                .orElse("");
        timeline(id, viewer, "escalated", Direction.UP, leaderName, brief);
        audit(id, "escalate", null, "point=" + pointId + " DIVIDED", "ESCALATED");
        if (leader != null) {
            notifications.send(Notice.of(
                    Set.of(leader),
                    "coordination.escalation",
                    text("coordination.notice.escalated", matter.title()),
                    brief,
                    "/leader"));
        }
    }

    /** The deciding leader rules on an escalated point, with an optional written instruction relayed to the parties. */
    @Transactional
    public void rule(long id, long pointId, String ruling, @Nullable String instruction) {
        Viewer viewer = viewer();
        Matter matter = forChange(id, viewer);
        if (!viewer.leader() || viewer.personId() == null) {
            throw new MatterRefused.NotTheDecidingLeader();
        }
        matter.rule(pointId, viewer.personId());
        String cleanRuling = required(ruling, "coordination.field.ruling", 2000);
        Instant now = Instant.now();
        store.rulePoint(pointId, cleanRuling, viewer.personId(), now);
        Point point = matter.point(pointId).orElseThrow();
        String leaderName =
                directory.person(viewer.personId()).map(PersonSummary::name).orElse(viewer.username());
        timeline(
                id,
                viewer,
                "ruled",
                null,
                null,
                text("coordination.timeline.ruled", leaderName, point.text(), cleanRuling));
        List<Long> units = matter.partyUnitIds();
        if (instruction != null && !instruction.isBlank()) {
            String clean = required(instruction, "coordination.field.instruction", 2000);
            long original = timeline(
                    id,
                    viewer,
                    "instruction",
                    null,
                    null,
                    text("coordination.timeline.instruction", leaderName, clean));
            String names = String.join("、", matter.partyNames().values());
            Direction relayDirection = units.isEmpty()
                    ? Direction.DOWN
                    : directory.direction(Party.unit(matter.ownerUnitId()), Party.unit(units.get(0)));
            store.insertTimeline(
                    id,
                    now,
                    viewer.username(),
                    "relayed",
                    relayDirection,
                    names,
                    text("coordination.timeline.relayed", leaderName, clean),
                    original);
        }
        audit(id, "rule", null, "point=" + pointId + " ESCALATED", "RULED: " + cleanRuling);
        Set<Long> recipients = new LinkedHashSet<>(liaisonIds(units));
        recipients.add(matter.ownerId());
        notifications.send(Notice.of(
                recipients,
                "coordination.ruling",
                text("coordination.notice.ruled", matter.title()),
                point.text() + "：" + cleanRuling
                        + (instruction == null || instruction.isBlank() ? "" : "\n" + instruction),
                "/matters/" + id));
    }

    @Transactional
    public long addMeasure(long id, String what, long leadUnitId, Collection<Long> cooperating, LocalDate deadline) {
        Viewer viewer = viewer();
        Matter matter = owned(id, viewer);
        List<Long> helpers = cooperating.stream()
                .filter(unit -> unit != leadUnitId)
                .distinct()
                .toList();
        matter.addMeasure(leadUnitId, helpers);
        String clean = required(what, "coordination.field.what", 2000);
        long measureId = store.insertMeasure(id, clean, leadUnitId, helpers, deadline);
        timeline(
                id,
                viewer,
                "measure-added",
                null,
                matter.partyNames().get(leadUnitId),
                text("coordination.timeline.measureAdded", clean, deadline.toString()));
        audit(id, "add-measure", leadUnitId, null, clean + "; deadline=" + deadline);
        return measureId;
    }

    /** Adopts every measure not adopted yet; each one is published as {@link MeasureAdopted}. */
    @Transactional
    public List<Long> adoptMeasures(long id) {
        Viewer viewer = viewer();
        Matter matter = owned(id, viewer);
        List<Measure> pending = matter.adoptMeasures();
        Instant now = Instant.now();
        List<Long> adopted = new ArrayList<>();
        Set<Long> units = new LinkedHashSet<>();
        for (Measure measure : pending) {
            store.adoptMeasure(measure.id(), viewer.username(), now);
            events.publishEvent(new MeasureAdopted(
                    id,
                    measure.id(),
                    measure.what(),
                    measure.leadUnitId(),
                    Set.copyOf(measure.cooperatingUnitIds()),
                    measure.deadline(),
                    viewer.username()));
            adopted.add(measure.id());
            units.add(measure.leadUnitId());
            units.addAll(measure.cooperatingUnitIds());
        }
        store.setStatus(id, MatterStatus.ADOPTED, null);
        timeline(
                id,
                viewer,
                "measures-adopted",
                Direction.DOWN,
                null,
                text("coordination.timeline.adopted", pending.size()));
        audit(id, "adopt-measures", null, matter.status().name(), "ADOPTED; measures=" + adopted);
        notifyLiaisons(
                units,
                "coordination.measure",
                text("coordination.notice.adopted", matter.title()),
                pending.stream().map(Measure::what).collect(Collectors.joining("\n")),
                "/matters/" + id);
        return adopted;
    }

    @Transactional
    public void close(long id) {
        Viewer viewer = viewer();
        Matter matter = owned(id, viewer);
        matter.close();
        store.setStatus(id, MatterStatus.CLOSED, Instant.now());
        timeline(id, viewer, "closed", null, null, text("coordination.timeline.closed"));
        audit(id, "close", null, matter.status().name(), MatterStatus.CLOSED.name());
    }

    /** The open rounds that ask the signed-in liaison's unit, with the points to answer. */
    @Transactional(readOnly = true)
    public List<ToAnswer> toAnswer() {
        Viewer viewer = viewer();
        Long unitId = viewer.unitId();
        if (unitId == null) {
            return List.of();
        }
        List<ToAnswer> result = new ArrayList<>();
        for (Long matterId : store.withOpenRoundFor(Set.of(unitId))) {
            Optional<Matter> found = store.load(matterId);
            if (found.isEmpty() || !viewer.sees(found.get())) {
                continue;
            }
            Matter matter = found.get();
            matter.openRound()
                    .filter(round -> round.partyUnitIds().contains(unitId))
                    .ifPresent(round -> {
                        List<Point> points = matter.points().stream()
                                .filter(point -> round.pointIds().contains(point.id()))
                                .toList();
                        Map<Long, Position> answered = matter.positions().stream()
                                .filter(position -> position.roundId() == round.id() && position.unitId() == unitId)
                                .collect(Collectors.toMap(Position::pointId, position -> position));
                        result.add(new ToAnswer(matter, round, points, answered));
                    });
        }
        return result;
    }

    /** The points escalated to the signed-in leader and not ruled yet. */
    @Transactional(readOnly = true)
    public List<AwaitingRuling> awaitingRuling() {
        Viewer viewer = viewer();
        if (!viewer.leader() || viewer.personId() == null) {
            return List.of();
        }
        List<AwaitingRuling> result = new ArrayList<>();
        for (Long matterId : store.awaitingRuling(viewer.personId())) {
            store.load(matterId)
                    .ifPresent(matter -> matter.points().stream()
                            .filter(point -> point.status() == PointStatus.ESCALATED)
                            .forEach(point -> result.add(new AwaitingRuling(summary(matter), point))));
        }
        return result;
    }

    private static MatterSummary summary(Matter matter) {
        return new MatterSummary(
                matter.id(),
                matter.title(),
                matter.kind(),
                matter.status(),
                matter.ownerId(),
                matter.decidingLeaderId(),
                matter.createdAt());
    }

    private String brief(Matter matter, Point point, @Nullable String recommendation) {
        StringBuilder brief = new StringBuilder(text("coordination.brief.point", point.text()));
        Optional<ConsensusMatrix.RoundTable> last = matter.matrix().tables().stream()
                .filter(table ->
                        !table.round().open() && table.round().pointIds().contains(point.id()))
                .reduce((first, second) -> second);
        Map<Long, String> names = matter.partyNames();
        last.flatMap(table -> table.row(point.id()))
                .ifPresent(row -> row.cells().forEach((unitId, position) -> {
                    brief.append('\n').append(names.getOrDefault(unitId, "?")).append("：");
                    if (position == null) {
                        brief.append(text("coordination.verdict.UNANSWERED"));
                    } else {
                        brief.append(text(position.stance().messageKey()));
                        if (position.condition() != null) {
                            brief.append("，").append(position.condition());
                        }
                        if (position.reason() != null) {
                            brief.append("，")
                                    .append(text("coordination.brief.reason"))
                                    .append(position.reason());
                        }
                        if (position.counterProposal() != null) {
                            brief.append("，")
                                    .append(text("coordination.brief.counter"))
                                    .append(position.counterProposal());
                        }
                    }
                }));
        if (recommendation != null && !recommendation.isBlank()) {
            brief.append('\n').append(text("coordination.brief.recommendation", recommendation.strip()));
        }
        return brief.toString();
    }

    private Matter visible(long id, Viewer viewer) {
        return store.load(id).filter(viewer::sees).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The matter for a step on it: locked, visible to the viewer. */
    private Matter forChange(long id, Viewer viewer) {
        store.lock(id);
        return visible(id, viewer);
    }

    private Matter owned(long id, Viewer viewer) {
        Matter matter = forChange(id, viewer);
        if (!viewer.office() || viewer.personId() == null || viewer.personId() != matter.ownerId()) {
            throw new MatterRefused.NotTheOwner();
        }
        return matter;
    }

    private static Matter forViewer(Matter matter, Viewer viewer) {
        Long unitId = viewer.unitId();
        if (unitId == null) {
            return matter;
        }
        Set<Long> hidden = matter.rounds().stream()
                .filter(round -> round.open() && round.blind())
                .map(Round::id)
                .collect(Collectors.toSet());
        if (hidden.isEmpty()) {
            return matter;
        }
        List<Position> positions = matter.positions().stream()
                .filter(position -> !hidden.contains(position.roundId()) || position.unitId() == unitId)
                .toList();
        return new Matter(
                matter.id(),
                matter.title(),
                matter.kind(),
                matter.status(),
                matter.ownerId(),
                matter.ownerUnitId(),
                matter.decidingLeaderId(),
                matter.background(),
                matter.purpose(),
                matter.createdAt(),
                matter.closedAt(),
                matter.basis(),
                matter.parties(),
                matter.points(),
                matter.rounds(),
                positions,
                matter.measures(),
                matter.timeline());
    }

    /**
     * Records an entry on a matter's timeline for another module that has checked the actor's right to the matter
     * itself (an incident's steps, a timer's escalation). Nothing else on the matter changes.
     *
     * @return the entry's id
     */
    @Transactional
    public long record(long id, String actor, String action, String text) {
        store.lock(id);
        store.load(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return store.insertTimeline(id, Instant.now(), actor, action, null, null, text, null);
    }

    /**
     * Relays an entry (a leader's instruction) to party units: a second entry that names the original, shown
     * beside it, with the direction from the owner's unit to the first of them. For another module that has
     * checked the actor's right to the matter itself.
     *
     * @return the relay's id
     */
    @Transactional
    public long relay(long id, String actor, long entryId, Collection<Long> unitIds, String text) {
        store.lock(id);
        Matter matter = store.load(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // A relay is shown beside its original, so the original must be on this matter's timeline.
        if (matter.timeline().stream().noneMatch(entry -> entry.id() == entryId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Long> units = List.copyOf(new LinkedHashSet<>(unitIds));
        String names = units.stream()
                .map(unit -> matter.partyNames()
                        .getOrDefault(
                                unit,
                                directory
                                        .unit(unit)
                                        .map(UnitSummary::displayName)
                                        .orElse("?")))
                .collect(Collectors.joining("、"));
        Direction direction = units.isEmpty()
                ? Direction.DOWN
                : directory.direction(Party.unit(matter.ownerUnitId()), Party.unit(units.get(0)));
        return store.insertTimeline(id, Instant.now(), actor, "relayed", direction, names, text, entryId);
    }

    /** A matter's timeline, for another module that has checked the viewer's right to the matter itself. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long id) {
        return store.load(id).map(Matter::timeline).orElse(List.of());
    }

    private long timeline(
            long id, Viewer viewer, String action, @Nullable Direction direction, @Nullable String to, String text) {
        return store.insertTimeline(id, Instant.now(), viewer.username(), action, direction, to, text, null);
    }

    private void audit(long id, String action, @Nullable Long unitId, @Nullable String before, @Nullable String after) {
        events.publishEvent(Audited.now(MODULE, "matter", String.valueOf(id), action, unitId, before, after));
    }

    private List<Long> liaisonIds(Collection<Long> unitIds) {
        return unitIds.stream()
                .flatMap(unit -> directory.liaisons(unit).stream())
                .map(PersonSummary::id)
                .distinct()
                .toList();
    }

    private void notifyLiaisons(Collection<Long> unitIds, String kind, String title, String body, String link) {
        List<Long> recipients = liaisonIds(unitIds);
        if (!recipients.isEmpty()) {
            notifications.send(Notice.of(recipients, kind, title, body, link));
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, CHINESE);
    }

    private String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InputMissing(field);
        }
        return value.strip();
    }

    private static String optional(@Nullable String value, int max) {
        String clean = value == null ? "" : value.strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
