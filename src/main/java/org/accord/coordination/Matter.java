package org.accord.coordination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.accord.coordination.MatterRefused.DecidingLeaderAlreadyNamed;
import org.accord.coordination.MatterRefused.MatterAlreadyClosed;
import org.accord.coordination.MatterRefused.NoDecidingLeader;
import org.accord.coordination.MatterRefused.NoMeasureToAdopt;
import org.accord.coordination.MatterRefused.NoRoundOpen;
import org.accord.coordination.MatterRefused.NotAParty;
import org.accord.coordination.MatterRefused.NotAsked;
import org.accord.coordination.MatterRefused.NothingToAsk;
import org.accord.coordination.MatterRefused.PartyAlreadyAdded;
import org.accord.coordination.MatterRefused.PointAlreadySettled;
import org.accord.coordination.MatterRefused.PointNotDivided;
import org.accord.coordination.MatterRefused.PointNotEscalated;
import org.accord.coordination.MatterRefused.PointStillDivided;
import org.accord.coordination.MatterRefused.RoundStillOpen;
import org.accord.coordination.MatterRefused.StanceUnexplained;
import org.jspecify.annotations.Nullable;

/**
 * A matter as loaded whole: its facts, parties, points, rounds, positions, measures and timeline. The
 * steps on it are methods named for the action; each checks its preconditions against this state and
 * throws a {@link MatterRefused} named for the fact that refuses, before anything is written.
 */
