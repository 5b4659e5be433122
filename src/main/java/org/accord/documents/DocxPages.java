package org.accord.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.accord.documents.IssuedPage.Block;
import org.accord.documents.IssuedPage.Face;
import org.accord.documents.IssuedPage.Rule;
import org.accord.documents.IssuedPage.Segment;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STXAlign;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STYAlign;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFramePr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHAnchor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVAnchor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STWrap;

/**
 * The .docx of an issued document: A4, the standard margins, the 22 × 28 grid of the section (Word and WPS
 * snap 3号 text to it), the blocks of {@link IssuedPage} as paragraphs, the colophon in a frame at the foot of
 * the last page, and page numbers "— 1 —" in 4号 宋体, right on odd pages and left on even ones.
 */
final class DocxPages {

    /** Twentieths of a point per millimetre. */
    static final double TWIPS_PER_MM = 1440 / 25.4;

    static final int PAGE_WIDTH = twips(IssuedPage.PAGE_WIDTH_MM);
    static final int PAGE_HEIGHT = twips(IssuedPage.PAGE_HEIGHT_MM);
    static final int BODY_WIDTH = twips(IssuedPage.BODY_WIDTH_MM);
    /** The grid's line pitch: 225 mm / 22 lines, in twips (579). */
    static final int LINE_PITCH = (int) Math.floor(IssuedPage.BODY_HEIGHT_MM * TWIPS_PER_MM / IssuedPage.LINES);
    /** The grid's character pitch: 156 mm / 28 characters, in twips. */
    static final double CHARACTER_PITCH = IssuedPage.BODY_WIDTH_MM * TWIPS_PER_MM / IssuedPage.CHARACTERS;
    /**
     * The grid's character spacing as Word writes it: the difference between the pitch and the default
     * font's size (3号, 16 pt), in 1/4096 of a point (−849).
     */
    static final int CHARACTER_SPACE = (int) Math.round((CHARACTER_PITCH / 20 - IssuedPage.SIZE_3) * 4096);
    /** Footer distance: the top of the page number 7 mm below the body area, 4号 text 14 pt high. */
    static final int FOOTER = twips(IssuedPage.BOTTOM_MM - IssuedPage.PAGE_NUMBER_GAP_MM) - 14 * 20;

    private DocxPages() {}

