package org.accord.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.security.DataScope;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few incoming documents of the demo city, taken through the same steps a clerk takes: #1 a 请示 of
 * 市水利局 routed to 秘书科 and circulated to 刘芳; #2 a 报告 of 市住建局 awaiting its check; #3 an urgent
 * notice of the province circulated to 陈志华.
 */
@Component
@Profile("demo")
@Order(50)
class IncomingDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IncomingDemo.class);

    private final IncomingDesk desk;
    private final IncomingDocuments documents;
    private final Directory directory;

    IncomingDemo(IncomingDesk desk, IncomingDocuments documents, Directory directory) {
        this.desk = desk;
        this.documents = documents;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (documents.count() > 0) {
            return;
        }
        PersonSummary clerk = directory.personByCode("P0011").orElse(null);
        UnitSummary slj = directory.unitByCode("SLJ").orElse(null);
        UnitSummary zjj = directory.unitByCode("ZJJ").orElse(null);
        UnitSummary section = directory.unitByCode("SZFB-MSK").orElse(null);
        PersonSummary liufang = directory.personByCode("P0004").orElse(null);
        PersonSummary chenzhihua = directory.personByCode("P0003").orElse(null);
        if (clerk == null || slj == null || zjj == null || section == null || liufang == null || chenzhihua == null) {
            log.warn("Demo incoming documents skipped: the demo directory is not loaded");
            return;
        }
        SignedInAccount me =
                new SignedInAccount(0, "huanghaitao", clerk.name(), Role.STAFF, clerk.id(), clerk.unitId(), "", true);
        DataScope office = new DataScope(DataScope.Kind.OFFICE, clerk.id(), Set.of());
        LocalDate today = desk.today();

        long first = desk.signFor(
                me,
                IncomingChannel.ELECTRONIC,
                null,
                new IncomingRegistration(
                        slj.id(),
                        slj.name(),
                        "示例水发〔2026〕31号",
                        "关于申请拨付2026年度防汛物资储备资金的请示",
                        Genre.REQUEST,
                        null,
                        null,
                        1,
                        4,
                        List.of("防汛物资储备清单"),
                        today,
                        null),
                true);
        desk.check(first, office, me, true, null, null);
        desk.route(first, office, me, section.id(), "请秘书科会同市财政局提出意见，报刘芳副市长审定。", null);
        desk.circulate(first, office, me, List.of(liufang.id()));

        desk.signFor(
                me,
                IncomingChannel.CONFIDENTIAL_EXCHANGE,
                null,
                new IncomingRegistration(
                        zjj.id(),
                        zjj.name(),
                        "示例建发〔2026〕58号",
                        "关于2026年城镇老旧小区改造工作进展情况的报告",
                        Genre.REPORT,
                        null,
                        null,
                        2,
                        6,
                        List.of(),
                        today,
                        null),
                true);

        long third = desk.signFor(
                me,
                IncomingChannel.CONFIDENTIAL_EXCHANGE,
                null,
                new IncomingRegistration(
                        null,
                        "示例省人民政府办公厅",
                        "示例省政办明电〔2026〕12号",
                        "关于做好今冬明春安全生产工作的紧急通知",
                        Genre.NOTICE,
                        IncomingUrgency.EXTRA_URGENT,
                        null,
                        1,
                        3,
                        List.of(),
                        today,
                        desk.today().plusDays(10)),
                true);
        desk.check(third, office, me, true, null, null);
        desk.circulate(third, office, me, List.of(chenzhihua.id()));
        log.info("Demo incoming documents registered");
    }
}
