package org.accord.coordination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Points × parties per round, computed from the rounds and the positions and nothing else: where all asked
 * parties agree (common ground), where any disagrees (divergence), where someone has not answered, and,
 * across rounds, which divergences narrowed (fewer disagreements than the last round that asked the point)
 * and which remained.
 */
public final class ConsensusMatrix {

    /** What one round says about one point. */
    public enum Verdict {
        /** Every asked party agrees, with or without conditions. */
        COMMON,
        /** At least one asked party disagrees. */
        DIVERGENT,
        /** Nobody disagrees, but someone has not answered yet. */
        UNANSWERED,
        /** Everyone answered, nobody disagrees, but someone has no opinion. */
        UNSETTLED;

        public String messageKey() {
            return "coordination.verdict." + name();
        }
    }

    /** Across rounds: how a point's divergence moved since the last round that asked it. */
    public enum Trend {
        FIRST,
        NARROWED,
        REMAINED,
        WIDENED;

        public String messageKey() {
            return "coordination.trend." + name();
        }
    }

    /** One point in one round: each asked unit's position (null if none), the verdict, the trend. */
    public record Row(
            long pointId, Map<Long, @Nullable Position> cells, Verdict verdict, int disagreements, Trend trend) {

        public @Nullable Position cell(long unitId) {
            return cells.get(unitId);
        }
    }

    /** One round's table. */
    public record RoundTable(Round round, List<Row> rows) {

        public List<Long> commonGround() {
            return pointsWith(Verdict.COMMON);
        }

        public List<Long> divergences() {
            return pointsWith(Verdict.DIVERGENT);
        }

        public List<Long> notAnswered() {
            return pointsWith(Verdict.UNANSWERED);
        }

        public List<Long> narrowed() {
            return rows.stream()
                    .filter(row -> row.trend() == Trend.NARROWED)
                    .map(Row::pointId)
                    .toList();
        }

        /** Points still divergent that did not narrow since the previous round asking them. */
        public List<Long> remained() {
            return rows.stream()
                    .filter(row -> row.verdict() == Verdict.DIVERGENT && row.trend() != Trend.NARROWED)
                    .map(Row::pointId)
                    .toList();
        }

        public Optional<Row> row(long pointId) {
            return rows.stream().filter(row -> row.pointId() == pointId).findFirst();
        }

        private List<Long> pointsWith(Verdict verdict) {
            return rows.stream()
                    .filter(row -> row.verdict() == verdict)
                    .map(Row::pointId)
                    .toList();
        }
    }

    private final List<RoundTable> tables;

    private ConsensusMatrix(List<RoundTable> tables) {
        this.tables = tables;
    }

    public static ConsensusMatrix of(Collection<Round> rounds, Collection<Position> positions) {
        Map<Long, Map<Long, Map<Long, Position>>> byRound = new HashMap<>();
        for (Position position : positions) {
            byRound.computeIfAbsent(position.roundId(), id -> new HashMap<>())
                    .computeIfAbsent(position.pointId(), id -> new HashMap<>())
                    .put(position.unitId(), position);
        }
        Map<Long, Integer> lastDisagreements = new HashMap<>();
        List<RoundTable> tables = new ArrayList<>();
        for (Round round :
                rounds.stream().sorted(Comparator.comparingInt(Round::number)).toList()) {
            Map<Long, Map<Long, Position>> answers = byRound.getOrDefault(round.id(), Map.of());
            List<Row> rows = new ArrayList<>();
            for (Long pointId : round.pointIds()) {
                Map<Long, Position> given = answers.getOrDefault(pointId, Map.of());
                Map<Long, @Nullable Position> cells = new LinkedHashMap<>();
                int agree = 0;
                int disagree = 0;
                int missing = 0;
                for (Long unitId : round.partyUnitIds()) {
                    Position position = given.get(unitId);
                    cells.put(unitId, position);
                    if (position == null) {
                        missing++;
                    } else if (position.stance() == Stance.DISAGREE) {
                        disagree++;
                    } else if (position.stance().agrees()) {
                        agree++;
                    }
                }
                Verdict verdict;
                if (disagree > 0) {
                    verdict = Verdict.DIVERGENT;
                } else if (missing > 0) {
                    verdict = Verdict.UNANSWERED;
                } else if (agree == round.partyUnitIds().size()) {
                    verdict = Verdict.COMMON;
                } else {
                    verdict = Verdict.UNSETTLED;
                }
                Integer before = lastDisagreements.get(pointId);
                Trend trend;
                if (before == null) {
                    trend = Trend.FIRST;
                } else if (disagree < before) {
                    trend = Trend.NARROWED;
                } else if (disagree > before) {
                    trend = Trend.WIDENED;
                } else {
                    trend = Trend.REMAINED;
                }
                lastDisagreements.put(pointId, disagree);
                rows.add(new Row(pointId, cells, verdict, disagree, trend));
            }
            tables.add(new RoundTable(round, List.copyOf(rows)));
        }
        return new ConsensusMatrix(List.copyOf(tables));
    }

    /** The tables, first round first. */
    public List<RoundTable> tables() {
        return tables;
    }

    public Optional<RoundTable> round(int number) {
        return tables.stream().filter(table -> table.round().number() == number).findFirst();
    }
}
