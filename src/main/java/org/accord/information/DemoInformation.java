package org.accord.information;

import java.time.Instant;
import java.util.List;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A little information work in the demo city, so that the pages are not empty: a request to the water and
 * emergency bureaus only (which 市住建局's liaison must not see), a table-form request to seven units, the
 * vice-mayors' current concerns, a brief to 刘芳 only and one to 陈志华, and a suggestion to 刘芳.
 */
@Component
@Profile("demo")
@Order(60)
class DemoInformation implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final SituationRequests requests;
    private final Briefs briefs;
    private final LeaderDesk desk;

    DemoInformation(
            JdbcClient jdbc,
            Directory directory,
            WorkingCalendar calendar,
            SituationRequests requests,
            Briefs briefs,
            LeaderDesk desk) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
        this.requests = requests;
        this.briefs = briefs;
        this.desk = desk;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM info_request").query(Integer.class).single() > 0) {
            return;
        }
        PersonSummary staff = directory.personByCode("P0011").orElse(null);
        PersonSummary chen = directory.personByCode("P0003").orElse(null);
        PersonSummary liu = directory.personByCode("P0004").orElse(null);
        if (staff == null || chen == null || liu == null) {
            return;
        }
        SignedInAccount office =
                new SignedInAccount(0, "huanghaitao", staff.name(), Role.STAFF, staff.id(), staff.unitId(), "", true);
        Instant deadline = calendar.endOfOfficeHours(calendar.addWorkingDays(calendar.dateOf(Instant.now()), 3));
        requests.open(
                new SituationRequests.Draft(
                        "汛期水库蓄水及巡查情况",
                        "请报送所辖水库蓄水和巡查情况。",
                        "市防汛抗旱指挥部通知",
                        "蓄水量：1200（万立方米）",
                        new RequestForm(List.of(
                                new FormField(
                                        "f1", "蓄水量（万立方米）", FieldType.NUMBER, true, 0.0, null, "", List.of(), List.of()),
                                new FormField(
                                        "f2", "巡查情况", FieldType.TEXT, true, null, 500.0, "", List.of(), List.of()))),
                        deadline,
                        true,
                        units("SLJ", "YJJ")),
                office);
        requests.open(
                new SituationRequests.Draft(
                        "在建工地安全生产检查情况",
                        "请逐个列出在建重点工地的检查情况。",
                        "陈志华副市长在市安委会上的讲话",
                        "工地名称：东城区某商住项目；在建面积：3.2；风险等级：中",
                        new RequestForm(List.of(
                                new FormField(
                                        "f1",
                                        "检查工地数",
                                        FieldType.NUMBER,
                                        true,
                                        0.0,
                                        null,
                                        "本单位本周检查的工地个数",
                                        List.of(),
                                        List.of()),
                                new FormField(
                                        "f2",
                                        "重点工地",
                                        FieldType.TABLE,
                                        true,
                                        null,
                                        null,
                                        "每个工地一行",
                                        List.of(),
                                        List.of(
                                                new FormField(
                                                        "c1",
                                                        "工地名称",
                                                        FieldType.TEXT,
                                                        true,
                                                        null,
                                                        null,
                                                        "",
                                                        List.of(),
                                                        List.of()),
                                                new FormField(
                                                        "c2",
                                                        "在建面积（万平方米）",
                                                        FieldType.NUMBER,
                                                        false,
                                                        null,
                                                        null,
                                                        "",
                                                        List.of(),
                                                        List.of()),
                                                new FormField(
                                                        "c3",
                                                        "风险等级",
                                                        FieldType.SINGLE,
                                                        true,
                                                        null,
                                                        null,
                                                        "",
                                                        List.of("高", "中", "低"),
                                                        List.of()))),
                                new FormField(
                                        "f3",
                                        "检查报告",
                                        FieldType.ATTACHMENT,
                                        false,
                                        null,
                                        null,
                                        "",
                                        List.of(),
                                        List.of()))),
                        deadline,
                        false,
                        units("ZJJ", "CGJ", "SLJ", "WJW", "YJJ", "XFZD", "DCQ-BGS")),
                office);
        long flood = desk.addConcern(chen.id(), "汛期安全度汛", "水库、河道和在建工地");
        desk.addConcern(liu.id(), "秋冬季疫病防控", "");
        briefs.send(
                new Briefs.Draft(
                        BriefKind.FLASH, "全市医疗机构秋冬季接诊情况", "现将有关情况报告如下：……", "FREE", null, null, List.of(liu.id())),
                office);
        briefs.send(
                new Briefs.Draft(
                        BriefKind.SPECIAL,
                        "全市病险水库排查进展",
                        "现将有关情况报告如下：……以上情况，特此报告。",
                        "FREE",
                        null,
                        flood,
                        List.of(chen.id())),
                office);
        desk.fileSuggestion(
                new LeaderDesk.SuggestionDraft(liu.id(), null, "建议增设发热门诊夜间号源", "……", "市卫健委近两周接诊数据"), office);
    }

    private List<Long> units(String... codes) {
        return java.util.Arrays.stream(codes)
                .map(code -> directory.unitByCode(code).map(UnitSummary::id).orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
