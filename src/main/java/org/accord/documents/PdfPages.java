package org.accord.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.accord.documents.IssuedPage.Align;
import org.accord.documents.IssuedPage.Block;
import org.accord.documents.IssuedPage.Face;
import org.accord.documents.IssuedPage.Rule;
import org.accord.documents.IssuedPage.Segment;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.jspecify.annotations.Nullable;

/**
 * The PDF of an issued document, laid out on the GB/T 9704-2012 grid by hand: 28 characters of 3号 text a
 * line at a pitch of 156/28 mm, 22 lines a page at 225/22 mm. The Chinese font is embedded (as a subset):
 * AR PL SungtiL GB (Debian {@code fonts-arphic-gbsn00lp}), a Song face, stands in for every face, with 黑体
 * and 小标宋 emboldened by stroking; characters outside it fall back to DejaVu Sans, then to □.
 */
final class PdfPages {

    static final Path SONG = Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");
    static final Path FALLBACK = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private static final float MM = (float) IssuedPage.MM;
    private static final float PAGE_WIDTH = (float) (IssuedPage.PAGE_WIDTH_MM * IssuedPage.MM);
    private static final float PAGE_HEIGHT = (float) (IssuedPage.PAGE_HEIGHT_MM * IssuedPage.MM);
    private static final float BODY_LEFT = (float) (IssuedPage.LEFT_MM * IssuedPage.MM);
    private static final float BODY_WIDTH = (float) (IssuedPage.BODY_WIDTH_MM * IssuedPage.MM);
    private static final float BODY_TOP = PAGE_HEIGHT - (float) (IssuedPage.TOP_MM * IssuedPage.MM);
    private static final float BODY_BOTTOM = (float) (IssuedPage.BOTTOM_MM * IssuedPage.MM);
    private static final float LINE = (float) (IssuedPage.BODY_HEIGHT_MM * IssuedPage.MM / IssuedPage.LINES);
    private static final float CHARACTER = BODY_WIDTH / IssuedPage.CHARACTERS;
    /** The ideographic em box of a CJK face: 0.88 em above the baseline, 0.12 em below. */
    private static final float EM_ASCENT = 0.88f;

    private static final float EM_DESCENT = 0.12f;
    private static final String NO_BREAK_BEFORE = "，。、；：？！）》」』”’…—%";
    private static final String NO_BREAK_AFTER = "（《「『“‘";

    /** Thrown when the font to embed is not installed: the PDF cannot be made without it. */
    static final class FontMissing extends IllegalStateException {
        FontMissing(Path font) {
            super("The Chinese font " + font + " is not installed; install it with"
                    + " `apt-get install -y fonts-arphic-gbsn00lp` (see docs/document-layout.md)");
        }
    }

    private PdfPages() {}

    static byte[] render(DocumentLayout layout) {
        return render(layout, SONG);
    }

