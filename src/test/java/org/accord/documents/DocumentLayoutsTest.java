package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** The issued document's layout, read back with the libraries a recipient's software would use. */
class DocumentLayoutsTest {

    final DocumentLayouts layouts = new StandardLayouts();

    static DocumentLayout notice() {
        return new DocumentLayout(
                Genre.NOTICE,
                "示例市人民政府办公室文件",
                "示例府办发〔2026〕12号",
                List.of(),
                "特急",
                null,
                null,
                "示例市人民政府办公室关于做好2026年汛期城市排水防涝工作的通知",
                "市住建局，市水利局，市城管局：",
                List.of(
                        "为切实做好今年汛期城市排水防涝工作，保障人民群众生命财产安全，经市政府同意，现就有关事项通知如下。",
                        "一、压实防汛责任",
                        "各单位要落实主要负责同志防汛第一责任，5月20日前完成排水设施检查。",
                        "（一）排查易涝点位",
                        "对城区易涝点逐一登记，明确责任人和处置措施。"),
                List.of("城区排水设施检查表", "汛期值班安排"),
                "示例市人民政府办公室",
                LocalDate.of(2026, 5, 8),
                "联系人：龙明辉，电话：0999-8000001",
                List.of("市委办公室", "市人大常委会办公室"),
                "示例市人民政府办公室",
                LocalDate.of(2026, 5, 9),
                List.of(),
                List.of(),
                List.of());
    }

    static DocumentLayout request() {
        return new DocumentLayout(
                Genre.REQUEST,
                "示例市住房和城乡建设局文件",
                "示例建发〔2026〕3号",
                List.of("顾子涵"),
                null,
                null,
                null,
                "关于申请拨付老旧小区改造补助资金的请示",
                "市政府：",
                List.of("为加快推进城区老旧小区改造，我局拟对12个小区实施改造，申请市财政拨付补助资金500万元。", "妥否，请批示。"),
                List.of(),
                "示例市住房和城乡建设局",
                LocalDate.of(2026, 3, 5),
                null,
                List.of(),
                "示例市住房和城乡建设局办公室",
                LocalDate.of(2026, 3, 5),
                List.of(),
                List.of(),
                List.of());
    }

    static DocumentLayout minutes() {
        return new DocumentLayout(
                Genre.MINUTES,
                "示例市人民政府常务会议纪要",
                "第12期",
                List.of(),
                null,
                null,
                null,
                "示例市人民政府常务会议纪要",
                "",
                List.of("2026年3月2日，市长主持召开市政府第十二次常务会议，研究汛期排水防涝工作。纪要如下：", "一、会议议定，由市住建局牵头，市水利局、市城管局配合，5月20日前完成城区排水设施检查。"),
                List.of(),
                "示例市人民政府办公室",
                LocalDate.of(2026, 3, 3),
                null,
                List.of("市委办公室"),
                "示例市人民政府办公室",
                LocalDate.of(2026, 3, 3),
                List.of("陈志华", "刘芳"),
                List.of("王某某"),
                List.of("市住建局顾子涵", "市水利局袁莹"));
    }

    @Test
    void theDocxIsA4WithTheStandardMarginsAndGrid() throws IOException {
        try (XWPFDocument docx = docx(notice())) {
            CTSectPr section = docx.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            CTPageMar margins = section.getPgMar();
            assertThat(mm(margins.getTop())).isEqualTo(37);
            assertThat(mm(margins.getBottom())).isEqualTo(35);
            assertThat(mm(margins.getLeft())).isEqualTo(28);
            assertThat(mm(margins.getRight())).isEqualTo(26);
            assertThat(210 - mm(margins.getLeft()) - mm(margins.getRight()))
                    .as("body width")
                    .isEqualTo(156);
            assertThat(297 - mm(margins.getTop()) - mm(margins.getBottom()))
                    .as("body height")
                    .isEqualTo(225);
            assertThat(section.getDocGrid().getType().toString()).isEqualTo("linesAndChars");
            long linePitch = ((BigInteger) section.getDocGrid().getLinePitch()).longValue();
            assertThat(225 * 1440 / 25.4 / linePitch).as("lines a page").isCloseTo(22, within(0.05));
            double characterPitch = 16 + ((BigInteger) section.getDocGrid().getCharSpace()).longValue() / 4096.0;
            assertThat(156 / 25.4 * 72 / characterPitch).as("characters a line").isCloseTo(28, within(0.05));
        }
    }

