package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.documents.Finding.Severity;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each rule with documents that break it and documents that pass, against the real directory of the demo
 * city (市政府 → 市政府办公室, 市住建局 … ; 东城区政府 → 东城区住建局; 市委办公室 a peer agency).
 */
@IntegrationTest
class DocumentRulesTest {

    @Autowired
    DocumentRules rules;

    /** A 请示 of 市住建局 to 市政府 that passes every rule. */
    static Draft request() {
        return new Draft(
                Genre.REQUEST,
                "市住建局",
                List.of("示例市人民政府"),
                List.of(),
                "关于申请拨付老旧小区改造补助资金的请示",
                "示例建发〔2026〕3号",
                "2026年3月5日",
                "为加快推进城区老旧小区改造，我局拟对12个小区实施改造，申请市财政拨付补助资金500万元。\n妥否，请批示。",
                List.of());
    }

    /** A 通知 of 市政府办公室 to two bureaus that passes every rule. */
    static Draft notice() {
        return new Draft(
                Genre.NOTICE,
                "市政府办公室",
                List.of("市住建局", "市水利局"),
                List.of("市财政局"),
                "关于做好汛期城市排水防涝工作的通知",
                "示例府办发〔2026〕12号",
                "2026年5月8日",
                "各单位务必在5月20日前完成排水设施检查。\n特此通知。",
                List.of());
    }

    /** A 函 of 市住建局 to 市水利局 (peers) that passes every rule. */
    static Draft letter() {
        return new Draft(
                Genre.LETTER,
                "示例市住房和城乡建设局",
                List.of("市水利局"),
                List.of(),
                "关于商请提供城区河道水位资料的函",
                null,
                "2026年6月1日",
                "为编制城区排水规划，请贵局提供近三年城区河道水位资料，请予支持为盼。",
                List.of());
    }

    /** A 报告 of 市住建局 to 市政府 that passes every rule. */
    static Draft report() {
        return new Draft(
                Genre.REPORT,
                "市住建局",
                List.of("市政府"),
                List.of(),
                "关于2026年上半年老旧小区改造进展情况的报告",
                null,
                "2026年7月2日",
                "上半年，我局共完成老旧小区改造8个，惠及居民3200户。\n特此报告。",
                List.of());
    }

    List<Finding> check(Draft draft) {
        return rules.check(draft.text());
    }

    List<String> codes(Draft draft) {
        return check(draft).stream().map(Finding::rule).toList();
    }

    @Test
    void theModelDocumentsPassEveryRule() {
        assertThat(check(request())).isEmpty();
        assertThat(check(notice())).isEmpty();
        assertThat(check(letter())).isEmpty();
        assertThat(check(report())).isEmpty();
    }