public record Matter(
        long id,
        String title,
        MatterKind kind,
        MatterStatus status,
        long ownerId,
        long ownerUnitId,
        @Nullable Long decidingLeaderId,
        String background,
        String purpose,
        Instant createdAt,
        @Nullable Instant closedAt,
        List<Basis> basis,
        List<MatterParty> parties,
        List<Point> points,
        List<Round> rounds,
        List<Position> positions,
        List<Measure> measures,
        List<TimelineEntry> timeline) {

    public boolean closed() {
        return status == MatterStatus.CLOSED;
    }

    public Optional<Round> openRound() {
        return rounds.stream().filter(Round::open).findFirst();
    }

    public Optional<Round> round(long roundId) {
        return rounds.stream().filter(round -> round.id() == roundId).findFirst();
    }

    public Optional<Point> point(long pointId) {
        return points.stream().filter(point -> point.id() == pointId).findFirst();
    }

    public List<Long> partyUnitIds() {
        return parties.stream()
                .map(MatterParty::unitId)
                .filter(Objects::nonNull)
                .map(Long.class::cast)
                .toList();
    }

    public boolean hasUnit(long unitId) {
        return partyUnitIds().contains(unitId);
    }

    public ConsensusMatrix matrix() {
        return ConsensusMatrix.of(rounds, positions);
    }

    public Map<Long, String> partyNames() {
        Map<Long, String> names = new TreeMap<>();
        parties.stream().filter(MatterParty::isUnit).forEach(party -> names.put(party.unitId(), party.name()));
        return names;
    }

    /** Anything but closing can be done only while the matter is not closed. */
    void ensureNotClosed() {
        if (closed()) {
            throw new MatterAlreadyClosed();
        }
    }

    /** Checks that a unit or a person may be added in this role. */
    void addParty(@Nullable Long unitId, @Nullable Long personId, PartyRole role) {
        ensureNotClosed();
        if ((unitId == null) == (personId == null)) {
            throw new MatterRefused.InputMissing("coordination.field.party");
        }
        if (role == PartyRole.DECIDING_LEADER && (personId == null || decidingLeaderId != null)) {
            if (personId == null) {
                throw new MatterRefused.InputMissing("coordination.field.party");
            }
            throw new DecidingLeaderAlreadyNamed();
        }
        boolean present = parties.stream()
                .anyMatch(
                        party -> Objects.equals(party.unitId(), unitId) && Objects.equals(party.personId(), personId));
        if (present) {
            throw new PartyAlreadyAdded();
        }
    }

    void addPoint() {
        ensureNotClosed();
    }

    /** Checks a new round and returns its number. Only points not yet settled are asked again. */
    int openRound(Collection<Long> pointIds, Collection<Long> unitIds) {
        ensureNotClosed();
        if (openRound().isPresent()) {
            throw new RoundStillOpen();
        }
        if (pointIds.isEmpty() || unitIds.isEmpty()) {
            throw new NothingToAsk();
        }
        for (Long pointId : pointIds) {
            Point point = point(pointId).orElseThrow(NotAsked::new);
            if (point.status() != PointStatus.OPEN && point.status() != PointStatus.DIVIDED) {
                throw new PointAlreadySettled(point.text());
            }
        }
        for (Long unitId : unitIds) {
            if (!hasUnit(unitId)) {
                throw new NotAParty();
            }
        }
        return rounds.size() + 1;
    }

    /**
     * Checks that the open round can be closed and returns what each asked point becomes: agreed where all
     * agree, divided where anyone disagrees, still open otherwise.
     */
    Map<Long, PointStatus> closeRound() {
        ensureNotClosed();
        Round round = openRound().orElseThrow(NoRoundOpen::new);
        ConsensusMatrix.RoundTable table = matrix().round(round.number()).orElseThrow(NoRoundOpen::new);
        Map<Long, PointStatus> outcome = new TreeMap<>();
        for (ConsensusMatrix.Row row : table.rows()) {
            PointStatus status;
            switch (row.verdict()) {
                case COMMON:
                    status = PointStatus.AGREED;
                    break;
                case DIVERGENT:
                    status = PointStatus.DIVIDED;
                    break;
                default:
                    status = PointStatus.OPEN;
            }
            outcome.put(row.pointId(), status);
        }
        return outcome;
    }

    /** Checks that a unit may answer on a point in a round. */
    void answer(
            long roundId,
            long pointId,
            long unitId,
            Stance stance,
            @Nullable String condition,
            @Nullable String reason) {
        ensureNotClosed();
        Round round = round(roundId).filter(Round::open).orElseThrow(NoRoundOpen::new);
        if (!round.asks(unitId, pointId)) {
            throw new NotAsked();
        }
        if (stance == Stance.DISAGREE && blank(reason)) {
            throw new StanceUnexplained(stance);
        }
        if (stance == Stance.AGREE_WITH_CONDITIONS && blank(condition)) {
            throw new StanceUnexplained(stance);
        }
    }

    /** Checks that a divided point can go to the deciding leader. */
    void escalate(long pointId) {
        ensureNotClosed();
        Point point = point(pointId).orElseThrow(NotAsked::new);
        if (point.status() != PointStatus.DIVIDED) {
            throw new PointNotDivided(point.text());
        }
        if (openRound().filter(round -> round.pointIds().contains(pointId)).isPresent()) {
            throw new RoundStillOpen();
        }
        if (decidingLeaderId == null) {
            throw new NoDecidingLeader();
        }
    }

    /** Checks that the deciding leader may rule on a point. */
    void rule(long pointId, long leaderPersonId) {
        ensureNotClosed();
        if (decidingLeaderId == null || decidingLeaderId != leaderPersonId) {
            throw new MatterRefused.NotTheDecidingLeader();
        }
        Point point = point(pointId).orElseThrow(NotAsked::new);
        if (point.status() != PointStatus.ESCALATED) {
            throw new PointNotEscalated(point.text());
        }
    }

    void addMeasure(long leadUnitId, Collection<Long> cooperatingUnitIds) {
        ensureNotClosed();
        if (!hasUnit(leadUnitId) || !cooperatingUnitIds.stream().allMatch(this::hasUnit)) {
            throw new NotAParty();
        }
    }

    /** Checks that the measures can be adopted and returns those not adopted yet. */
    List<Measure> adoptMeasures() {
        ensureNotClosed();
        ensureEveryPointSettled();
        List<Measure> pending = new ArrayList<>(
                measures.stream().filter(measure -> !measure.adopted()).toList());
        if (pending.isEmpty()) {
            throw new NoMeasureToAdopt();
        }
        return pending;
    }

    /** Checks that the matter can be closed: no open round, every point agreed or ruled. */
    void close() {
        ensureNotClosed();
        if (openRound().isPresent()) {
            throw new RoundStillOpen();
        }
        ensureEveryPointSettled();
    }

    private void ensureEveryPointSettled() {
        for (Point point : points) {
            if (!point.status().settled()) {
                throw new PointStillDivided(point.text());
            }
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