    static byte[] render(DocumentLayout layout) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            defaults(document);
            for (Block block : IssuedPage.blocks(layout)) {
                paragraph(document.createParagraph(), block);
            }
            pageNumbers(document);
            section(document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 3号 仿宋 as the document default, so that the grid is computed on it. */
    private static void defaults(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        CTStyles ctStyles = CTStyles.Factory.newInstance();
        CTRPr run = ctStyles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        String fangsong = Face.FANGSONG.fontName();
        fonts.setAscii(fangsong);
        fonts.setHAnsi(fangsong);
        fonts.setEastAsia(fangsong);
        fonts.setCs(fangsong);
        run.addNewSz().setVal(BigInteger.valueOf((long) (IssuedPage.SIZE_3 * 2)));
        run.addNewSzCs().setVal(BigInteger.valueOf((long) (IssuedPage.SIZE_3 * 2)));
        run.addNewLang().setEastAsia("zh-CN");
        styles.setStyles(ctStyles);
    }

    private static void section(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(IssuedPage.TOP_MM)));
        margins.setBottom(BigInteger.valueOf(twips(IssuedPage.BOTTOM_MM)));
        margins.setLeft(BigInteger.valueOf(twips(IssuedPage.LEFT_MM)));
        margins.setRight(BigInteger.valueOf(twips(IssuedPage.RIGHT_MM)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        margins.setFooter(BigInteger.valueOf(FOOTER));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = section.isSetDocGrid() ? section.getDocGrid() : section.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
        grid.setCharSpace(BigInteger.valueOf(CHARACTER_SPACE));
    }

    private static void paragraph(XWPFParagraph paragraph, Block block) {
        paragraph.setAlignment(alignment(block));
        CTPPr properties = paragraph.getCTP().isSetPPr()
                ? paragraph.getCTP().getPPr()
                : paragraph.getCTP().addNewPPr();
        if (block.leftIndent() != 0 || block.rightIndent() != 0 || block.first() != 0) {
            var indent = properties.isSetInd() ? properties.getInd() : properties.addNewInd();
            indent.setLeft(BigInteger.valueOf(Math.round(block.leftIndent() * CHARACTER_PITCH)));
            indent.setLeftChars(BigInteger.valueOf(Math.round(block.leftIndent() * 100)));
            indent.setRight(BigInteger.valueOf(Math.round(block.rightIndent() * CHARACTER_PITCH)));
            indent.setRightChars(BigInteger.valueOf(Math.round(block.rightIndent() * 100)));
            if (block.first() > 0) {
                indent.setFirstLine(BigInteger.valueOf(Math.round(block.first() * CHARACTER_PITCH)));
                indent.setFirstLineChars(BigInteger.valueOf(Math.round(block.first() * 100)));
            } else if (block.first() < 0) {
                indent.setHanging(BigInteger.valueOf(Math.round(-block.first() * CHARACTER_PITCH)));
                indent.setHangingChars(BigInteger.valueOf(Math.round(-block.first() * 100)));
            }
        }
        if (block.spaceBeforeMm() > 0) {
            paragraph.setSpacingBefore(twips(block.spaceBeforeMm()));
        }
        if (block.gridLines() > 1) {
            paragraph.setSpacingBetween(LINE_PITCH * block.gridLines() / 20.0, LineSpacingRule.EXACT);
        }
        rule(paragraph, properties, block.above(), true);
        rule(paragraph, properties, block.below(), false);
        if (block.colophon()) {
            // The colophon's last rule sits on the bottom edge of the last page's body area (7.4.1).
            CTFramePr frame = properties.addNewFramePr();
            frame.setW(BigInteger.valueOf(BODY_WIDTH));
            frame.setHAnchor(STHAnchor.MARGIN);
            frame.setXAlign(STXAlign.CENTER);
            frame.setVAnchor(STVAnchor.MARGIN);
            frame.setYAlign(STYAlign.BOTTOM);
            frame.setWrap(STWrap.NOT_BESIDE);
        }
        for (Segment segment : block.left()) {
            run(paragraph, segment, block);
        }
        if (!block.right().isEmpty()) {
            CTTabStop tab = properties.addNewTabs().addNewTab();
            tab.setVal(STTabJc.RIGHT);
            tab.setPos(BigInteger.valueOf(Math.round(BODY_WIDTH - block.rightIndent() * CHARACTER_PITCH)));
            paragraph.createRun().addTab();
            for (Segment segment : block.right()) {
                run(paragraph, segment, block);
            }
        }
    }

    private static void rule(XWPFParagraph paragraph, CTPPr properties, Rule rule, boolean above) {
        if (rule == Rule.NONE) {
            return;
        }
        if (above) {
            paragraph.setBorderTop(Borders.SINGLE);
        } else {
            paragraph.setBorderBottom(Borders.SINGLE);
        }
        CTPBdr borders = properties.getPBdr();
        CTBorder border = above ? borders.getTop() : borders.getBottom();
        border.setVal(STBorder.SINGLE);
        // Border widths are in eighths of a point.
        border.setSz(BigInteger.valueOf(Math.max(2, Math.round(rule.width() * 8))));
        border.setColor(rule.red() ? "FF0000" : "000000");
        // The separator stands 4 mm under the number; the colophon's rules hug their text.
        long space = rule == Rule.RED ? Math.round(IssuedPage.SEPARATOR_GAP_MM * IssuedPage.MM) : 1;
        border.setSpace(BigInteger.valueOf(space));
    }

    /** One run per line of the segment; a line feed (a balanced title's break) becomes a line break. */
    private static void run(XWPFParagraph paragraph, Segment segment, Block block) {
        String[] lines = segment.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = paragraph.createRun();
            font(run, segment.face());
            run.setFontSize(block.size());
            if (block.red()) {
                run.setColor("FF0000");
            }
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }

    private static void font(XWPFRun run, Face face) {
        run.setFontFamily(face.fontName(), FontCharRange.ascii);
        run.setFontFamily(face.fontName(), FontCharRange.hAnsi);
        run.setFontFamily(face.fontName(), FontCharRange.eastAsia);
        run.setFontFamily(face.fontName(), FontCharRange.cs);
    }

    /** 7.5: "— 1 —" in 4号 宋体, one character in from the outside edge: right on odd pages, left on even. */
    private static void pageNumbers(XWPFDocument document) {
        document.setEvenAndOddHeadings(true);
        pageNumber(document.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(document.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
        XWPFParagraph paragraph = footer.getParagraphs().isEmpty()
                ? footer.createParagraph()
                : footer.getParagraphs().get(0);
        paragraph.setAlignment(side);
        int oneCharacter = (int) Math.round(CHARACTER_PITCH);
        if (side == ParagraphAlignment.RIGHT) {
            paragraph.setIndentationRight(oneCharacter);
        } else {
            paragraph.setIndentationLeft(oneCharacter);
        }
        text(paragraph, "— ");
        field(paragraph, STFldCharType.BEGIN);
        XWPFRun instruction = numberRun(paragraph);
        instruction.getCTR().addNewInstrText().setStringValue(" PAGE ");
        field(paragraph, STFldCharType.SEPARATE);
        text(paragraph, "1");
        field(paragraph, STFldCharType.END);
        text(paragraph, " —");
    }

    private static void text(XWPFParagraph paragraph, String text) {
        numberRun(paragraph).setText(text);
    }

    private static void field(XWPFParagraph paragraph, STFldCharType.Enum type) {
        numberRun(paragraph).getCTR().addNewFldChar().setFldCharType(type);
    }

    private static XWPFRun numberRun(XWPFParagraph paragraph) {
        XWPFRun run = paragraph.createRun();
        font(run, Face.SONG);
        run.setFontSize(IssuedPage.SIZE_4);
        return run;
    }

    private static ParagraphAlignment alignment(Block block) {
        switch (block.align()) {
            case CENTER:
                return ParagraphAlignment.CENTER;
            case RIGHT:
                return ParagraphAlignment.RIGHT;
            case BOTH:
                return ParagraphAlignment.BOTH;
            case LEFT:
            default:
                return ParagraphAlignment.LEFT;
        }
    }

    static int twips(double millimetres) {
        return (int) Math.round(millimetres * TWIPS_PER_MM);
    }
}