    static byte[] render(DocumentLayout layout, Path songFont) {
        if (!Files.isReadable(songFont)) {
            throw new FontMissing(songFont);
        }
        try (TrueTypeFont song = new TTFParser().parse(new RandomAccessReadBufferedFile(songFont.toFile()));
                PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeFont fallbackFont = Files.isReadable(FALLBACK)
                    ? new TTFParser().parse(new RandomAccessReadBufferedFile(FALLBACK.toFile()))
                    : null;
            try {
                Fonts fonts = new Fonts(
                        PDType0Font.load(document, song, true),
                        song.getUnicodeCmapLookup(),
                        fallbackFont == null ? null : PDType0Font.load(document, fallbackFont, true),
                        fallbackFont == null ? null : fallbackFont.getUnicodeCmapLookup());
                new Typesetter(new PdfSurface(document), fonts).typeset(IssuedPage.blocks(layout));
                information(document, layout);
                document.save(out);
            } finally {
                if (fallbackFont != null) {
                    fallbackFont.close();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void information(PDDocument document, DocumentLayout layout) {
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(layout.title());
        information.setAuthor(layout.issuerSignature());
        information.setCreator("Accord");
        Calendar created = Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai"));
        information.setCreationDate(created);
        document.getDocumentCatalog().setLanguage("zh-CN");
    }

    /** The embedded fonts and which characters each has. */
    record Fonts(
            PDType0Font song,
            CmapLookup songGlyphs,
            @Nullable PDType0Font fallback,
            @Nullable CmapLookup fallbackGlyphs) {

        /** The font for a character, and the character itself (□ when no font has it). */
        Glyph glyph(int codePoint, Face face) {
            if (codePoint == '\n' || songGlyphs.getGlyphId(codePoint) > 0) {
                return new Glyph(codePoint, song, face);
            }
            if (fallback != null && fallbackGlyphs != null && fallbackGlyphs.getGlyphId(codePoint) > 0) {
                return new Glyph(codePoint, fallback, face);
            }
            return new Glyph('□', song, face);
        }
    }

    /** One character as set: its font and face. */
    record Glyph(int codePoint, PDType0Font font, Face face) {

        String text() {
            return new String(Character.toChars(codePoint));
        }

        float width(float size) {
            try {
                return font.getStringWidth(text()) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A line as set: its glyphs, the space added after each, and whether it ends its paragraph. */
    record Line(List<Glyph> glyphs, float indent, float available, boolean last) {}

    /**
     * Where the typesetter draws: a PDF here, an OFD in {@link OfdPages}. Coordinates are PDF points from the
     * page's bottom left, so that both outputs carry the same positions.
     */
    interface Surface {

        /** Starts a new page and draws on it until {@link #endPage()}. */
        void newPage() throws IOException;

        /** Draws again on the page of that index (0 the first), over what is there. */
        void reopen(int page) throws IOException;

        void endPage() throws IOException;

        /** One character, its baseline starting at (x, baseline); 黑体 and 小标宋 emboldened. */
        void glyph(Glyph glyph, float x, float baseline, float size, boolean red) throws IOException;

        /** A rule across the body width at that height. */
        void rule(Rule rule, float at) throws IOException;
    }

    /** Draws on PDFBox content streams. */
    private static final class PdfSurface implements Surface {

        private final PDDocument document;
        private final List<PDPage> pages = new ArrayList<>();
        private @Nullable PDPageContentStream content;

        PdfSurface(PDDocument document) {
            this.document = document;
        }

        @Override
        public void newPage() throws IOException {
            endPage();
            PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT));
            document.addPage(page);
            pages.add(page);
            content = new PDPageContentStream(document, page);
        }

        @Override
        public void reopen(int page) throws IOException {
            endPage();
            content = new PDPageContentStream(document, pages.get(page), PDPageContentStream.AppendMode.APPEND, true);
        }

        @Override
        public void endPage() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        @Override
        public void glyph(Glyph glyph, float x, float baseline, float size, boolean red) throws IOException {
            PDPageContentStream stream = content();
            boolean bold = glyph.face() == Face.HEITI || glyph.face() == Face.XIAOBIAOSONG;
            stream.beginText();
            stream.setFont(glyph.font(), size);
            if (red) {
                stream.setNonStrokingColor(1f, 0f, 0f);
                stream.setStrokingColor(1f, 0f, 0f);
            } else {
                stream.setNonStrokingColor(0f, 0f, 0f);
                stream.setStrokingColor(0f, 0f, 0f);
            }
            if (bold) {
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
                stream.setLineWidth(size * 0.025f);
            } else {
                stream.setRenderingMode(RenderingMode.FILL);
            }
            stream.newLineAtOffset(x, baseline);
            stream.showText(glyph.text());
            stream.endText();
        }

        @Override
        public void rule(Rule rule, float at) throws IOException {
            PDPageContentStream stream = content();
            if (rule.red()) {
                stream.setStrokingColor(1f, 0f, 0f);
            } else {
                stream.setStrokingColor(0f, 0f, 0f);
            }
            stream.setLineWidth((float) rule.width());
            stream.moveTo(BODY_LEFT, at);
            stream.lineTo(BODY_LEFT + BODY_WIDTH, at);
            stream.stroke();
        }

        private PDPageContentStream content() {
            if (content == null) {
                throw new IllegalStateException("No page to draw on");
            }
            return content;
        }
    }

    /** Sets blocks onto pages, top to bottom, the colophon at the foot of the last page. */
    static final class Typesetter {

        private final Surface surface;
        private final Fonts fonts;
        private int pages;
        private float y;

        Typesetter(Surface surface, Fonts fonts) {
            this.surface = surface;
            this.fonts = fonts;
        }

        void typeset(List<Block> blocks) throws IOException {
            newPage();
            List<Block> colophon = new ArrayList<>();
            for (Block block : blocks) {
                if (block.colophon()) {
                    colophon.add(block);
                } else {
                    block(block);
                }
            }
            colophon(colophon);
            close();
            pageNumbers();
        }

        private void block(Block block) throws IOException {
            List<Line> lines = lines(block);
            float before = (float) (block.spaceBeforeMm() * MM);
            if (before > 0) {
                // Placed by distance, off the grid: the top of the characters' em box lies exactly that far
                // below (the mark: 35 mm under the body's top, 7.2.4).
                float size = (float) block.size();
                float baseline = y - before - EM_ASCENT * size;
                for (int i = 0; i < lines.size(); i++) {
                    line(block, lines.get(i), baseline, i == 0);
                    if (i < lines.size() - 1) {
                        baseline -= size * 1.2f;
                    }
                }
                y = baseline - EM_DESCENT * size;
                return;
            }
            if (block.blank() && y >= BODY_TOP - 0.01f && pages > 1) {
                return; // an empty line does not open a page
            }
            for (int i = 0; i < lines.size(); i++) {
                float height = i == 0 ? LINE * block.gridLines() : LINE;
                if (y - height < BODY_BOTTOM - 0.5f) {
                    newPage();
                    if (block.blank()) {
                        return;
                    }
                }
                float top = y;
                if (i == 0 && block.above() != Rule.NONE) {
                    rule(block.above(), top);
                }
                float baseline = top - height / 2 - (float) block.size() * 0.35f;
                line(block, lines.get(i), baseline, i == 0);
                y -= height;
                if (i == lines.size() - 1 && block.below() != Rule.NONE) {
                    float at = block.below() == Rule.RED
                            ? baseline - (float) block.size() * EM_DESCENT - (float) (IssuedPage.SEPARATOR_GAP_MM * MM)
                            : y;
                    rule(block.below(), at);
                }
            }
        }

        private void colophon(List<Block> colophon) throws IOException {
            if (colophon.isEmpty()) {
                return;
            }
            float height = 0;
            List<List<Line>> laidOut = new ArrayList<>();
            for (Block block : colophon) {
                List<Line> lines = lines(block);
                laidOut.add(lines);
                height += LINE * lines.size();
            }
            if (y - height < BODY_BOTTOM - 0.5f) {
                newPage();
            }
            // 7.4.1: the colophon's last rule lies on the bottom edge of the body area.
            y = BODY_BOTTOM + height;
            for (int b = 0; b < colophon.size(); b++) {
                Block block = colophon.get(b);
                List<Line> lines = laidOut.get(b);
                if (block.above() != Rule.NONE) {
                    rule(block.above(), y);
                }
                for (int i = 0; i < lines.size(); i++) {
                    float baseline = y - LINE / 2 - (float) block.size() * 0.35f;
                    line(block, lines.get(i), baseline, i == 0);
                    y -= LINE;
                }
                if (block.below() != Rule.NONE) {
                    rule(block.below(), y);
                }
            }
        }

        /** Breaks a block into lines: never a closing mark at a line's start, nor an opening one at its end. */
        private List<Line> lines(Block block) {
            float size = (float) block.size();
            float spacing = spacing(block);
            List<Glyph> glyphs = new ArrayList<>();
            for (Segment segment : block.left()) {
                segment.text().codePoints().forEach(codePoint -> glyphs.add(fonts.glyph(codePoint, segment.face())));
            }
            float leftIndent = (float) block.leftIndent() * CHARACTER;
            float rightIndent = (float) block.rightIndent() * CHARACTER;
            float rightTextWidth = width(rightGlyphs(block), size, spacing);
            List<Line> lines = new ArrayList<>();
            int start = 0;
            boolean first = true;
            while (start < glyphs.size() || (first && glyphs.isEmpty())) {
                float indent = leftIndent + (first ? (float) block.first() * CHARACTER : 0);
                float available = BODY_WIDTH - indent - rightIndent - (first ? rightTextWidth : 0);
                int end = start;
                float used = 0;
                boolean forced = false;
                while (end < glyphs.size()) {
                    if (glyphs.get(end).codePoint() == '\n') {
                        forced = true;
                        break;
                    }
                    float next = glyphs.get(end).width(size) + spacing;
                    if (used + next > available + 0.01f) {
                        break;
                    }
                    used += next;
                    end++;
                }
                if (forced) {
                    lines.add(new Line(List.copyOf(glyphs.subList(start, end)), indent, available, false));
                    start = end + 1;
                    first = false;
                    continue;
                }
                if (end < glyphs.size() && end > start) {
                    if (NO_BREAK_BEFORE.indexOf(glyphs.get(end).codePoint()) >= 0) {
                        end++; // hangs past the edge rather than start the next line
                    } else if (end - start > 1
                            && NO_BREAK_AFTER.indexOf(glyphs.get(end - 1).codePoint()) >= 0) {
                        end--;
                    }
                } else if (end == start && end < glyphs.size()) {
                    end++;
                }
                lines.add(new Line(List.copyOf(glyphs.subList(start, end)), indent, available, end >= glyphs.size()));
                start = end;
                first = false;
            }
            return lines;
        }

        private void line(Block block, Line line, float baseline, boolean first) throws IOException {
            float size = (float) block.size();
            float spacing = spacing(block);
            float width = width(line.glyphs(), size, spacing);
            float x = BODY_LEFT + line.indent();
            if (block.align() == Align.CENTER) {
                x += (line.available() - width) / 2;
            } else if (block.align() == Align.RIGHT) {
                x += line.available() - width;
            } else if (block.align() == Align.BOTH
                    && !line.last()
                    && line.glyphs().size() > 1) {
                spacing += (line.available() - width) / (line.glyphs().size() - 1);
            }
            x = show(line.glyphs(), x, baseline, size, spacing, block.red());
            if (first && !block.right().isEmpty()) {
                List<Glyph> right = rightGlyphs(block);
                float rightX = BODY_LEFT
                        + BODY_WIDTH
                        - (float) block.rightIndent() * CHARACTER
                        - width(right, size, spacing(block));
                show(right, Math.max(x, rightX), baseline, size, spacing(block), block.red());
            }
        }

        private float show(List<Glyph> glyphs, float x, float baseline, float size, float spacing, boolean red)
                throws IOException {
            float at = x;
            for (Glyph glyph : glyphs) {
                surface.glyph(glyph, at, baseline, size, red);
                at += glyph.width(size) + spacing;
            }
            return at;
        }

        private List<Glyph> rightGlyphs(Block block) {
            List<Glyph> glyphs = new ArrayList<>();
            for (Segment segment : block.right()) {
                segment.text().codePoints().forEach(codePoint -> glyphs.add(fonts.glyph(codePoint, segment.face())));
            }
            return glyphs;
        }

        private static float width(List<Glyph> glyphs, float size, float spacing) {
            float width = 0;
            for (Glyph glyph : glyphs) {
                width += glyph.width(size) + spacing;
            }
            return glyphs.isEmpty() ? 0 : width - spacing;
        }

        /** 3号 text is set on the grid's character pitch; larger and smaller text at its natural width. */
        private static float spacing(Block block) {
            return block.size() == IssuedPage.SIZE_3 ? CHARACTER - (float) IssuedPage.SIZE_3 : 0;
        }

        private void rule(Rule rule, float at) throws IOException {
            surface.rule(rule, at);
        }

        private void newPage() throws IOException {
            surface.newPage();
            pages++;
            y = BODY_TOP;
        }

        private void close() throws IOException {
            surface.endPage();
        }

        /** 7.5: "— n —" in 4号, 7 mm under the body area, one character in: right on odd pages, left on even. */
        private void pageNumbers() throws IOException {
            float size = (float) IssuedPage.SIZE_4;
            float baseline = BODY_BOTTOM - (float) (IssuedPage.PAGE_NUMBER_GAP_MM * MM) - size * EM_ASCENT;
            for (int i = 0; i < pages; i++) {
                int number = i + 1;
                List<Glyph> glyphs = new ArrayList<>();
                ("— " + number + " —").codePoints().forEach(codePoint -> glyphs.add(fonts.glyph(codePoint, Face.SONG)));
                float width = width(glyphs, size, 0);
                float x = number % 2 == 1 ? BODY_LEFT + BODY_WIDTH - size - width : BODY_LEFT + size;
                surface.reopen(i);
                try {
                    show(glyphs, x, baseline, size, 0, false);
                } finally {
                    surface.endPage();
                }
            }
        }
    }
}
