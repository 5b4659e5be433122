package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The state machine of an incoming document: every step from every state, allowed or refused. */
class IncomingDocumentTest {

    static final LocalDate RECEIVED = LocalDate.of(2026, 11, 20);

    static final Map<String, Set<IncomingState>> ALLOWED = Map.of(
            "register", EnumSet.of(IncomingState.SIGNED, IncomingState.RETURNED),
            "accept", EnumSet.of(IncomingState.REGISTERED),
            "return", EnumSet.of(IncomingState.REGISTERED),
            "route", EnumSet.of(IncomingState.ACCEPTED),
            "circulate", EnumSet.of(IncomingState.ACCEPTED, IncomingState.ROUTED),
            "remind", EnumSet.of(IncomingState.ROUTED),
            "reply", EnumSet.of(IncomingState.ROUTED));

    static final Map<String, IncomingState> AFTER = Map.of(
            "register", IncomingState.REGISTERED,
            "accept", IncomingState.ACCEPTED,
            "return", IncomingState.RETURNED,
            "route", IncomingState.ROUTED,
            "reply", IncomingState.CLOSED);

    final AtomicInteger numbersTaken = new AtomicInteger();

    static IncomingRegistration registration(String title) {
        return new IncomingRegistration(
                7L,
                "示例市住房和城乡建设局",
                "示例建发〔2026〕3号",
                title,
                Genre.REQUEST,
                null,
                null,
                1,
                null,
                List.of(),
                RECEIVED,
                null);
    }

    IncomingDocument in(IncomingState state) {
        IncomingDocument document = IncomingDocument.signed(
                IncomingChannel.POST,
                Instant.parse("2026-11-20T01:02:03Z"),
                "huanghaitao",
                "黄海涛",
                registration("关于某事的请示"));
        switch (state) {
            case SIGNED:
                return document;
            case REGISTERED:
                document.register(registration("关于某事的请示"), "huanghaitao", 11L, this::number);
                return document;
            case RETURNED:
                in(document, IncomingState.REGISTERED);
                document.returnToSender(IncomingReturnReason.SEVERAL_MATTERS, null);
                return document;
            case ACCEPTED:
                in(document, IncomingState.REGISTERED);
                document.accept();
                return document;
            case ROUTED:
                in(document, IncomingState.ACCEPTED);
                document.route(3L, "秘书科", "请秘书科研提意见", RECEIVED.plusDays(7));
                return document;
            case CLOSED:
            default:
                in(document, IncomingState.ROUTED);
                document.reply(IncomingReplyKind.PHONE, null, RECEIVED.plusDays(2), Instant.now());
                return document;
        }
    }

    private void in(IncomingDocument document, IncomingState state) {
        if (state == IncomingState.REGISTERED) {
            document.register(registration("关于某事的请示"), "huanghaitao", 11L, this::number);
        } else if (state == IncomingState.ACCEPTED) {
            in(document, IncomingState.REGISTERED);
            document.accept();
        } else if (state == IncomingState.ROUTED) {
            in(document, IncomingState.ACCEPTED);
            document.route(3L, "秘书科", "请秘书科研提意见", RECEIVED.plusDays(7));
        }
    }

    private IncomingDocument.ReceiptNumber number() {
        return new IncomingDocument.ReceiptNumber(2026, numbersTaken.incrementAndGet());
    }

    static Map<String, Consumer<IncomingDocument>> steps(IncomingDocumentTest test) {
        return Map.of(
                "register", d -> d.register(registration("关于某事的请示（修改）"), "longminghui", 22L, test::number),
                "accept", IncomingDocument::accept,
                "return", d -> d.returnToSender(IncomingReturnReason.OTHER, "缺少附件"),
                "route", d -> d.route(3L, "秘书科", "拟办", RECEIVED.plusDays(5)),
                "circulate", IncomingDocument::checkMayCirculate,
                "remind", IncomingDocument::checkMayRemind,
                "reply",
                        d -> d.reply(IncomingReplyKind.DOCUMENT, "示例府办函〔2026〕9号", RECEIVED.plusDays(3), Instant.now()));
    }

    @ParameterizedTest
    @EnumSource(IncomingState.class)
    void everyStepFromEveryStateIsAllowedOrRefusedWithNothingChanged(IncomingState state) {
        for (String step : ALLOWED.keySet()) {
            IncomingDocument document = in(state);
            IncomingDocument.ReceiptNumber numberBefore = document.receiptNumber();
            String titleBefore = document.registration().title();
            int taken = numbersTaken.get();
            Consumer<IncomingDocument> action = steps(this).get(step);
            if (ALLOWED.get(step).contains(state)) {
                action.accept(document);
                assertThat(document.state()).as(step + " from " + state).isEqualTo(AFTER.getOrDefault(step, state));
            } else {
                assertThatThrownBy(() -> action.accept(document))
                        .as(step + " from " + state)
                        .isInstanceOf(IncomingRefused.class)
                        .extracting(e -> ((IncomingRefused) e).messageKey())
                        .asString()
                        .startsWith("documents.incoming.refused.");
                assertThat(document.state())
                        .as(step + " from " + state + " leaves the state")
                        .isEqualTo(state);
                assertThat(document.receiptNumber()).isEqualTo(numberBefore);
                assertThat(document.registration().title()).isEqualTo(titleBefore);
                assertThat(numbersTaken.get())
                        .as("no number taken by a refused step")
                        .isEqualTo(taken);
            }
        }
    }

