package org.accord.documents;

import static org.accord.documents.DocumentLayoutsTest.notice;
import static org.accord.documents.DocumentLayoutsTest.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

/** The OFD of an issued document, read back with ofdrw's reader and as the zip package it is. */
class OfdPagesTest {

    final DocumentLayouts layouts = new StandardLayouts();

    @Test
    void theOfdHasTheTextOnA4Pages() throws IOException {
        byte[] ofd = layouts.ofd(notice());
        DocumentLayoutsTest.save("notice.ofd", ofd);
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            assertThat(reader.getNumberOfPages()).isEqualTo(pdfPages(notice()));
            assertThat(reader.getPageSize(1).getWidth()).isEqualTo(210.0);
            assertThat(reader.getPageSize(1).getHeight()).isEqualTo(297.0);
            String text = String.join("", new ContentExtractor(reader).extractAll());
            assertThat(DocumentLayoutsTest.squeezed(text))
                    .contains("示例市人民政府办公室文件")
                    .contains("示例府办发〔2026〕12号")
                    .contains("示例市人民政府办公室关于做好2026年汛期城市排水防涝工作的通知")
                    .contains("市住建局，市水利局，市城管局：")
                    .contains("各单位要落实主要负责同志防汛第一责任，5月20日前完成排水设施检查。")
                    .contains("附件：1．城区排水设施检查表")
                    .contains("抄送：市委办公室，市人大常委会办公室。")
                    .contains("2026年5月9日印发")
                    .contains("—1—");
        }
    }

    @Test
    void aLongOfdHasAsManyPagesAsThePdfAndTheNumbersOnEach() throws IOException {
        DocumentLayout layout = longNotice();
        byte[] ofd = layouts.ofd(layout);
        int pages = pdfPages(layout);
        assertThat(pages).isGreaterThan(2);
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            assertThat(reader.getNumberOfPages()).isEqualTo(pages);
            ContentExtractor extractor = new ContentExtractor(reader);
            for (int page = 1; page <= pages; page++) {
                assertThat(DocumentLayoutsTest.squeezed(String.join("", extractor.getPageContent(page))))
                        .endsWith("—" + page + "—");
            }
            assertThat(DocumentLayoutsTest.squeezed(String.join("", extractor.getPageContent(pages))))
                    .contains("抄送：市委办公室，市人大常委会办公室。");
        }
    }

    @Test
    void theSongFontIsEmbeddedInThePackage() throws IOException {
        Map<String, byte[]> entries = entries(layouts.ofd(notice()));
        String resources = new String(entries.get("Doc_0/PublicRes.xml"), StandardCharsets.UTF_8);
        Matcher font = Pattern.compile(
                        "<ofd:Res[^>]*BaseLoc=\"([^\"]+)\".*<ofd:Font [^>]*FontName=\"AR PL SungtiL GB\"[^>]*>"
                                + "<ofd:FontFile>([^<]+)</ofd:FontFile>")
                .matcher(resources);
        assertThat(font.find()).as(resources).isTrue();
        byte[] embedded = entries.get("Doc_0/" + font.group(1) + "/" + font.group(2));
        assertThat(embedded).as("the font file in the package").isNotNull();
        assertThat(embedded).isEqualTo(Files.readAllBytes(PdfPages.SONG));
        // Every text object uses that font.
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().endsWith("Content.xml")) {
                String content = new String(entry.getValue(), StandardCharsets.UTF_8);
                assertThat(content).contains("<ofd:TextObject");
                assertThat(Pattern.compile("<ofd:TextObject [^>]*Font=\"(?!" + fontId(resources) + "\")")
                                .matcher(content)
                                .find())
                        .as(entry.getKey() + " uses only the embedded font")
                        .isFalse();
            }
        }
    }

    @Test
    void theMarkAndTheSeparatorAreRedAndTheMarkIs35MillimetresDown() throws IOException {
        Map<String, byte[]> entries = entries(layouts.ofd(notice()));
        String parameters = new String(entries.get("Doc_0/DocumentRes.xml"), StandardCharsets.UTF_8);
        String page = new String(entries.get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        Set<String> redFill = ids(parameters, "FillColor Value=\"255 0 0\"");
        Set<String> redStroke = ids(parameters, "StrokeColor Value=\"255 0 0\"");
        Matcher glyph = Pattern.compile("<ofd:TextObject [^>]*Size=\"([0-9.]+)\"[^>]*DrawParam=\"(\\d+)\"[^>]*>"
                        + "<ofd:TextCode X=\"([0-9.]+)\" Y=\"([0-9.]+)\"[^>]*>([^<]*)</ofd:TextCode>")
                .matcher(page);
        StringBuilder red = new StringBuilder();
        double markTop = Double.NaN;
        while (glyph.find()) {
            if (redFill.contains(glyph.group(2))) {
                red.append(glyph.group(5));
                if (Double.isNaN(markTop)) {
                    markTop = Double.parseDouble(glyph.group(4)) - 0.88 * Double.parseDouble(glyph.group(1));
                }
            }
        }
        assertThat(red.toString()).isEqualTo("示例市人民政府办公室文件");
        // 7.2.4: the top of the mark 35 mm under the body's top (37 mm), as in the PDF.
        assertThat(markTop).isCloseTo(72.0, within(0.3));
        Matcher path = Pattern.compile("<ofd:PathObject [^>]*DrawParam=\"(\\d+)\"[^>]*>")
                .matcher(page);
        int redRules = 0;
        while (path.find()) {
            if (redStroke.contains(path.group(1))) {
                redRules++;
            }
        }
        assertThat(redRules).as("the red separator").isEqualTo(1);
    }

    @Test
    void everyCharacterLiesWhereItLiesInThePdf() throws IOException {
        DocumentLayout layout = notice();
        List<Placed> pdf = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(layouts.pdf(layout))) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition position : positions) {
                        pdf.add(new Placed(
                                position.getUnicode(),
                                position.getXDirAdj() * 25.4 / 72,
                                position.getYDirAdj() * 25.4 / 72));
                    }
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(document);
        }
        List<Placed> ofd = new ArrayList<>();
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(layouts.ofd(layout)))) {
            for (TextObject text : new ContentExtractor(reader).getPageTextObject(1)) {
                for (TextCode code : text.getTextCodes()) {
                    ofd.add(new Placed(code.getContent(), code.getX(), code.getY()));
                }
            }
        }
        // Character by character, in the order drawn (spaces are not drawn in the OFD), to 0.1 mm.
        List<Placed> pdfCharacters =
                pdf.stream().filter(placed -> !placed.text().isBlank()).toList();
        List<Placed> ofdCharacters =
                ofd.stream().filter(placed -> !placed.text().isBlank()).toList();
        assertThat(ofdCharacters).hasSizeGreaterThan(100).hasSameSizeAs(pdfCharacters);
        for (int i = 0; i < ofdCharacters.size(); i++) {
            Placed expected = pdfCharacters.get(i);
            Placed actual = ofdCharacters.get(i);
            assertThat(actual.text()).as("character " + i).isEqualTo(expected.text());
            assertThat(actual.x()).as(expected + " x").isCloseTo(expected.x(), within(0.1));
            assertThat(actual.baseline()).as(expected + " baseline").isCloseTo(expected.baseline(), within(0.1));
        }
    }

    /** A character and its baseline's start, in millimetres from the page's top left. */
    record Placed(String text, double x, double baseline) {}

    @Test
    void withoutTheFontTheOfdFailsSayingWhatToInstall() {
        assertThatThrownBy(() -> OfdPages.render(notice(), Path.of("/nonexistent/gbsn00lp.ttf")))
                .isInstanceOf(PdfPages.FontMissing.class)
                .hasMessageContaining("apt-get install -y fonts-arphic-gbsn00lp");
    }

    int pdfPages(DocumentLayout layout) throws IOException {
        try (PDDocument document = Loader.loadPDF(layouts.pdf(layout))) {
            return document.getNumberOfPages();
        }
    }

    /** The notice with 30 paragraphs of body text: three pages. */
    static DocumentLayout longNotice() {
        DocumentLayout notice = notice();
        return new DocumentLayout(
                notice.genre(),
                notice.issuerMark(),
                notice.number(),
                notice.signers(),
                null,
                null,
                null,
                notice.title(),
                notice.mainAddressees(),
                Collections.nCopies(30, "各单位要落实主要负责同志防汛第一责任，明确分管负责同志和具体工作人员，确保责任到人、措施到位、工作到岗。"),
                notice.attachments(),
                notice.issuerSignature(),
                notice.date(),
                notice.note(),
                notice.copyTo(),
                notice.printingUnit(),
                notice.printingDate(),
                List.of(),
                List.of(),
                List.of());
    }

    static Set<String> ids(String parameters, String having) {
        Set<String> ids = new HashSet<>();
        Matcher parameter = Pattern.compile("<ofd:DrawParam [^>]*ID=\"(\\d+)\"[^>]*>(.*?)</ofd:DrawParam>")
                .matcher(parameters);
        while (parameter.find()) {
            if (parameter.group(2).contains(having)) {
                ids.add(parameter.group(1));
            }
        }
        return ids;
    }

    static String fontId(String resources) {
        Matcher id = Pattern.compile("<ofd:Font [^>]*ID=\"(\\d+)\"").matcher(resources);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    static Map<String, byte[]> entries(byte[] ofd) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
