package org.accord.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.accord.directory.Direction;
import org.junit.jupiter.api.Test;

/** The guarded transitions of a matter, without a database. */
class MatterTest {

    static final long ZJJ = 1;
    static final long SLJ = 2;
    static final long LEADER = 90;

    static Matter matter(
            MatterStatus status,
            List<Point> points,
            List<Round> rounds,
            List<Position> positions,
            List<Measure> measures,
            Long leader) {
        return new Matter(
                7,
                "事项",
                MatterKind.MEETING,
                status,
                5,
                6,
                leader,
                "",
                "",
                Instant.EPOCH,
                null,
                List.of(),
                List.of(
                        new MatterParty(1, ZJJ, null, PartyRole.LEAD, Direction.PARALLEL, "市住建局"),
                        new MatterParty(2, SLJ, null, PartyRole.CONSULTED, Direction.PARALLEL, "市水利局")),
                points,
                rounds,
                positions,
                measures,
                List.of());
    }

    static Point point(long id, PointStatus status) {
        return new Point(id, "议题" + id, status, null, null, null, null, null);
    }

    static Round round(long id, int number, boolean open, List<Long> points) {
        return new Round(
                id,
                number,
                LocalDate.of(2026, 12, 1),
                RoundVisibility.OPEN,
                open,
                List.of(ZJJ, SLJ),
                points,
                Instant.EPOCH,
                null);
    }

    static Position position(long round, long point, long unit, Stance stance) {
        return new Position(0, round, point, unit, stance, null, null, null, "x", Instant.EPOCH);
    }

    @Test
    void aClosedMatterRefusesEveryStep() {
        Matter closed = matter(MatterStatus.CLOSED, List.of(), List.of(), List.of(), List.of(), null);

        assertThatThrownBy(closed::addPoint).isInstanceOf(MatterRefused.MatterAlreadyClosed.class);
        assertThatThrownBy(closed::close).isInstanceOf(MatterRefused.MatterAlreadyClosed.class);
        assertThatThrownBy(() -> closed.addParty(3L, null, PartyRole.INFORMED))
                .isInstanceOf(MatterRefused.MatterAlreadyClosed.class);
    }

