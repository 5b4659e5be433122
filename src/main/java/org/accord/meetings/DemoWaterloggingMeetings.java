package org.accord.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.Matters;
import org.accord.coordination.Round;
import org.accord.coordination.Stance;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The two waterlogging meetings of the tour (docs/tour.md), taken through the same steps as the pages, each person
 * acting under their own account:
 *
 * <ul>
 *   <li>scenario 1, a special meeting a few working days ahead chaired by 陈志华, who oversees 市住建局, 市水利局 and
 *       市城管局: positions collected beforehand (市住建局 and 市城管局 each say the other maintains the drainage
 *       network, so the important department's divergence is flagged), 会务科 and 行政科 asked to prepare, the
 *       notice sent, 市水利局's receipt in, 市住建局 sending its deputy head as a substitute awaiting acceptance,
 *       市城管局 not answered yet, nobody signed in;
 *   <li>scenario 2, the first meeting on the same subject held some weeks ago and concluded with minutes wanted: the
 *       documents module drafts its minutes from the seed ({@code DemoWaterloggingMinutes}).
 * </ul>
 *
 * Runs after {@link DemoMeetings}, so meeting 1 stays the winter-safety meeting the access matrix relies on.
 */
@Component
@Profile("demo")
@Order(110)
class DemoWaterloggingMeetings implements ApplicationRunner {

    static final String TITLE = "城市内涝治理专题会议";
    static final String FIRST_TITLE = "城市排水防涝工作专题会议";

    private static final Logger log = LoggerFactory.getLogger(DemoWaterloggingMeetings.class);

    private final MeetingDesk desk;
    private final MeetingStore store;
    private final Matters matters;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final UserDetailsService accounts;

    DemoWaterloggingMeetings(
            MeetingDesk desk,
            MeetingStore store,
            Matters matters,
            Directory directory,
            WorkingCalendar calendar,
            UserDetailsService accounts) {
        this.desk = desk;
        this.store = store;
        this.matters = matters;
        this.directory = directory;
        this.calendar = calendar;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.recent(null, null, 50).stream().anyMatch(m -> m.title().equals(TITLE))) {
            return;
        }
        PersonSummary chair = directory.personByCode("P0003").orElse(null);
        UnitSummary zjj = directory.unitByCode("ZJJ").orElse(null);
        UnitSummary slj = directory.unitByCode("SLJ").orElse(null);
        UnitSummary cgj = directory.unitByCode("CGJ").orElse(null);
        if (chair == null || zjj == null || slj == null || cgj == null || !accountsExist()) {
            log.info("Demo directory or accounts incomplete; no waterlogging meetings");
            return;
        }
        Units units = new Units(zjj.id(), slj.id(), cgj.id());
        long first = as("huanghaitao", () -> firstMeeting(chair.id(), units));
        long coming = as("huanghaitao", () -> comingMeeting(chair.id(), units));
        log.info("Demo waterlogging meetings {} (held, minutes wanted) and {} (receipts coming in)", first, coming);
    }

    private record Units(long zjj, long slj, long cgj) {}

    private boolean accountsExist() {
        try {
            for (String username : List.of("huanghaitao", "weilijuan", "yuanying", "panlei")) {
                accounts.loadUserByUsername(username);
            }
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    // ---- scenario 2: the first meeting, held some weeks ago

    private long firstMeeting(long chairId, Units units) {
        LocalDate day = calendar.addWorkingDays(calendar.dateOf(Instant.now()), -20);
        long id = desk.create(
                FIRST_TITLE,
                MeetingKind.THEMATIC,
                chairId,
                room("SZF-HYS2"),
                null,
                day,
                LocalTime.of(15, 0),
                LocalTime.of(16, 30),
                day.minusDays(1).atTime(17, 0),
                "入汛前全市排水设施普查发现中心城区管网淤堵严重，部分老旧管段权属不清。",
                "部署汛前管网清疏和易涝点排查，理清管网移交后的养护责任。",
                "陈志华副市长在市水利局《关于2026年汛前准备情况的报告》上的批示",
                null,
                null,
                false);
        desk.addItem(id, "汛前排水管网清疏和易涝点排查", "市水利局");
        desk.addUnit(id, units.zjj(), AttendanceLevel.IN_CHARGE, true, false, null);
        desk.addUnit(id, units.slj(), AttendanceLevel.IN_CHARGE, false, false, null);
        desk.addUnit(id, units.cgj(), AttendanceLevel.IN_CHARGE, false, false, null);
        desk.sendNotice(id);
        as("weilijuan", () -> answer(id, "P0075"));
        as("yuanying", () -> answer(id, "P0087"));
        as("panlei", () -> answer(id, "P0079"));
        Meeting held = store.load(id).orElseThrow();
        held.receipts().forEach(receipt -> desk.signIn(id, receipt.id()));
        AgendaItem item = held.items().get(0);
        desk.recordOutcome(
                id, item.id(), "会议听取了市水利局关于汛前准备情况的汇报。会议认为，中心城区排水管网清疏任务重、时间紧，" + "须在主汛期前完成；管网移交后的日常养护责任仍有不同认识，由纪要明确。");
        desk.addDecision(
                id,
                item.id(),
                new MeetingDesk.DecisionInput("完成中心城区易涝点排查并建立台账", units.slj(), List.of(units.cgj()), day.plusDays(14)));
        desk.addDecision(
                id,
                item.id(),
                new MeetingDesk.DecisionInput("完成中心城区主干排水管网清疏", units.cgj(), List.of(units.zjj()), day.plusDays(56)));
        desk.conclude(id, true);
        return id;
    }

    private Void answer(long id, String personCode) {
        PersonSummary person = directory.personByCode(personCode).orElseThrow();
        desk.answer(id, true, person.id(), null, null, null, AttendanceLevel.IN_CHARGE, null);
        return null;
    }

    // ---- scenario 1: the special meeting a few working days ahead

    private long comingMeeting(long chairId, Units units) {
        LocalDate day = calendar.addWorkingDays(calendar.dateOf(Instant.now()), 4);
        long id = desk.create(
                TITLE,
                MeetingKind.THEMATIC,
                chairId,
                room("SZF-HYS1"),
                null,
                day,
                LocalTime.of(9, 30),
                LocalTime.of(11, 30),
                null,
                "今年入汛以来中心城区三次强降雨，多个下穿通道和老旧小区积水，群众反映强烈。" + "排水管网移交后，新建、改造和日常养护的责任一直没有理顺。",
                "明确中心城区排水管网的养护主体，定下易涝点整治的分工和完成时限。",
                "陈志华副市长关于城市内涝治理的批示",
                null,
                null,
                false);
        desk.addItem(id, "中心城区排水管网养护责任划分", "市住建局");
        desk.addItem(id, "易涝点整治计划和汛后隐患排查", "市水利局");
        desk.addUnit(id, units.zjj(), AttendanceLevel.PRINCIPAL, true, false, null);
        desk.addUnit(id, units.slj(), AttendanceLevel.IN_CHARGE, false, false, null);
        desk.addUnit(id, units.cgj(), AttendanceLevel.IN_CHARGE, false, false, null);
        desk.consult(id, List.of(), 2);

        Meeting meeting = store.load(id).orElseThrow();
        long network = pointOf(meeting, 1);
        long plan = pointOf(meeting, 2);
        as(
                "weilijuan",
                () -> positions(
                        meeting,
                        Map.of(
                                network,
                                new Answer(
                                        Stance.DISAGREE,
                                        null,
                                        "管网已按2024年移交方案交由城管部门运行管理，住建局不再承担日常养护。",
                                        "由市城管局负责中心城区排水管网日常养护，住建局负责新建和改造工程。"),
                                plan,
                                new Answer(Stance.AGREE, null, null, null))));
        as(
                "yuanying",
                () -> positions(
                        meeting,
                        Map.of(
                                network,
                                new Answer(Stance.AGREE_WITH_CONDITIONS, "河道排口以外的城市管网不列入水利部门职责。", null, null),
                                plan,
                                new Answer(Stance.AGREE, null, null, null))));
        as(
                "panlei",
                () -> positions(
                        meeting,
                        Map.of(
                                network,
                                new Answer(
                                        Stance.DISAGREE,
                                        null,
                                        "移交手续尚未办完，管网资产和养护经费仍在住建局。",
                                        "移交办结前由市住建局继续负责养护，市城管局配合巡查。"),
                                plan,
                                new Answer(Stance.AGREE_WITH_CONDITIONS, "易涝点整治资金需市财政单列。", null, null))));
        desk.closeConsultation(id);

        long hwk = directory.unitByCode("SZFB-HWK").orElseThrow().id();
        long xzk = directory.unitByCode("SZFB-XZK").orElseThrow().id();
        desk.requestCooperation(id, hwk, CooperationKind.MATERIALS, "印制会议材料25份，制作桌签，调试投影", null);
        desk.requestCooperation(id, xzk, CooperationKind.CAR, "会前半小时开放地下停车场，安排专人引导参会车辆", null);
        desk.sendNotice(id);

        // 市水利局 sends the deputy head asked for; 市住建局's head is away, so a deputy comes in his place.
        as("yuanying", () -> answer(id, "P0087"));
        as("weilijuan", () -> answer(id, "P0075"));
        return id;
    }

    private record Answer(
            Stance stance,
            @org.jspecify.annotations.Nullable String condition,
            @org.jspecify.annotations.Nullable String reason,
            @org.jspecify.annotations.Nullable String counterProposal) {}

    private Void positions(Meeting meeting, Map<Long, Answer> answers) {
        Round round = matters.get(meeting.matterId()).openRound().orElseThrow();
        answers.forEach((point, answer) -> matters.answer(
                meeting.matterId(),
                round.id(),
                point,
                answer.stance(),
                answer.condition(),
                answer.reason(),
                answer.counterProposal()));
        return null;
    }

    private static long pointOf(Meeting meeting, int number) {
        return meeting.items().stream()
                .filter(item -> item.number() == number)
                .map(AgendaItem::pointId)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow();
    }

    private long room(String code) {
        return store.rooms().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private <T> T as(String username, java.util.function.Supplier<T> step) {
        var previous = SecurityContextHolder.getContext();
        UserDetails account = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(account, null, account.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