    @Test
    void everyFindingHasASeverityAndAChineseMessage() {
        Draft sloppy = request()
                .withAddressees("市政府", "示例省人民政府")
                .withCopyTo("东城区住建局")
                .withTitle("关于申请资金的报告")
                .withNumber("示例建发[2026]第03号")
                .withDate("2026-3-5")
                .withBody("一是申请拨付资金500万元。\n二是恳请同意增设两个泵站。\n特此通知。\n附件：1．改造清单")
                .withAttachments("改造项目清单", "资金测算表");
        List<Finding> findings = check(sloppy);
        assertThat(findings)
                .extracting(Finding::rule)
                .contains(
                        "REQUEST_SINGLE_ADDRESSEE",
                        "REQUEST_COPY_DOWN",
                        "REQUEST_ONE_MATTER",
                        "TITLE_GENRE",
                        "NUMBER_FORMAT",
                        "DATE_FORMAT",
                        "ATTACHMENT_MISMATCH",
                        "TONE");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.severity()).isNotNull();
            assertThat(finding.message()).containsPattern("\\p{IsHan}{4,}").doesNotContain("documents.rules");
        });
        // In the order of the rules list.
        List<String> order = List.of(
                "GENRE_DIRECTION",
                "REQUEST_SINGLE_ADDRESSEE",
                "REQUEST_COPY_DOWN",
                "REQUEST_ONE_MATTER",
                "REPORT_CONTAINS_REQUEST",
                "SKIP_LEVEL",
                "TITLE_GENRE",
                "NUMBER_FORMAT",
                "DATE_FORMAT",
                "ATTACHMENT_MISMATCH",
                "TONE");
        List<Integer> positions =
                findings.stream().map(finding -> order.indexOf(finding.rule())).toList();
        assertThat(positions).isSorted();
    }

    @Nested
    class GenreDirection {

        @Test
        void aNoticeToAPeerAgencyBreaksItAndSuggestsALetter() {
            List<Finding> findings = check(notice().withIssuer("市政府办公室").withAddressees("市委办公室"));
            assertThat(findings).extracting(Finding::rule).containsExactly("GENRE_DIRECTION", "TONE");
            assertThat(findings.get(0)).satisfies(finding -> {
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.message()).contains("通知", "市委办公室", "平行文", "函");
            });
        }

        @Test
        void aLetterToTheSamePeerAgencyPasses() {
            assertThat(codes(letter().withIssuer("市政府办公室").withAddressees("市委办公室")))
                    .doesNotContain("GENRE_DIRECTION");
        }

        @Test
        void aRequestOrAReportDownwardBreaksIt() {
            assertThat(codes(request().withIssuer("市政府办公室").withAddressees("市住建局")))
                    .contains("GENRE_DIRECTION");
            assertThat(codes(report().withIssuer("市政府").withAddressees("东城区政府")))
                    .contains("GENRE_DIRECTION");
        }

        @Test
        void aReplyUpwardOrALetterDownwardBreaksIt() {
            assertThat(codes(notice().withGenre(Genre.REPLY)
                            .withTitle("关于老旧小区改造资金的批复")
                            .withIssuer("市住建局")
                            .withAddressees("市政府")
                            .withBody("同意。")))
                    .contains("GENRE_DIRECTION");
            assertThat(codes(letter().withIssuer("市政府").withAddressees("东城区政府")))
                    .contains("GENRE_DIRECTION");
        }

        @Test
        void opinionsAndMinutesMayGoInAnyDirection() {
            Draft opinion = letter().withGenre(Genre.OPINION).withTitle("关于加强城市排水管理的意见");
            assertThat(codes(opinion.withAddressees("市政府"))).doesNotContain("GENRE_DIRECTION");
            assertThat(codes(opinion.withIssuer("市政府").withAddressees("市住建局"))).doesNotContain("GENRE_DIRECTION");
            assertThat(codes(opinion.withIssuer("市住建局").withAddressees("市水利局"))).doesNotContain("GENRE_DIRECTION");
            Draft minutes =
                    notice().withGenre(Genre.MINUTES).withTitle("市政府第十二次常务会议纪要").withBody("会议议定：由市住建局牵头，5月底前完成排水设施检查。");
            assertThat(codes(minutes.withIssuer("市政府办公室").withAddressees("市委办公室")))
                    .doesNotContain("GENRE_DIRECTION");
        }
    }

    @Nested
    class RequestSingleAddressee {

        @Test
        void twoMainAddresseesBreakIt() {
            List<Finding> findings = check(request().withAddressees("市政府", "市财政局"));
            assertThat(findings).extracting(Finding::rule).contains("REQUEST_SINGLE_ADDRESSEE");
            assertThat(findings)
                    .filteredOn(finding -> finding.rule().equals("REQUEST_SINGLE_ADDRESSEE"))
                    .singleElement()
                    .satisfies(finding -> assertThat(finding.message()).contains("2个", "抄送"));
        }

        @Test
        void oneMainAddresseeWithOthersCopiedPasses() {
            assertThat(codes(request().withCopyTo("市财政局"))).doesNotContain("REQUEST_SINGLE_ADDRESSEE");
        }

        @Test
        void otherGenresMayHaveSeveralMainAddressees() {
            assertThat(codes(notice())).doesNotContain("REQUEST_SINGLE_ADDRESSEE");
        }
    }

    @Nested
    class RequestCopyDown {

        @Test
        void copyingASubordinateUnitBreaksIt() {
            // 市住建局 → 东城区住建局 is downward (business guidance of a lower government's bureau).
            List<Finding> findings = check(request().withCopyTo("东城区住建局"));
            assertThat(findings)
                    .filteredOn(finding -> finding.rule().equals("REQUEST_COPY_DOWN"))
                    .singleElement()
                    .satisfies(finding -> assertThat(finding.message()).contains("东城区住建局"));
        }

        @Test
        void copyingAPeerPasses() {
            assertThat(codes(request().withCopyTo("市财政局"))).doesNotContain("REQUEST_COPY_DOWN");
        }

        @Test
        void aNoticeMayBeCopiedDownward() {
            assertThat(codes(notice().withCopyTo("东城区住建局"))).doesNotContain("REQUEST_COPY_DOWN");
        }
    }

    @Nested
    class RequestOneMatter {

        @Test
        void twoListedRequestsBreakIt() {
            Draft two = request().withBody("一是申请拨付老旧小区改造补助资金500万元；\n二是恳请同意在城东新建两座排水泵站。\n妥否，请批示。");
            assertThat(check(two))
                    .filteredOn(finding -> finding.rule().equals("REQUEST_ONE_MATTER"))
                    .singleElement()
                    .satisfies(finding -> {
                        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                        assertThat(finding.message()).contains("一文一事", "排水泵站");
                    });
        }

        @Test
        void announcingSeveralMattersBreaksIt() {
            Draft several = request().withBody("现将需要市政府协调解决的以下几个问题请示如下。\n妥否，请批示。");
            assertThat(codes(several)).contains("REQUEST_ONE_MATTER");
        }

        @Test
        void oneRequestRepeatedInTheClosingPasses() {
            Draft one = request().withBody("我局申请拨付补助资金500万元，用于12个小区的改造。\n恳请市政府予以支持。\n妥否，请批示。");
            assertThat(codes(one)).doesNotContain("REQUEST_ONE_MATTER");
        }
    }

    @Nested
    class ReportContainsRequest {

        @Test
        void aReportAskingForApprovalBreaksIt() {
            Draft asking = report().withBody("上半年共完成改造8个。下半年拟再改造10个，需资金600万元。\n妥否，请批示。");
            assertThat(check(asking))
                    .filteredOn(finding -> finding.rule().equals("REPORT_CONTAINS_REQUEST"))
                    .singleElement()
                    .satisfies(finding -> {
                        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                        assertThat(finding.message()).contains("妥否", "另行请示");
                    });
        }

        @Test
        void aReportPleadingForFundsBreaksIt() {
            assertThat(codes(report().withBody("恳请市政府批准追加资金200万元。\n特此报告。"))).contains("REPORT_CONTAINS_REQUEST");
        }

        @Test
        void aReportThatOnlyReportsPasses() {
            assertThat(codes(report())).doesNotContain("REPORT_CONTAINS_REQUEST");
        }
    }

    @Nested
    class SkipLevel {

        /** 东城区住建局 writes to 市政府, over 东城区政府. */
        Draft overTheDistrict() {
            return request().withIssuer("东城区住建局").withAddressees("市政府");
        }

        @Test
        void writingOverTheDistrictGovernmentWithoutCopyingItBreaksIt() {
            assertThat(check(overTheDistrict()))
                    .filteredOn(finding -> finding.rule().equals("SKIP_LEVEL"))
                    .singleElement()
                    .satisfies(finding -> {
                        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                        assertThat(finding.message()).contains("东城区政府", "抄送");
                    });
        }

        @Test
        void copyingTheSkippedLevelOrItsOfficePasses() {
            assertThat(codes(overTheDistrict().withCopyTo("东城区政府"))).doesNotContain("SKIP_LEVEL");
            assertThat(codes(overTheDistrict().withCopyTo("东城区政府办公室"))).doesNotContain("SKIP_LEVEL");
        }

        @Test
        void writingToTheNextLevelPasses() {
            assertThat(codes(request().withIssuer("东城区住建局").withAddressees("东城区政府")))
                    .doesNotContain("SKIP_LEVEL");
            assertThat(codes(request())).doesNotContain("SKIP_LEVEL");
        }

        @Test
        void aNoticeOverTheDistrictToItsBureauBreaksIt() {
            assertThat(codes(notice().withAddressees("东城区住建局"))).contains("SKIP_LEVEL");
            assertThat(codes(notice().withAddressees("东城区政府", "东城区住建局"))).doesNotContain("SKIP_LEVEL");
        }
    }

    @Nested
    class TitleGenre {

        @Test
        void aTitleEndingInAnotherGenreBreaksIt() {
            List<Finding> findings = check(request().withTitle("关于申请拨付补助资金的报告"));
            assertThat(findings)
                    .filteredOn(finding -> finding.rule().equals("TITLE_GENRE"))
                    .singleElement()
                    .satisfies(finding -> assertThat(finding.message()).contains("请示", "关于……的请示"));
        }

        @Test
        void aRequestReportMixBreaksIt() {
            assertThat(codes(report().withTitle("关于老旧小区改造的请示报告"))).contains("TITLE_GENRE");
        }

        @Test
        void aMissingTitleBreaksIt() {
            assertThat(codes(notice().withTitle(" "))).contains("TITLE_GENRE");
        }

        @Test
        void titlesEndingInTheirGenrePass() {
            assertThat(codes(notice().withTitle("关于做好汛期排水防涝工作的紧急通知"))).doesNotContain("TITLE_GENRE");
            assertThat(codes(letter().withTitle("关于城区河道水位资料的复函"))).doesNotContain("TITLE_GENRE");
            assertThat(codes(notice().withGenre(Genre.MINUTES).withTitle("市政府第十二次常务会议纪要")))
                    .doesNotContain("TITLE_GENRE");
        }
    }

    @Nested
    class NumberFormat {

        @Test
        void squareBracketsAShortYearLeadingZerosAndOrdinalsBreakIt() {
            assertThat(numberFinding("示例府办发[2026]12号")).contains("六角括号");
            assertThat(numberFinding("示例府办发（2026）12号")).contains("六角括号");
            assertThat(numberFinding("示例府办发〔26〕12号")).contains("四位");
            assertThat(numberFinding("示例府办发〔2026〕012号")).contains("前导");
            assertThat(numberFinding("示例府办发〔2026〕第12号")).contains("第");
            assertThat(numberFinding("示例府办发〔2026〕12")).contains("号");
        }

        @Test
        void theStandardFormPassesAndADraftWithoutANumberToo() {
            assertThat(codes(notice().withNumber("示例府办发〔2026〕12号"))).doesNotContain("NUMBER_FORMAT");
            assertThat(codes(notice().withNumber(DocumentNumbers.format("示例府办函", 2026, 105))))
                    .doesNotContain("NUMBER_FORMAT");
            assertThat(codes(notice().withNumber(null))).doesNotContain("NUMBER_FORMAT");
        }

        String numberFinding(String number) {
            return check(notice().withNumber(number)).stream()
                    .filter(finding -> finding.rule().equals("NUMBER_FORMAT"))
                    .map(Finding::message)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(number + " passed"));
        }
    }

    @Nested
    class DateFormat {

        @Test
        void chineseNumeralsLeadingZerosOtherShapesAndImpossibleDaysBreakIt() {
            assertThat(dateFinding("二〇二六年三月五日")).contains("阿拉伯数字");
            assertThat(dateFinding("2026年03月05日")).contains("前导");
            assertThat(dateFinding("2026-3-5")).contains("年");
            assertThat(dateFinding("2026年3月")).contains("写全");
            assertThat(dateFinding("2026年2月30日")).contains("没有这一天");
        }

        @Test
        void theFullArabicDatePasses() {
            assertThat(codes(notice().withDate("2026年3月5日"))).doesNotContain("DATE_FORMAT");
            assertThat(codes(notice().withDate("2026年12月31日"))).doesNotContain("DATE_FORMAT");
        }

        String dateFinding(String date) {
            return check(notice().withDate(date)).stream()
                    .filter(finding -> finding.rule().equals("DATE_FORMAT"))
                    .map(Finding::message)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(date + " passed"));
        }
    }

    @Nested
    class AttachmentMismatch {

        static final String NOTE = "请认真组织实施。\n特此通知。\n\n附件：1．城区排水设施检查表\n      2．《汛期值班安排》";

        @Test
        void aDifferentCountBreaksIt() {
            assertThat(attachmentFinding(notice().withBody(NOTE).withAttachments("城区排水设施检查表")))
                    .contains("2个", "1个");
        }

        @Test
        void aDifferentNameBreaksIt() {
            assertThat(attachmentFinding(notice().withBody(NOTE).withAttachments("城区排水设施检查表.xlsx", "汛期值守安排.docx")))
                    .contains("汛期值班安排", "汛期值守安排");
        }

        @Test
        void attachmentsWithoutANoteOrANoteWithoutAttachmentsBreakIt() {
            assertThat(attachmentFinding(notice().withAttachments("城区排水设施检查表"))).contains("附件说明");
            assertThat(attachmentFinding(notice().withBody("特此通知。\n附件：城区排水设施检查表")))
                    .contains("没有附上");
        }

        @Test
        void matchingNotesPass() {
            assertThat(codes(notice().withBody(NOTE).withAttachments("城区排水设施检查表.xlsx", "汛期值班安排.docx")))
                    .doesNotContain("ATTACHMENT_MISMATCH");
            assertThat(codes(notice().withBody("特此通知。\n\n附件：城区排水设施检查表").withAttachments("城区排水设施检查表")))
                    .doesNotContain("ATTACHMENT_MISMATCH");
        }

        String attachmentFinding(Draft draft) {
            return check(draft).stream()
                    .filter(finding -> finding.rule().equals("ATTACHMENT_MISMATCH"))
                    .map(Finding::message)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(draft + " passed"));
        }
    }

    @Nested
    class Tone {

        @Test
        void commandingAPeerBreaksIt() {
            assertThat(toneFinding(letter().withBody("请贵局务必于6月10日前提供资料，严禁拖延。"))).contains("务必", "严禁");
        }

        @Test
        void commandingTheGovernmentBreaksIt() {
            assertThat(toneFinding(report().withBody("各区务必高度重视。\n特此报告。"))).contains("务必");
        }

        @Test
        void commandingASubordinatePasses() {
            assertThat(codes(notice())).doesNotContain("TONE");
        }

        @Test
        void aRequestWithoutAClosingRequestBreaksIt() {
            assertThat(toneFinding(request().withBody("我局申请拨付补助资金500万元，用于12个小区的改造。")))
                    .contains("妥否，请批示");
            assertThat(codes(request().withBody("我局申请拨付补助资金500万元。\n以上请示，请予审批。")))
                    .doesNotContain("TONE");
        }

        @Test
        void theNoticeClosingOutsideANoticeBreaksIt() {
            assertThat(toneFinding(letter().withBody("请贵局提供近三年城区河道水位资料。\n特此通知。")))
                    .contains("特此通知", "函");
            assertThat(codes(notice())).doesNotContain("TONE");
        }

        @Test
        void beggingASubordinateBreaksIt() {
            assertThat(toneFinding(notice().withBody("恳请各单位按时报送。\n特此通知。"))).contains("恳请");
        }

        String toneFinding(Draft draft) {
            return check(draft).stream()
                    .filter(finding -> finding.rule().equals("TONE"))
                    .map(Finding::message)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(draft + " passed"));
        }
    }

    @Nested
    class Units {

        @Test
        void anUnknownUnitIsAFindingAndTheOtherRulesStillRun() {
            List<Finding> findings =
                    check(notice().withAddressees("市住建局", "市外星事务局").withDate("2026年3月05日"));
            assertThat(findings).extracting(Finding::rule).containsExactly("UNKNOWN_UNIT", "DATE_FORMAT");
            assertThat(findings.get(0).message()).contains("市外星事务局", "通讯录");
        }

        @Test
        void fullAndShortNamesBothResolve() {
            assertThat(check(letter().withIssuer("示例市住房和城乡建设局").withAddressees("示例市水利局")))
                    .isEmpty();
            assertThat(check(letter().withIssuer("市住建局").withAddressees("市水利局：")))
                    .isEmpty();
        }
    }

    /** A document under test, changed one element at a time. */
    record Draft(
            Genre genre,
            String issuer,
            List<String> mainAddressees,
            List<String> copyTo,
            String title,
            String number,
            String date,
            String body,
            List<String> attachments) {

        DocumentText text() {
            return new DocumentText(genre, issuer, mainAddressees, copyTo, title, number, date, body, attachments);
        }

        Draft withGenre(Genre to) {
            return new Draft(to, issuer, mainAddressees, copyTo, title, number, date, body, attachments);
        }

        Draft withIssuer(String to) {
            return new Draft(genre, to, mainAddressees, copyTo, title, number, date, body, attachments);
        }

        Draft withAddressees(String... to) {
            return new Draft(genre, issuer, List.of(to), copyTo, title, number, date, body, attachments);
        }

        Draft withCopyTo(String... to) {
            return new Draft(genre, issuer, mainAddressees, List.of(to), title, number, date, body, attachments);
        }

        Draft withTitle(String to) {
            return new Draft(genre, issuer, mainAddressees, copyTo, to, number, date, body, attachments);
        }

        Draft withNumber(String to) {
            return new Draft(genre, issuer, mainAddressees, copyTo, title, to, date, body, attachments);
        }

        Draft withDate(String to) {
            return new Draft(genre, issuer, mainAddressees, copyTo, title, number, to, body, attachments);
        }

        Draft withBody(String to) {
            return new Draft(genre, issuer, mainAddressees, copyTo, title, number, date, to, attachments);
        }

        Draft withAttachments(String... to) {
            return new Draft(genre, issuer, mainAddressees, copyTo, title, number, date, body, List.of(to));
        }
    }
}
