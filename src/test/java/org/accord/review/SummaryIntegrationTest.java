package org.accord.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.directory.Directory;
import org.accord.supervision.SourceKind;
import org.accord.supervision.Supervision;
import org.accord.supervision.TaskRequest;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A week of 市水利局 (SLJ) built through the real steps: three supervised tasks (one done by its deadline, one done
 * after it, one overdue and open), a fourth not due yet, and a matter where SLJ disagreed and 陈志华 ruled. The
 * summaries generated from it state exactly those items; editing keeps the original; the exports carry title,
 * figures and items; and who sees what follows the data scope.
 */
@IntegrationTest
// A database of its own: other classes sharing one would complete and leave overdue 水利局 tasks of their own in the
// same week.
@TestPropertySource(properties = "accord.test.database-of-its-own=summaries")
class SummaryIntegrationTest {

    private static final AtomicLong SOURCE = new AtomicLong(880_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    Supervision supervision;

    @Autowired
    SummaryGenerator generator;

    @Autowired
    SummaryStore store;

    @Autowired
    SummarySchedule.Runner schedule;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    MockHttpSession staff;
    MockHttpSession sljLiaison;
    MockHttpSession leader;
    long slj;
    long chen;
    LocalDate today;

    @BeforeEach
    void signIn() throws Exception {
        staff = SignIn.as(mvc, "huanghaitao");
        sljLiaison = SignIn.as(mvc, "yuanying");
        leader = SignIn.as(mvc, "chenzhihua");
        slj = directory.unitByCode("SLJ").orElseThrow().id();
        chen = directory.personByCode("P0003").orElseThrow().id();
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    long task(String title, LocalDate deadline) {
        return supervision.open(
                new TaskRequest(SourceKind.DELEGATION, SOURCE.incrementAndGet(), title, slj, Set.of(), deadline));
    }

    void ok(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
    }

    void complete(long task) throws Exception {
        ok(post("/tasks/{id}/progress", task).session(sljLiaison).param("text", "已部署，正在推进"));
        ok(post("/tasks/{id}/completion", task).session(sljLiaison).param("evidence", "已办结，附验收记录"));
        ok(post("/tasks/{id}/review", task).session(staff).param("decision", "accept"));
    }

    long matterRuledAgainstSlj() throws Exception {
        String location = mvc.perform(post("/matters")
                        .session(staff)
                        .with(csrf())
                        .param("title", "汛期河道占用协调")
                        .param("kind", "GENERAL")
                        .param("background", "汛期临近")
                        .param("purpose", "明确占道审批"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long matter = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ok(post("/matters/{id}/parties", matter)
                .session(staff)
                .param("unitCode", "SLJ")
                .param("role", "LEAD"));
        ok(post("/matters/{id}/parties", matter)
                .session(staff)
                .param("role", "DECIDING_LEADER")
                .param("personId", String.valueOf(chen)));
        ok(post("/matters/{id}/points", matter).session(staff).param("text", "汛期能否临时占用河道"));
        long point = jdbc.queryForObject("SELECT id FROM coordination_point WHERE matter_id = ?", Long.class, matter);
        ok(post("/matters/{id}/rounds", matter)
                .session(staff)
                .param("workingDays", "3")
                .param("visibility", "OPEN"));
        long round = jdbc.queryForObject(
                "SELECT id FROM coordination_round WHERE matter_id = ? AND status = 'OPEN'", Long.class, matter);
        ok(post("/matters/{id}/positions", matter)
                .session(sljLiaison)
                .param("roundId", String.valueOf(round))
                .param("pointId", String.valueOf(point))
                .param("stance", "DISAGREE")
                .param("reason", "占用河道影响行洪"));
        ok(post("/matters/{id}/rounds/close", matter).session(staff));
        ok(post("/matters/{id}/points/{p}/escalate", matter, point).session(staff));
        ok(post("/matters/{id}/points/{p}/rule", matter, point).session(leader).param("ruling", "汛后再议，汛期不得占用"));
        return matter;
    }

    @Test
    void twoPeopleGeneratingTheSameSummaryAtOnceBothOpenOne() throws Exception {
        long zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        SummaryPeriod march = SummaryPeriod.containing(SummaryPeriod.Kind.MONTH, java.time.LocalDate.of(2025, 3, 10));
        var inserted = new java.util.concurrent.CountDownLatch(1);
        var secondStarted = new java.util.concurrent.CountDownLatch(1);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // The first holds its new summary uncommitted while the second finds none and inserts the same key.
            var first = pool.submit(() -> transactions.execute(status -> {
                var coverage = generator.coverage(Summary.Subject.UNIT, zjj).orElseThrow();
                SummaryGenerator.Generated made = new SummaryGenerator.Generated(
                        store.insert(generator.compose(
                                Summary.Subject.UNIT, zjj, coverage, march, "huanghaitao", java.time.Instant.now())),
                        true);
                inserted.countDown();
                try {
                    secondStarted.await();
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return made;
            }));
            // The second asks through the page, as a person would: it must open the first one's summary.
            var second = pool.submit(() -> {
                inserted.await();
                secondStarted.countDown();
                return mvc.perform(post("/review/summaries")
                                .session(staff)
                                .with(csrf())
                                .param("subject", "UNIT:" + zjj)
                                .param("period", "MONTH")
                                .param("day", march.start().toString()))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl();
            });
            SummaryGenerator.Generated one = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            String two = second.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(one.created()).isTrue();
            assertThat(two).isEqualTo("/review/summaries/" + one.id());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM review_summary WHERE subject_kind = 'UNIT' AND subject_id = ?"
                                + " AND period_kind = 'MONTH' AND period_start = ?",
                        Long.class,
                        zjj,
                        java.sql.Date.valueOf(march.start())))
                .isEqualTo(1L);
    }

    @Test
    void aWeekOfTheWaterBureauIsSummarisedWithItsItemsEditedExportedAndScoped() throws Exception {
        // The demo city's minutes already left 水利局 tasks overdue and open; they belong in any week's summary.
        List<Long> demoOverdue = jdbc.queryForList(
                "SELECT id FROM supervision_task WHERE lead_unit_id = ? AND status <> 'COMPLETED' AND deadline < ?",
                Long.class,
                slj,
                today.minusDays(1));
        long onTime = task("堤防巡查方案", today.plusDays(3));
        long late = task("水毁设施修复", today.minusDays(2));
        long overdue = task("防汛物资清点", today.minusDays(1));
        long notDue = task("河道清淤计划", today.plusDays(10));
        complete(onTime);
        complete(late);
        long matter = matterRuledAgainstSlj();

        SummaryPeriod week = SummaryPeriod.containing(SummaryPeriod.Kind.WEEK, today);
        long id = generator
                .generate(Summary.Subject.UNIT, slj, week, "huanghaitao")
                .id();
        Summary summary = store.get(id).orElseThrow();

        assertThat(summary.title()).isEqualTo("市水利局 " + week.label() + "回顾小结");
        assertThat(summary.items())
                .filteredOn(item -> item.kind() != Summary.ItemKind.TASK_OVERDUE || !demoOverdue.contains(item.refId()))
                .extracting(Summary.Item::kind, Summary.Item::refId, Summary.Item::link)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Summary.ItemKind.TASK_ON_TIME, onTime, "/tasks/" + onTime),
                        org.assertj.core.groups.Tuple.tuple(Summary.ItemKind.TASK_LATE, late, "/tasks/" + late),
                        org.assertj.core.groups.Tuple.tuple(
                                Summary.ItemKind.TASK_OVERDUE, overdue, "/tasks/" + overdue),
                        org.assertj.core.groups.Tuple.tuple(
                                Summary.ItemKind.RULING,
                                jdbc.queryForObject(
                                        "SELECT id FROM coordination_point WHERE matter_id = ?", Long.class, matter),
                                "/matters/" + matter));
        assertThat(summary.items(Summary.Section.WELL))
                .extracting(Summary.Item::statement)
                .contains("督办事项“堤防巡查方案”按期办结（督办#" + onTime + "，" + today.plusDays(3) + "截止，" + today + "办结）。");
        assertThat(summary.items(Summary.Section.LATE))
                .filteredOn(item -> item.kind() != Summary.ItemKind.TASK_OVERDUE || !demoOverdue.contains(item.refId()))
                .extracting(Summary.Item::statement)
                .containsExactly(
                        "督办事项“水毁设施修复”逾期办结（督办#" + late + "，" + today.minusDays(2) + "截止，" + today + "办结）。",
                        "督办事项“防汛物资清点”逾期未办结（督办#" + overdue + "，" + today.minusDays(1) + "截止）。");
        assertThat(summary.generatedText())
                .contains("一、做得好的", "汛后再议，汛期不得占用", "二、逾期的", "防汛物资清点")
                .doesNotContain("河道清淤计划");
        assertThat(summary.figures())
                .startsWith(
                        new Summary.Figure("按期办结", "1"),
                        new Summary.Figure("逾期办结", "1"),
                        new Summary.Figure("逾期未办结", String.valueOf(1 + demoOverdue.size())),
                        new Summary.Figure("按期办结率", Math.round(100.0 / (3 + demoOverdue.size())) + "%"),
                        new Summary.Figure("领导裁定", "1"));
        // After its own counts, the dashboards' figures over the same unit and week, as met/base with the rate.
        assertThat(summary.figures().subList(5, summary.figures().size()))
                .isNotEmpty()
                .allMatch(figure -> figure.value().matches("\\d+/\\d+（[\\d.]+%）"));
        assertThat(notDue).isPositive();

        // Asking again for the same unit and week opens the same summary.
        assertThat(generator.generate(Summary.Subject.UNIT, slj, week, "yuanying"))
                .isEqualTo(new SummaryGenerator.Generated(id, false));

        // The page names each item with its link; the leader the unit is routed to and its liaison see it.
        mvc.perform(get("/review/summaries/{id}", id).session(sljLiaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/tasks/" + overdue + "\"")))
                .andExpect(content().string(containsString("href=\"/matters/" + matter + "\"")));
        mvc.perform(get("/review/summaries/{id}", id).session(leader)).andExpect(status().isOk());
        mvc.perform(get("/review/summaries/{id}", id).session(SignIn.as(mvc, "weilijuan")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/review/summaries/{id}", id).with(user(accounts.loadUserByUsername("sysadmin"))))
                .andExpect(status().isForbidden());

        // Editing: the leader may read but not edit; the liaison edits; the generated text stays.
        mvc.perform(post("/review/summaries/{id}/body", id)
                        .session(leader)
                        .with(csrf())
                        .param("body", "改"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/review/summaries/{id}/body", id)
                        .session(sljLiaison)
                        .with(csrf())
                        .param("body", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("小结正文不能为空")));
        ok(post("/review/summaries/{id}/body", id).session(sljLiaison).param("body", "本周防汛工作总体平稳，物资清点已安排专人跟进。"));
        Summary edited = store.get(id).orElseThrow();
        assertThat(edited.body()).isEqualTo("本周防汛工作总体平稳，物资清点已安排专人跟进。");
        assertThat(edited.generatedText()).isEqualTo(summary.generatedText());
        assertThat(edited.editedBy()).isEqualTo("yuanying");
        // The accounts stay stored; the page names the people.
        mvc.perform(get("/review/summaries/{id}", id).session(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("物资清点已安排专人跟进")))
                .andExpect(content().string(containsString("生成时的原文")))
                .andExpect(content().string(containsString("由 黄海涛 于")))
                .andExpect(content().string(containsString("由 袁颖 于")))
                .andExpect(content().string(not(containsString("huanghaitao"))))
                .andExpect(content().string(not(containsString("yuanying"))));

        // The .docx: title in 黑体, the edited text, the items.
        byte[] docx = mvc.perform(get("/review/summaries/{id}/export.docx", id).session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFParagraph title = document.getParagraphs().get(0);
            assertThat(title.getText()).isEqualTo(summary.title());
            assertThat(title.getRuns().get(0).getFontFamily()).isEqualTo("黑体");
            String all = String.join(
                    "\n",
                    document.getParagraphs().stream()
                            .map(XWPFParagraph::getText)
                            .toList());
            assertThat(all).contains("物资清点已安排专人跟进", "修改人：袁颖").doesNotContain("yuanying");
            String table = document.getTables().get(0).getText();
            assertThat(table).contains("堤防巡查方案", "/tasks/" + onTime, "逾期的");
        }
        // The .xlsx: title, figures as numbers, the items.
        byte[] xlsx = mvc.perform(get("/review/summaries/{id}/figures.xlsx", id).session(sljLiaison))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var figures = workbook.getSheetAt(0);
            assertThat(figures.getRow(0).getCell(0).getStringCellValue()).isEqualTo(summary.title());
            Row first = figures.getRow(3);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("按期办结");
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(figures.getRow(6).getCell(1).getNumericCellValue())
                    .isEqualTo(Math.round(100.0 / (3 + demoOverdue.size())) / 100.0);
            var items = workbook.getSheetAt(1);
            assertThat(items.getRow(0).getCell(2).getStringCellValue()).isEqualTo("陈述");
            List<String> statements = new java.util.ArrayList<>();
            for (int r = 1; r <= items.getLastRowNum(); r++) {
                statements.add(items.getRow(r).getCell(2).getStringCellValue());
            }
            assertThat(statements).anyMatch(s -> s.contains("水毁设施修复") && s.contains("逾期办结"));
        }

        // The leader's own summary names the ruling he gave.
        long own = generator
                .generate(Summary.Subject.PERSON, chen, week, "chenzhihua")
                .id();
        assertThat(store.get(own).orElseThrow().items(Summary.Section.WELL))
                .anyMatch(item ->
                        item.kind() == Summary.ItemKind.RULING && item.link().equals("/matters/" + matter));
        mvc.perform(get("/review/summaries/{id}", own).session(leader)).andExpect(status().isOk());
        mvc.perform(get("/review/summaries/{id}", own).session(staff)).andExpect(status().isOk());
        mvc.perform(get("/review/summaries/{id}", own).session(sljLiaison)).andExpect(status().isNotFound());

        // The unit profile: the liaison's contacts, the open overdue task, the divergence with its outcome.
        mvc.perform(get("/review/units/{id}/profile", slj).session(sljLiaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("袁颖")))
                .andExpect(content().string(containsString("13910696872")))
                .andExpect(content().string(containsString("slj.88@shili.example")))
                .andExpect(content().string(containsString("防汛物资清点")))
                .andExpect(content().string(containsString("占用河道影响行洪")))
                .andExpect(content().string(containsString("汛后再议，汛期不得占用")))
                .andExpect(content().string(not(containsString("堤防巡查方案"))));
    }

    @Test
    void onDemandEachPersonAsksForTheirOwnAndTheOfficeForAnyone() throws Exception {
        LocalDate lastWeek =
                SummaryPeriod.before(SummaryPeriod.Kind.WEEK, today).start();
        long huang = directory.personByCode("P0011").orElseThrow().id();
        long wjw = directory.unitByCode("WJW").orElseThrow().id();
        ok(post("/review/summaries")
                .session(leader)
                .param("subject", "PERSON:" + chen)
                .param("period", "WEEK")
                .param("day", lastWeek.toString()));
        mvc.perform(post("/review/summaries")
                        .session(leader)
                        .with(csrf())
                        .param("subject", "PERSON:" + huang)
                        .param("period", "WEEK")
                        .param("day", lastWeek.toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/review/summaries")
                        .session(sljLiaison)
                        .with(csrf())
                        .param("subject", "UNIT:" + wjw)
                        .param("period", "MONTH")
                        .param("day", lastWeek.toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/review/summaries")
                        .session(staff)
                        .with(csrf())
                        .param("subject", "UNIT:" + wjw)
                        .param("period", "WEEK")
                        .param("day", today.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("所选期间尚未结束")));
        mvc.perform(post("/review/summaries")
                        .session(staff)
                        .with(csrf())
                        .param("subject", "UNIT:x")
                        .param("period", "WEEK")
                        .param("day", lastWeek.toString()))
                .andExpect(status().isBadRequest());
        ok(post("/review/summaries")
                .session(staff)
                .param("subject", "PERSON:" + huang)
                .param("period", "WEEK")
                .param("day", lastWeek.toString()));
        // The list: the office sees both personal summaries, the leader only his own.
        mvc.perform(get("/review/summaries").session(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("黄海涛")))
                .andExpect(content().string(containsString("陈志华")));
        mvc.perform(get("/review/summaries").session(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("陈志华")))
                .andExpect(content().string(not(containsString(">黄海涛<"))));
    }

    @Test
    void theScheduleWritesLastWeeksSummariesOnceHoweverOftenItRuns() throws Exception {
        SummaryPeriod lastWeek = SummaryPeriod.before(SummaryPeriod.Kind.WEEK, today);
        SummaryPeriod lastMonth = SummaryPeriod.before(SummaryPeriod.Kind.MONTH, today);
        schedule.runFor(today);
        assertThat(store.find(Summary.Subject.UNIT, slj, lastWeek)).isPresent();
        assertThat(store.find(Summary.Subject.UNIT, slj, lastMonth)).isPresent();
        assertThat(store.find(Summary.Subject.PERSON, chen, lastWeek)).isPresent();
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM review_summary", Integer.class);

        assertThat(schedule.runFor(today)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_summary", Integer.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM review_summary WHERE subject_kind = 'UNIT' AND subject_id = ?"
                                + " AND period_kind = 'WEEK' AND period_start = ?",
                        Integer.class,
                        slj,
                        lastWeek.start()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT generated_by FROM review_summary WHERE subject_kind = 'UNIT' AND subject_id = ?"
                                + " AND period_kind = 'WEEK' AND period_start = ?",
                        String.class,
                        slj,
                        lastWeek.start()))
                .isEqualTo("schedule");
        long id = store.find(Summary.Subject.UNIT, slj, lastWeek).orElseThrow();
        mvc.perform(get("/review/summaries/{id}", id).session(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("由 系统定时任务 于")))
                .andExpect(content().string(not(containsString("由 schedule"))));
    }
}
