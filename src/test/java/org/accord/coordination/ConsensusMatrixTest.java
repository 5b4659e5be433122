package org.accord.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusMatrixTest {

    static final long A = 1;
    static final long B = 2;
    static final long C = 3;
    static final long P1 = 11;
    static final long P2 = 12;
    static final long P3 = 13;

    final List<Position> positions = new ArrayList<>();

    static Round round(long id, int number, List<Long> units, List<Long> points) {
        return new Round(
                id, number, LocalDate.of(2026, 12, 1), RoundVisibility.OPEN, false, units, points, Instant.EPOCH, null);
    }

    void answer(long round, long point, long unit, Stance stance) {
        positions.add(new Position(
                positions.size() + 1,
                round,
                point,
                unit,
                stance,
                null,
                stance == Stance.DISAGREE ? "理由" : null,
                null,
                "x",
                Instant.EPOCH));
    }

    @Test
    void commonGroundDivergencesAndNotAnswered() {
        Round first = round(100, 1, List.of(A, B, C), List.of(P1, P2, P3));
        answer(100, P1, A, Stance.AGREE);
        answer(100, P1, B, Stance.AGREE_WITH_CONDITIONS);
        answer(100, P1, C, Stance.AGREE);
        answer(100, P2, A, Stance.AGREE);
        answer(100, P2, B, Stance.DISAGREE);
        answer(100, P2, C, Stance.DISAGREE);
        answer(100, P3, A, Stance.AGREE);

        ConsensusMatrix.RoundTable table =
                ConsensusMatrix.of(List.of(first), positions).round(1).orElseThrow();

        assertThat(table.commonGround()).containsExactly(P1);
        assertThat(table.divergences()).containsExactly(P2);
        assertThat(table.notAnswered()).containsExactly(P3);
        assertThat(table.row(P3).orElseThrow().cell(B)).isNull();
        assertThat(table.row(P2).orElseThrow().disagreements()).isEqualTo(2);
    }

    @Test
    void noOpinionIsNeitherCommonNorDivergent() {
        Round first = round(100, 1, List.of(A, B), List.of(P1));
        answer(100, P1, A, Stance.AGREE);
        answer(100, P1, B, Stance.NO_OPINION);

        ConsensusMatrix.RoundTable table =
                ConsensusMatrix.of(List.of(first), positions).round(1).orElseThrow();

        assertThat(table.commonGround()).isEmpty();
        assertThat(table.divergences()).isEmpty();
        assertThat(table.row(P1).orElseThrow().verdict()).isEqualTo(ConsensusMatrix.Verdict.UNSETTLED);
    }

    @Test
    void narrowingAcrossRounds() {
        Round first = round(100, 1, List.of(A, B, C), List.of(P1, P2));
        answer(100, P1, A, Stance.DISAGREE);
        answer(100, P1, B, Stance.DISAGREE);
        answer(100, P1, C, Stance.AGREE);
        answer(100, P2, A, Stance.DISAGREE);
        answer(100, P2, B, Stance.AGREE);
        answer(100, P2, C, Stance.AGREE);
        Round second = round(200, 2, List.of(A, B, C), List.of(P1, P2));
        answer(200, P1, A, Stance.DISAGREE);
        answer(200, P1, B, Stance.AGREE);
        answer(200, P1, C, Stance.AGREE);
        answer(200, P2, A, Stance.DISAGREE);
        answer(200, P2, B, Stance.AGREE);
        answer(200, P2, C, Stance.AGREE);

        ConsensusMatrix matrix = ConsensusMatrix.of(List.of(second, first), positions);

        assertThat(matrix.tables()).extracting(table -> table.round().number()).containsExactly(1, 2);
        ConsensusMatrix.RoundTable two = matrix.round(2).orElseThrow();
        assertThat(two.narrowed()).containsExactly(P1);
        assertThat(two.remained()).containsExactly(P2);
        assertThat(matrix.round(1).orElseThrow().rows()).allMatch(row -> row.trend() == ConsensusMatrix.Trend.FIRST);
    }

    @Test
    void aRoundOnTheRemainingDivergenceComparesWithTheLastRoundThatAskedIt() {
        Round first = round(100, 1, List.of(A, B), List.of(P1, P2));
        answer(100, P1, A, Stance.AGREE);
        answer(100, P1, B, Stance.AGREE);
        answer(100, P2, A, Stance.DISAGREE);
        answer(100, P2, B, Stance.DISAGREE);
        Round second = round(200, 2, List.of(A, B), List.of(P2));
        answer(200, P2, A, Stance.AGREE);
        answer(200, P2, B, Stance.AGREE);

        ConsensusMatrix.RoundTable two =
                ConsensusMatrix.of(List.of(first, second), positions).round(2).orElseThrow();

        assertThat(two.rows()).hasSize(1);
        assertThat(two.commonGround()).containsExactly(P2);
        assertThat(two.narrowed()).containsExactly(P2);
    }
}
