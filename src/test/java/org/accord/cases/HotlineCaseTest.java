package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every step of the case and its shares, and every refusal: a refused step changes nothing. */
class HotlineCaseTest {

    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 16);

    HotlineCase c;
    Share lead;
    Share coopA;
    Share coopB;

    @BeforeEach
    void setUp() {
        c = new HotlineCase(Channel.PHONE, "楼上漏水", "qianhaitao", NOW);
        c.id = 1L;
    }

    void dispatched() {
        c.dispatch("COMPLAINT", DEADLINE, NOW);
        lead = share(11, 100, ShareRole.LEAD);
        coopA = share(12, 200, ShareRole.COOPERATING);
        coopB = share(13, 300, ShareRole.COOPERATING);
    }

    Share share(long id, long unit, ShareRole role) {
        Share s = new Share(1, unit, role, NOW, NOW.plusSeconds(4 * 3600));
        s.id = id;
        c.shares.add(s);
        return s;
    }

    void signedAll() {
        dispatched();
        lead.signFor(NOW);
        coopA.signFor(NOW);
        coopB.signFor(NOW);
    }

    void replied() {
        signedAll();
        coopA.report("已查", NOW);
        coopB.report("已查", NOW);
        c.requireCooperatorsReported();
        lead.draftReply(7);
        lead.approveReply(8, NOW);
        c.replied("已修复", NOW);
    }

    void unsatisfied() {
        replied();
        c.acceptReply(NOW);
        c.visit(Satisfaction.UNSATISFIED, Solved.PARTLY, NOW);
    }

    static void refused(Runnable step, String key) {
        assertThatThrownBy(step::run).isInstanceOf(CaseRefused.class).hasMessage(key);
    }

    @Test
    void answeredAtOnceIsClosedAsFirstContact() {
        c.answerAtOnce("按知识库答复", NOW);
        assertThat(c.status).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closing).isEqualTo(Closing.FIRST_CONTACT);
        refused(() -> c.answerAtOnce("again", NOW), "cases.refused.closed");
        refused(() -> c.dispatch("COMPLAINT", DEADLINE, NOW), "cases.refused.closed");
    }

    @Test
    void dispatchOnlyOnce() {
        dispatched();
        assertThat(c.status).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.deadline).isEqualTo(DEADLINE);
        refused(() -> c.dispatch("URGENT", TODAY, NOW), "cases.refused.alreadyDispatched");
        refused(() -> c.answerAtOnce("x", NOW), "cases.refused.alreadyDispatched");
        assertThat(c.timeLimitCode).isEqualTo("COMPLAINT");
    }

    @Test
    void signForOnce() {
        dispatched();
        lead.signFor(NOW);
        assertThat(lead.status).isEqualTo(ShareStatus.SIGNED);
        refused(() -> lead.signFor(NOW.plusSeconds(1)), "cases.refused.alreadySigned");
        assertThat(lead.signedAt).isEqualTo(NOW);
    }

    @Test
    void returnWithinTheWindowAcceptedOrRejected() {
        dispatched();
        Instant due = NOW.plusSeconds(86_400);
        coopA.requestReturn("非本单位职责", "三定方案", 400L, NOW, due);
        assertThat(coopA.status).isEqualTo(ShareStatus.RETURN_REQUESTED);
        refused(() -> coopA.requestReturn("x", "y", 400L, NOW, due), "cases.refused.returnNotNow");
        coopA.rejectReturn();
        assertThat(coopA.status).isEqualTo(ShareStatus.ASSIGNED);
        refused(coopA::rejectReturn, "cases.refused.noReturnRequested");
        refused(coopA::acceptReturn, "cases.refused.noReturnRequested");
        coopA.signFor(NOW);
        coopA.requestReturn("非本单位职责", "三定方案", 400L, NOW, due);
        coopA.rejectReturn();
        assertThat(coopA.status).isEqualTo(ShareStatus.SIGNED);
        coopA.requestReturn("非本单位职责", "三定方案", 400L, NOW, due);
        coopA.acceptReturn();
        assertThat(coopA.status).isEqualTo(ShareStatus.RETURNED);
        assertThat(coopA.active()).isFalse();
    }

    @Test
    void returnAfterTheWindowIsRefused() {
        dispatched();
        refused(
                () -> lead.requestReturn("x", "y", 400L, NOW.plusSeconds(90_000), NOW.plusSeconds(86_400)),
                "cases.refused.returnTooLate");
        assertThat(lead.status).isEqualTo(ShareStatus.ASSIGNED);
        assertThat(lead.returnReason).isNull();
    }

    @Test
    void extensionBeforeTheDeadlineByTheLeadOnly() {
        dispatched();
        refused(() -> lead.requestExtension(DEADLINE.plusDays(5), "需检测", DEADLINE, TODAY), "cases.refused.notSigned");
        lead.signFor(NOW);
        coopA.signFor(NOW);
        assertThatThrownBy(() -> coopA.requestExtension(DEADLINE.plusDays(5), "x", DEADLINE, TODAY))
                .isInstanceOf(NotYourStep.class);
        assertThatThrownBy(() -> lead.requestExtension(DEADLINE, "x", DEADLINE, TODAY))
                .isInstanceOf(CaseInputRejected.class);
        refused(
                () -> lead.requestExtension(DEADLINE.plusDays(5), "x", DEADLINE, DEADLINE.plusDays(1)),
                "cases.refused.extensionTooLate");
        lead.requestExtension(DEADLINE.plusDays(5), "需检测", DEADLINE, DEADLINE);
        refused(
                () -> lead.requestExtension(DEADLINE.plusDays(6), "x", DEADLINE, TODAY),
                "cases.refused.extensionPending");
        assertThat(lead.decideExtension()).isEqualTo(DEADLINE.plusDays(5));
        refused(lead::decideExtension, "cases.refused.noExtensionPending");
    }

    @Test
    void cooperatingUnitsReportOnceAfterSigning() {
        dispatched();
        refused(() -> coopA.report("x", NOW), "cases.refused.notSigned");
        coopA.signFor(NOW);
        coopA.report("已清掏管道", NOW);
        assertThat(coopA.status).isEqualTo(ShareStatus.REPORTED);
        refused(() -> coopA.report("again", NOW), "cases.refused.alreadyReported");
        assertThat(coopA.reportText).isEqualTo("已清掏管道");
        assertThatThrownBy(() -> lead.report("x", NOW)).isInstanceOf(NotYourStep.class);
    }

    @Test
    void theLeadCannotReplyWhileACooperatingUnitHasNotReported() {
        signedAll();
        coopA.report("已查", NOW);
        refused(c::requireCooperatorsReported, "cases.refused.cooperatingNotReported");
        coopB.report("已查", NOW);
        c.requireCooperatorsReported();
        lead.draftReply(7);
        assertThat(lead.status).isEqualTo(ShareStatus.DRAFTED);
        refused(() -> lead.draftReply(7), "cases.refused.replyNotNow");
    }

    @Test
    void aReturnedCooperatingUnitNoLongerHoldsTheReplyUp() {
        signedAll();
        coopA.report("已查", NOW);
        coopB.requestReturn("x", "y", 400L, NOW, NOW.plusSeconds(60));
        coopB.acceptReturn();
        c.requireCooperatorsReported();
    }

    @Test
    void theHeadApprovesOrSendsTheDraftBack() {
        signedAll();
        refused(() -> lead.approveReply(8, NOW), "cases.refused.noDraft");
        coopA.report("a", NOW);
        coopB.report("b", NOW);
        lead.draftReply(7);
        lead.rejectDraft();
        assertThat(lead.status).isEqualTo(ShareStatus.SIGNED);
        refused(lead::rejectDraft, "cases.refused.noDraft");
        lead.draftReply(7);
        lead.approveReply(8, NOW);
        assertThat(lead.status).isEqualTo(ShareStatus.REPLIED);
        assertThat(lead.approvedBy).isEqualTo(8L);
        assertThatThrownBy(() -> coopA.draftReply(7)).isInstanceOf(NotYourStep.class);
    }

    @Test
    void officeReviewsTheReply() {
        dispatched();
        refused(() -> c.acceptReply(NOW), "cases.refused.noReply");
        refused(() -> c.sendReplyBack(NOW), "cases.refused.noReply");
        c.shares.clear();
        c.status = CaseStatus.RECEIVED;
        replied();
        assertThat(c.status).isEqualTo(CaseStatus.REPLIED);
        c.sendReplyBack(NOW);
        assertThat(c.status).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(lead.status).isEqualTo(ShareStatus.SIGNED);
    }

    @Test
    void aSatisfiedVisitCloses() {
        replied();
        refused(() -> c.visit(Satisfaction.SATISFIED, Solved.SOLVED, NOW), "cases.refused.noVisitDue");
        c.acceptReply(NOW);
        assertThat(c.status).isEqualTo(CaseStatus.VISIT);
        c.visit(Satisfaction.BASICALLY_SATISFIED, Solved.SOLVED, NOW);
        assertThat(c.status).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closing).isEqualTo(Closing.SATISFIED);
    }

    @Test
    void anUnsatisfiedCaseIsReopenedOrClosedWithAReason() {
        unsatisfied();
        assertThat(c.status).isEqualTo(CaseStatus.UNSATISFIED);
        refused(() -> c.visit(Satisfaction.SATISFIED, Solved.SOLVED, NOW), "cases.refused.noVisitDue");
        c.reopen(DEADLINE.plusDays(20), NOW);
        assertThat(c.status).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.reopenCount).isEqualTo(1);
        assertThat(c.deadline).isEqualTo(DEADLINE.plusDays(20));
        assertThat(lead.status).isEqualTo(ShareStatus.SIGNED);
        refused(() -> c.reopen(DEADLINE, NOW), "cases.refused.notUnsatisfied");
        refused(() -> c.closeWithReason("x", NOW), "cases.refused.notUnsatisfied");
        c.replied("再次答复", NOW);
        c.acceptReply(NOW);
        c.visit(Satisfaction.VERY_UNSATISFIED, Solved.NOT_SOLVED, NOW);
        c.closeWithReason("诉求超出政策范围，已解释", NOW);
        assertThat(c.status).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closing).isEqualTo(Closing.WITH_REASON);
        refused(() -> c.reopen(DEADLINE, NOW), "cases.refused.closed");
    }

    @Test
    void mergeIntoAnOpenMaster() {
        HotlineCase master = new HotlineCase(Channel.PHONE, "同一处漏水", "qianhaitao", NOW);
        master.id = 2L;
        refused(() -> c.mergeInto(c, NOW), "cases.refused.mergeIntoSelf");
        master.status = CaseStatus.CLOSED;
        refused(() -> c.mergeInto(master, NOW), "cases.refused.masterFinished");
        master.status = CaseStatus.DISPATCHED;
        c.mergeInto(master, NOW);
        assertThat(c.status).isEqualTo(CaseStatus.MERGED);
        assertThat(c.masterId).isEqualTo(2L);
        refused(() -> c.dispatch("COMPLAINT", DEADLINE, NOW), "cases.refused.merged");
        HotlineCase replied = new HotlineCase(Channel.PHONE, "x", "x", NOW);
        replied.id = 3L;
        replied.status = CaseStatus.REPLIED;
        refused(() -> replied.mergeInto(master, NOW), "cases.refused.mergeNotNow");
    }

    @Test
    void suspensionStopsAndResumesTheClock() {
        refused(() -> c.suspend("等待群众补充材料", TODAY, NOW), "cases.refused.notHandling");
        dispatched();
        c.suspend("等待群众补充材料", TODAY, NOW);
        assertThat(c.suspended()).isTrue();
        refused(() -> c.suspend("again", TODAY, NOW), "cases.refused.alreadySuspended");
        c.resume(DEADLINE.plusDays(3), NOW);
        assertThat(c.suspended()).isFalse();
        assertThat(c.deadline).isEqualTo(DEADLINE.plusDays(3));
        refused(() -> c.resume(DEADLINE, NOW), "cases.refused.notSuspended");
    }

    @Test
    void repliedOnlyWhileHandling() {
        refused(() -> c.replied("x", NOW), "cases.refused.notHandling");
        assertThat(c.status).isEqualTo(CaseStatus.RECEIVED);
        assertThat(c.replyText).isNull();
    }
}
