package org.accord.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Service;

/** Renders issued documents in the GB/T 9704-2012 layout as .docx (Apache POI) and PDF (Apache PDFBox). */
@Service
class StandardLayouts implements DocumentLayouts {

    static final Path SONG_FONT = Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");

    @Override
    public byte[] docx(DocumentLayout layout) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph mark = document.createParagraph();
            mark.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun markRun = mark.createRun();
            markRun.setText(layout.issuerMark());
            markRun.setColor("FF0000");
            for (String line : lines(layout)) {
                XWPFRun run = document.createParagraph().createRun();
                run.setFontFamily("仿宋_GB2312");
                run.setFontSize(16);
                run.setText(line);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] pdf(DocumentLayout layout) {
        if (!Files.isReadable(SONG_FONT)) {
            throw new IllegalStateException("The Chinese font " + SONG_FONT
                    + " is missing: install it with `apt-get install -y fonts-arphic-gbsn00lp`");
        }
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = PDType0Font.load(document, SONG_FONT.toFile());
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = page.getMediaBox().getHeight() - 105;
                List<String> all = new ArrayList<>();
                all.add(layout.issuerMark());
                all.addAll(lines(layout));
                for (String line : all) {
                    content.beginText();
                    content.setFont(font, 16);
                    content.newLineAtOffset(79, y);
                    content.showText(line);
                    content.endText();
                    y -= 28;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(DocumentLayout layout) {
        List<String> lines = new ArrayList<>();
        if (layout.number() != null) {
            lines.add(layout.number());
        }
        lines.add(layout.title());
        lines.add(layout.mainAddressees());
        lines.addAll(layout.body());
        lines.add(layout.issuerSignature());
        return lines;
    }
}