    @Test
    void theDocxHeadHasTheRedMarkTheCentredNumberAndTheRedSeparator() throws IOException {
        try (XWPFDocument docx = docx(notice())) {
            XWPFParagraph urgency = paragraph(docx, "特急");
            assertThat(urgency.getRuns().get(0).getFontFamily()).isEqualTo("黑体");
            XWPFParagraph mark = paragraph(docx, "示例市人民政府办公室文件");
            assertThat(mark.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            XWPFRun markRun = mark.getRuns().get(0);
            assertThat(markRun.getColor()).isEqualTo("FF0000");
            assertThat(markRun.getFontFamily()).contains("小标宋");
            XWPFParagraph number = paragraph(docx, "示例府办发〔2026〕12号");
            assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(number.getCTP().getPPr().getPBdr().getBottom().xmlText()).contains("w:color=\"FF0000\"");
            assertThat(docx.getParagraphs().indexOf(number)
                            - docx.getParagraphs().indexOf(mark))
                    .as("two lines between the mark and the number")
                    .isEqualTo(3);
        }
    }

    @Test
    void theDocxTitleAddresseesAndBodyHaveTheirFacesAndSizes() throws IOException {
        try (XWPFDocument docx = docx(notice())) {
            XWPFRun title = paragraph(docx, "排水防涝工作的通知").getRuns().get(0);
            assertThat(title.getFontFamily()).contains("小标宋");
            assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
            XWPFParagraph addressees = paragraph(docx, "市住建局，市水利局，市城管局：");
            assertThat(addressees.getIndentationFirstLine()).isLessThanOrEqualTo(0);
            XWPFParagraph body = paragraph(docx, "为切实做好今年汛期");
            XWPFRun bodyRun = body.getRuns().get(0);
            assertThat(bodyRun.getFontFamily()).contains("仿宋");
            assertThat(bodyRun.getFontFamily(XWPFRun.FontCharRange.eastAsia)).contains("仿宋");
            assertThat(bodyRun.getFontSizeAsDouble()).as("3号").isEqualTo(16.0);
            assertThat(body.getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
            assertThat(paragraph(docx, "一、压实防汛责任").getRuns().get(0).getFontFamily())
                    .isEqualTo("黑体");
            assertThat(paragraph(docx, "（一）排查易涝点位").getRuns().get(0).getFontFamily())
                    .contains("楷体");
        }
    }

    @Test
    void theDocxCloseHasTheAttachmentNoteSignatureDateNoteAndColophon() throws IOException {
        try (XWPFDocument docx = docx(notice())) {
            assertThat(texts(docx))
                    .containsSubsequence(
                            "附件：1．城区排水设施检查表",
                            "2．汛期值班安排",
                            "示例市人民政府办公室",
                            "2026年5月8日",
                            "（联系人：龙明辉，电话：0999-8000001）",
                            "抄送：市委办公室，市人大常委会办公室。",
                            "示例市人民政府办公室\t2026年5月9日印发");
            XWPFParagraph date = paragraph(docx, "2026年5月8日");
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            XWPFParagraph copyTo = paragraph(docx, "抄送：");
            assertThat(copyTo.getRuns().get(0).getFontSizeAsDouble()).as("4号").isEqualTo(14.0);
            assertThat(copyTo.getCTP().getPPr().getPBdr().getTop())
                    .as("the colophon's first rule")
                    .isNotNull();
            assertThat(copyTo.getCTP().getPPr().getFramePr().getYAlign().toString())
                    .isEqualTo("bottom");
            XWPFParagraph printing = paragraph(docx, "印发");
            assertThat(printing.getCTP().getPPr().getPBdr().getBottom())
                    .as("the colophon's last rule")
                    .isNotNull();
        }
    }

    @Test
    void theDocxHasPageNumbersWithDashesOutsideOnOddAndEvenPages() throws IOException {
        try (XWPFDocument docx = docx(notice())) {
            assertThat(docx.getEvenAndOddHeadings()).isTrue();
            List<XWPFFooter> footers = docx.getFooterList();
            assertThat(footers).hasSize(2);
            for (XWPFFooter footer : footers) {
                XWPFParagraph number = footer.getParagraphs().get(0);
                assertThat(number.getText()).isEqualTo("— 1 —");
                assertThat(number.getCTP().xmlText()).contains("PAGE").contains("fldChar");
                assertThat(number.getRuns().get(0).getFontFamily()).isEqualTo("宋体");
                assertThat(number.getRuns().get(0).getFontSizeAsDouble())
                        .as("4号")
                        .isEqualTo(14.0);
            }
            assertThat(footers)
                    .extracting(footer -> footer.getParagraphs().get(0).getAlignment())
                    .containsExactlyInAnyOrder(ParagraphAlignment.RIGHT, ParagraphAlignment.LEFT);
        }
    }

    @Test
    void aLongTitleIsBrokenIntoBalancedLinesWithoutSplittingNumbers() throws IOException {
        assertThat(IssuedPage.balanced("示例市人民政府办公室关于做好2026年汛期城市排水防涝工作的通知", 22))
                .isEqualTo("示例市人民政府办公室关于做好2026\n年汛期城市排水防涝工作的通知");
        assertThat(IssuedPage.balanced("关于申请拨付老旧小区改造补助资金的请示", 22)).doesNotContain("\n");
        try (XWPFDocument docx = docx(notice())) {
            XWPFParagraph title = paragraph(docx, "排水防涝工作的通知");
            assertThat(title.getText()).isEqualTo("示例市人民政府办公室关于做好2026\n年汛期城市排水防涝工作的通知");
        }
    }

    @Test
    void anUpwardDocumentShowsItsSignerBesideTheNumber() throws IOException {
        try (XWPFDocument docx = docx(request())) {
            XWPFParagraph number = paragraph(docx, "示例建发〔2026〕3号");
            assertThat(number.getText()).isEqualTo("示例建发〔2026〕3号\t签发人：顾子涵");
            assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
            XWPFRun name = number.getRuns().get(number.getRuns().size() - 1);
            assertThat(name.getText(0)).isEqualTo("顾子涵");
            assertThat(name.getFontFamily()).contains("楷体");
        }
    }

    @Test
    void minutesHaveARedHeadingTheirAttendanceAndNoSignature() throws IOException {
        try (XWPFDocument docx = docx(minutes())) {
            XWPFParagraph heading = paragraph(docx, "示例市人民政府常务会议纪要");
            assertThat(heading.getRuns().get(0).getColor()).isEqualTo("FF0000");
            assertThat(texts(docx))
                    .filteredOn(text -> text.equals("示例市人民政府常务会议纪要"))
                    .hasSize(1);
            assertThat(texts(docx))
                    .containsSubsequence("第12期", "示例市人民政府办公室\t2026年3月3日", "出席：陈志华，刘芳", "请假：王某某", "列席：市住建局顾子涵，市水利局袁莹");
            XWPFParagraph present = paragraph(docx, "出席：");
            assertThat(present.getRuns().get(0).getFontFamily()).isEqualTo("黑体");
            assertThat(present.getRuns().get(1).getFontFamily()).contains("仿宋");
            assertThat(texts(docx)).as("no signature at the end").noneMatch(text -> text.equals("示例市人民政府办公室"));
        }
    }

    @Test
    void thePdfHasTheTextAndTheChineseFontEmbedded() throws IOException {
        byte[] pdf = layouts.pdf(notice());
        save("notice.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(squeezed(text))
                    .contains("示例市人民政府办公室文件")
                    .contains("示例府办发〔2026〕12号")
                    .contains("关于做好2026年汛期城市排水防涝工作的通知".replace("\n", ""))
                    .contains("市住建局，市水利局，市城管局：")
                    .contains("5月20日前完成排水设施检查")
                    .contains("附件：1．城区排水设施检查表")
                    .contains("抄送：市委办公室，市人大常委会办公室。")
                    .contains("2026年5月9日印发")
                    .contains("—1—");
            PDRectangleCheck.a4(document.getPage(0));
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts)
                    .isNotEmpty()
                    .allSatisfy(font -> assertThat(font.isEmbedded())
                            .as(font.getName() + " embedded")
                            .isTrue());
            // AR PL SungtiL GB, as a subset ("ABCDEF+…").
            assertThat(fonts).anySatisfy(font -> assertThat(font.getName()).matches("[A-Z]{6}\\+BousungEG-Light-GB"));
            renderFirstPage(document, "notice.png");
        }
    }

    @Test
    void aLongPdfRunsOverPagesNumberedOutside() throws IOException {
        DocumentLayout layout = notice();
        List<String> body =
                new ArrayList<>(Collections.nCopies(30, "各单位要落实主要负责同志防汛第一责任，明确分管负责同志和具体工作人员，确保责任到人、措施到位、工作到岗。"));
        DocumentLayout longer = new DocumentLayout(
                layout.genre(),
                layout.issuerMark(),
                layout.number(),
                layout.signers(),
                null,
                null,
                null,
                layout.title(),
                layout.mainAddressees(),
                body,
                layout.attachments(),
                layout.issuerSignature(),
                layout.date(),
                null,
                layout.copyTo(),
                layout.printingUnit(),
                layout.printingDate(),
                List.of(),
                List.of(),
                List.of());
        try (PDDocument document = Loader.loadPDF(layouts.pdf(longer))) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(squeezed(stripper.getText(document))).contains("—" + page + "—");
            }
            stripper.setStartPage(document.getNumberOfPages());
            stripper.setEndPage(document.getNumberOfPages());
            assertThat(squeezed(stripper.getText(document)))
                    .as("the colophon on the last page")
                    .contains("印发");
        }
    }

    @Test
    void thePdfIsOnTheStandardGridAndPositions() throws IOException {
        DocumentLayout layout = notice();
        List<String> body = Collections.nCopies(30, "各单位要落实主要负责同志防汛第一责任，明确分管负责同志和具体工作人员，确保责任到人、措施到位、工作到岗。");
        DocumentLayout longer = new DocumentLayout(
                layout.genre(),
                layout.issuerMark(),
                layout.number(),
                List.of(),
                null,
                null,
                null,
                layout.title(),
                layout.mainAddressees(),
                body,
                List.of(),
                layout.issuerSignature(),
                layout.date(),
                null,
                layout.copyTo(),
                layout.printingUnit(),
                layout.printingDate(),
                List.of(),
                List.of(),
                List.of());
        try (PDDocument document = Loader.loadPDF(layouts.pdf(longer))) {
            List<Row> first = rows(document, 1);
            Row mark = first.stream()
                    .filter(row -> row.text().equals("示例市人民政府办公室文件"))
                    .findFirst()
                    .orElseThrow();
            assertThat(mark.topMm())
                    .as("the mark's top, 35 mm under the body's top")
                    .isCloseTo(37 + 35, within(0.5));
            Row number = first.stream()
                    .filter(row -> row.text().startsWith("示例府办发"))
                    .findFirst()
                    .orElseThrow();
            Row title = first.stream()
                    .filter(row -> row.text().startsWith("示例市人民政府办公室关于"))
                    .findFirst()
                    .orElseThrow();
            assertThat(title.size()).as("2号").isCloseTo(22, within(0.1));
            assertThat(title.topMm()).isGreaterThan(number.topMm());
            Row pageNumber = first.stream()
                    .filter(row -> row.text().startsWith("—"))
                    .findFirst()
                    .orElseThrow();
            assertThat(pageNumber.topMm()).as("7 mm under the body").isCloseTo(297 - 35 + 7, within(0.5));
            assertThat(pageNumber.rightMm())
                    .as("one character in from the right")
                    .isCloseTo(210 - 26 - 14 / MM_PT, within(0.5));
            // Page 2 holds body text only: 22 lines of 28 characters, the paragraphs two characters in.
            List<Row> second = rows(document, 2).stream()
                    .filter(row -> !row.text().startsWith("—"))
                    .toList();
            assertThat(second).hasSize(22);
            // A paragraph's first line: two characters in, then 26 Chinese characters to the right edge.
            assertThat(second)
                    .filteredOn(row -> row.leftMm() > 30)
                    .hasSizeGreaterThan(8)
                    .allSatisfy(row -> {
                        assertThat(row.text()).hasSize(26);
                        assertThat(row.rightMm()).isCloseTo(28 + 156, within(0.3));
                    });
            assertThat(second)
                    .allSatisfy(row -> assertThat(row.leftMm())
                            .satisfiesAnyOf(
                                    left -> assertThat(left).isCloseTo(28, within(0.3)),
                                    left -> assertThat(left).isCloseTo(28 + 2 * 156 / 28.0, within(0.3))));
            assertThat(second.get(21).topMm() - second.get(0).topMm())
                    .as("21 line pitches of 225/22 mm")
                    .isCloseTo(21 * 225 / 22.0, within(0.3));
            Row pageTwo = rows(document, 2).stream()
                    .filter(row -> row.text().startsWith("—"))
                    .findFirst()
                    .orElseThrow();
            assertThat(pageTwo.leftMm())
                    .as("even pages: one character in from the left")
                    .isCloseTo(28 + 14 / MM_PT, within(0.5));
        }
    }

    static final double MM_PT = 72 / 25.4;

    /** A line of text on a page: where it starts and ends, its em box top, in millimetres from the top left. */
    record Row(String text, double leftMm, double rightMm, double topMm, double size) {}

    static List<Row> rows(PDDocument document, int page) throws IOException {
        List<Row> rows = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                org.apache.pdfbox.text.TextPosition first = positions.get(0);
                org.apache.pdfbox.text.TextPosition last = positions.get(positions.size() - 1);
                double size = first.getFontSizeInPt();
                rows.add(new Row(
                        text.replaceAll("\\s+", ""),
                        first.getXDirAdj() / MM_PT,
                        (last.getXDirAdj() + last.getWidthDirAdj()) / MM_PT,
                        (first.getYDirAdj() - 0.88 * size) / MM_PT,
                        size));
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(document);
        return rows;
    }

    @Test
    void minutesAsPdf() throws IOException {
        byte[] pdf = layouts.pdf(minutes());
        save("minutes.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(squeezed(new PDFTextStripper().getText(document)))
                    .contains("示例市人民政府常务会议纪要", "出席：陈志华，刘芳", "请假：王某某", "列席：");
            renderFirstPage(document, "minutes.png");
        }
        try (PDDocument document = Loader.loadPDF(layouts.pdf(request()))) {
            assertThat(squeezed(new PDFTextStripper().getText(document))).contains("签发人：顾子涵");
            renderFirstPage(document, "request.png");
        }
    }

    @Test
    void withoutTheFontThePdfFailsSayingWhatToInstall() {
        assertThatThrownBy(() -> PdfPages.render(notice(), Path.of("/nonexistent/gbsn00lp.ttf")))
                .isInstanceOf(PdfPages.FontMissing.class)
                .hasMessageContaining("apt-get install -y fonts-arphic-gbsn00lp");
    }

    /** Keeps the rendered pages for a look (target/documents/). */
    static void renderFirstPage(PDDocument document, String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "documents"));
        ImageIO.write(
                new PDFRenderer(document).renderImageWithDPI(0, 60),
                "png",
                directory.resolve(name).toFile());
    }

    static void save(String name, byte[] bytes) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "documents"));
        Files.write(directory.resolve(name), bytes);
    }

    static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    XWPFDocument docx(DocumentLayout layout) throws IOException {
        byte[] bytes = layouts.docx(layout);
        save(layout.genre().name().toLowerCase(java.util.Locale.ROOT) + ".docx", bytes);
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    static List<String> texts(XWPFDocument docx) {
        return docx.getParagraphs().stream()
                .map(XWPFParagraph::getText)
                .filter(text -> !text.isEmpty())
                .toList();
    }

    static XWPFParagraph paragraph(XWPFDocument docx, String containing) {
        return docx.getParagraphs().stream()
                .filter(paragraph -> paragraph.getText().contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph with " + containing + " in " + texts(docx)));
    }

    static long mm(Object twips) {
        return Math.round(((BigInteger) twips).longValue() * 25.4 / 1440);
    }

    static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    /** A4 in points. */
    static final class PDRectangleCheck {
        static void a4(PDPage page) {
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
        }
    }
}