    @Test
    void closingIsRefusedWhileAPointIsStillDivided() {
        Matter matter = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.AGREED), point(2, PointStatus.DIVIDED)),
                List.of(round(10, 1, false, List.of(1L, 2L))),
                List.of(),
                List.of(),
                LEADER);

        assertThatThrownBy(matter::close)
                .isInstanceOf(MatterRefused.PointStillDivided.class)
                .satisfies(e -> assertThat(((MatterRefused) e).arguments()).containsExactly("议题2"));
        assertThatThrownBy(matter::adoptMeasures).isInstanceOf(MatterRefused.PointStillDivided.class);
    }

    @Test
    void closingAfterEveryPointIsAgreedOrRuled() {
        Matter matter = matter(
                MatterStatus.ADOPTED,
                List.of(point(1, PointStatus.AGREED), point(2, PointStatus.RULED)),
                List.of(round(10, 1, false, List.of(1L, 2L))),
                List.of(),
                List.of(),
                LEADER);

        matter.close();
    }

    @Test
    void onlyOneRoundAtATimeAndOnlyOnUnsettledPoints() {
        Matter open = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.OPEN)),
                List.of(round(10, 1, true, List.of(1L))),
                List.of(),
                List.of(),
                null);
        assertThatThrownBy(() -> open.openRound(List.of(1L), List.of(ZJJ)))
                .isInstanceOf(MatterRefused.RoundStillOpen.class);
        assertThatThrownBy(open::close).isInstanceOf(MatterRefused.RoundStillOpen.class);

        Matter agreed = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.AGREED), point(2, PointStatus.DIVIDED)),
                List.of(round(10, 1, false, List.of(1L, 2L))),
                List.of(),
                List.of(),
                null);
        assertThatThrownBy(() -> agreed.openRound(List.of(1L), List.of(ZJJ)))
                .isInstanceOf(MatterRefused.PointAlreadySettled.class);
        assertThatThrownBy(() -> agreed.openRound(List.of(2L), List.of(99L)))
                .isInstanceOf(MatterRefused.NotAParty.class);
        assertThat(agreed.openRound(List.of(2L), List.of(ZJJ, SLJ))).isEqualTo(2);
    }

    @Test
    void closingARoundSettlesCommonGroundAndMarksDivergences() {
        Matter matter = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.OPEN), point(2, PointStatus.OPEN), point(3, PointStatus.OPEN)),
                List.of(round(10, 1, true, List.of(1L, 2L, 3L))),
                List.of(
                        position(10, 1, ZJJ, Stance.AGREE),
                        position(10, 1, SLJ, Stance.AGREE_WITH_CONDITIONS),
                        position(10, 2, ZJJ, Stance.AGREE),
                        position(10, 2, SLJ, Stance.DISAGREE),
                        position(10, 3, ZJJ, Stance.AGREE)),
                List.of(),
                null);

        assertThat(matter.closeRound())
                .isEqualTo(Map.of(1L, PointStatus.AGREED, 2L, PointStatus.DIVIDED, 3L, PointStatus.OPEN));
    }

    @Test
    void answersMustExplainDisagreementAndConditions() {
        Matter matter = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.OPEN)),
                List.of(round(10, 1, true, List.of(1L))),
                List.of(),
                List.of(),
                null);

        assertThatThrownBy(() -> matter.answer(10, 1, ZJJ, Stance.DISAGREE, null, " "))
                .isInstanceOf(MatterRefused.StanceUnexplained.class);
        assertThatThrownBy(() -> matter.answer(10, 1, ZJJ, Stance.AGREE_WITH_CONDITIONS, null, null))
                .isInstanceOf(MatterRefused.StanceUnexplained.class);
        assertThatThrownBy(() -> matter.answer(10, 1, 99, Stance.AGREE, null, null))
                .isInstanceOf(MatterRefused.NotAsked.class);
        matter.answer(10, 1, ZJJ, Stance.DISAGREE, null, "经费不足");
    }

    @Test
    void escalationNeedsADividedPointAndADecidingLeader() {
        Matter withoutLeader = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.DIVIDED), point(2, PointStatus.AGREED)),
                List.of(round(10, 1, false, List.of(1L, 2L))),
                List.of(),
                List.of(),
                null);
        assertThatThrownBy(() -> withoutLeader.escalate(1)).isInstanceOf(MatterRefused.NoDecidingLeader.class);

        Matter withLeader = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.DIVIDED), point(2, PointStatus.AGREED), point(3, PointStatus.ESCALATED)),
                List.of(round(10, 1, false, List.of(1L, 2L))),
                List.of(),
                List.of(),
                LEADER);
        assertThatThrownBy(() -> withLeader.escalate(2)).isInstanceOf(MatterRefused.PointNotDivided.class);
        withLeader.escalate(1);
        assertThatThrownBy(() -> withLeader.rule(1, LEADER)).isInstanceOf(MatterRefused.PointNotEscalated.class);
        assertThatThrownBy(() -> withLeader.rule(3, 91)).isInstanceOf(MatterRefused.NotTheDecidingLeader.class);
        withLeader.rule(3, LEADER);
    }

    @Test
    void adoptingNeedsMeasuresNotYetAdopted() {
        Measure adopted = new Measure(1, "已定", ZJJ, List.of(), LocalDate.of(2026, 12, 31), true, "x", Instant.EPOCH);
        Measure pending = new Measure(2, "待定", ZJJ, List.of(SLJ), LocalDate.of(2026, 12, 31), false, null, null);
        Matter none = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.AGREED)),
                List.of(),
                List.of(),
                List.of(adopted),
                null);
        assertThatThrownBy(none::adoptMeasures).isInstanceOf(MatterRefused.NoMeasureToAdopt.class);

        Matter some = matter(
                MatterStatus.CONSULTING,
                List.of(point(1, PointStatus.AGREED)),
                List.of(),
                List.of(),
                List.of(adopted, pending),
                null);
        assertThat(some.adoptMeasures()).containsExactly(pending);
        assertThatThrownBy(() -> some.addMeasure(99, List.of())).isInstanceOf(MatterRefused.NotAParty.class);
    }
}