    @Test
    void theFirstRegistrationTakesANumberAndRegisteringAgainAfterAReturnKeepsIt() {
        IncomingDocument document = in(IncomingState.SIGNED);
        assertThat(document.receiptNumber()).isNull();
        document.register(registration("关于甲事和乙事的请示"), "huanghaitao", 11L, this::number);
        IncomingDocument.ReceiptNumber first = document.receiptNumber();
        assertThat(first).isEqualTo(new IncomingDocument.ReceiptNumber(2026, 1));
        assertThat(first.format("收文")).isEqualTo("收文〔2026〕1号");

        document.returnToSender(IncomingReturnReason.SEVERAL_MATTERS, "请将两件事分别行文");
        assertThat(document.state()).isEqualTo(IncomingState.RETURNED);
        assertThat(document.returnReasonKind()).isEqualTo(IncomingReturnReason.SEVERAL_MATTERS);
        assertThat(document.returnReason()).isEqualTo("请将两件事分别行文");

        document.register(registration("关于甲事的请示"), "huanghaitao", 11L, this::number);
        assertThat(document.state()).isEqualTo(IncomingState.REGISTERED);
        assertThat(document.receiptNumber()).isEqualTo(first);
        assertThat(document.registration().title()).isEqualTo("关于甲事的请示");
        assertThat(numbersTaken.get()).isEqualTo(1);

        document.accept();
        assertThat(document.returnReason()).isNull();
    }

    @Test
    void aReturnForAnotherReasonMustSayWhyAndChangesNothingWithout() {
        IncomingDocument document = in(IncomingState.REGISTERED);
        assertThatThrownBy(() -> document.returnToSender(IncomingReturnReason.OTHER, " "))
                .isInstanceOf(IncomingInputRejected.class);
        assertThat(document.state()).isEqualTo(IncomingState.REGISTERED);
        assertThat(document.returnReasonKind()).isNull();
    }

    @Test
    void routingNeedsAnOpinionAndADeadlineNotBeforeReceipt() {
        IncomingDocument document = in(IncomingState.ACCEPTED);
        assertThatThrownBy(() -> document.route(3L, "秘书科", "", RECEIVED.plusDays(3)))
                .isInstanceOf(IncomingInputRejected.class);
        assertThatThrownBy(() -> document.route(3L, "秘书科", "拟办", RECEIVED.minusDays(1)))
                .isInstanceOf(IncomingInputRejected.class);
        assertThat(document.state()).isEqualTo(IncomingState.ACCEPTED);
        assertThat(document.handlingUnitId()).isNull();
    }

    @Test
    void aReplyByDocumentOrLetterNamesItsNumberAndIsNotDatedBeforeReceipt() {
        IncomingDocument document = in(IncomingState.ROUTED);
        assertThatThrownBy(() -> document.reply(IncomingReplyKind.DOCUMENT, null, RECEIVED, Instant.now()))
                .isInstanceOf(IncomingInputRejected.class);
        assertThatThrownBy(() -> document.reply(IncomingReplyKind.LETTER, "函", RECEIVED.minusDays(1), Instant.now()))
                .isInstanceOf(IncomingInputRejected.class);
        assertThat(document.state()).isEqualTo(IncomingState.ROUTED);
        document.reply(IncomingReplyKind.PHONE, null, RECEIVED, Instant.now());
        assertThat(document.state()).isEqualTo(IncomingState.CLOSED);
        assertThat(document.closedAt()).isNotNull();
    }

    @Test
    void theDeadlineThatCountsIsTheSendersUntilRoutedThenTheHandlingOne() {
        IncomingDocument document = IncomingDocument.signed(
                IncomingChannel.ELECTRONIC,
                Instant.now(),
                "huanghaitao",
                "黄海涛",
                new IncomingRegistration(
                        null,
                        "示例省人民政府办公厅",
                        null,
                        "关于某事的通知",
                        Genre.NOTICE,
                        IncomingUrgency.URGENT,
                        null,
                        1,
                        null,
                        List.of(),
                        RECEIVED,
                        RECEIVED.plusDays(10)));
        assertThat(document.deadline()).isEqualTo(RECEIVED.plusDays(10));
        assertThat(document.isOverdue(RECEIVED.plusDays(11))).isTrue();
        document.register(document.registration(), "huanghaitao", 11L, this::number);
        document.accept();
        document.route(3L, "秘书科", "拟办", RECEIVED.plusDays(5));
        assertThat(document.deadline()).isEqualTo(RECEIVED.plusDays(5));
        assertThat(document.isOverdue(RECEIVED.plusDays(5))).isFalse();
        assertThat(document.isOverdue(RECEIVED.plusDays(6))).isTrue();
        document.reply(IncomingReplyKind.PHONE, null, RECEIVED.plusDays(6), Instant.now());
        assertThat(document.isOverdue(RECEIVED.plusDays(30))).isFalse();
    }

    @Test
    void aRegistrationIsCheckedWhenMade() {
        assertThatThrownBy(() -> new IncomingRegistration(
                        null, " ", null, "标题", null, null, null, 1, null, List.of(), RECEIVED, null))
                .isInstanceOf(IncomingInputRejected.class);
        assertThatThrownBy(() -> new IncomingRegistration(
                        null, "某单位", null, "标题", null, null, null, 0, null, List.of(), RECEIVED, null))
                .isInstanceOf(IncomingInputRejected.class);
        assertThatThrownBy(() -> new IncomingRegistration(
                        null, "某单位", null, "标题", null, null, null, 1, null, List.of(), RECEIVED, RECEIVED.minusDays(1)))
                .isInstanceOf(IncomingInputRejected.class);
        IncomingRegistration ok = new IncomingRegistration(
                null, " 某单位 ", null, " 标题 ", null, null, null, 1, null, List.of("附件1", " ", "附件2"), RECEIVED, null);
        assertThat(ok.senderName()).isEqualTo("某单位");
        assertThat(ok.attachments()).containsExactly("附件1", "附件2");
    }
}
