package org.accord.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.documents.IssuedPage.Face;
import org.accord.documents.IssuedPage.Rule;
import org.accord.documents.PdfPages.Fonts;
import org.accord.documents.PdfPages.Glyph;
import org.accord.documents.PdfPages.Surface;
import org.accord.documents.PdfPages.Typesetter;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.canvas.Canvas;
import org.ofdrw.layout.element.canvas.DrawContext;
import org.ofdrw.layout.element.canvas.FontSetting;

/**
 * The OFD (GB/T 33190) of an issued document, written with ofdrw. It is set by the PDF's typesetter
 * ({@link PdfPages.Typesetter}) with the same font metrics, so every character and rule lies where it lies in
 * the PDF; only the drawing differs. The same font, AR PL SungtiL GB, is embedded in the package (the whole
 * file: ofdrw does not subset it), DejaVu Sans for characters it lacks; 黑体 and 小标宋 are marked bold
 * (weight 700), which OFD readers embolden.
 */
final class OfdPages {

    private static final double PT_TO_MM = 25.4 / 72;
    private static final double PAGE_HEIGHT_PT = IssuedPage.PAGE_HEIGHT_MM * IssuedPage.MM;
    static final String SONG_NAME = "AR PL SungtiL GB";
    static final String FALLBACK_NAME = "DejaVu Sans";

    private OfdPages() {}

    static byte[] render(DocumentLayout layout) {
        return render(layout, PdfPages.SONG);
    }

    /** @throws PdfPages.FontMissing when the font to embed is not installed */
    static byte[] render(DocumentLayout layout, Path songFont) {
        if (!Files.isReadable(songFont)) {
            throw new PdfPages.FontMissing(songFont);
        }
        boolean withFallback = Files.isReadable(PdfPages.FALLBACK);
        // The PDFBox fonts only measure here (the scratch PDF is never saved): the PDF's metrics, the PDF's lines.
        try (TrueTypeFont song = new TTFParser().parse(new RandomAccessReadBufferedFile(songFont.toFile()));
                PDDocument metrics = new PDDocument()) {
            TrueTypeFont fallbackFont = withFallback
                    ? new TTFParser().parse(new RandomAccessReadBufferedFile(PdfPages.FALLBACK.toFile()))
                    : null;
            try {
                Fonts fonts = new Fonts(
                        PDType0Font.load(metrics, song, false),
                        song.getUnicodeCmapLookup(),
                        fallbackFont == null ? null : PDType0Font.load(metrics, fallbackFont, false),
                        fallbackFont == null ? null : fallbackFont.getUnicodeCmapLookup());
                OfdSurface surface = new OfdSurface(
                        fonts.song(),
                        new Font(SONG_NAME, SONG_NAME, songFont),
                        withFallback ? new Font(FALLBACK_NAME, FALLBACK_NAME, PdfPages.FALLBACK) : null);
                new Typesetter(surface, fonts).typeset(IssuedPage.blocks(layout));
                return surface.write();
            } finally {
                if (fallbackFont != null) {
                    fallbackFont.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A drawing step on a page's canvas. */
    private interface Step {
        void draw(DrawContext context) throws IOException;
    }

    /** Collects each page's steps, then writes them as one full-page canvas a page. */
    private static final class OfdSurface implements Surface {

        private final PDType0Font songMetrics;
        private final Font song;
        private final @Nullable Font fallback;
        private final List<List<Step>> pages = new ArrayList<>();
        private @Nullable List<Step> current;

        OfdSurface(PDType0Font songMetrics, Font song, @Nullable Font fallback) {
            this.songMetrics = songMetrics;
            this.song = song;
            this.fallback = fallback;
        }

        @Override
        public void newPage() {
            current = new ArrayList<>();
            pages.add(current);
        }

        @Override
        public void reopen(int page) {
            current = pages.get(page);
        }

        @Override
        public void endPage() {
            current = null;
        }

        @Override
        public void glyph(Glyph glyph, float x, float baseline, float size, boolean red) {
            Font font = glyph.font() == songMetrics || fallback == null ? song : fallback;
            boolean bold = glyph.face() == Face.HEITI || glyph.face() == Face.XIAOBIAOSONG;
            double sizeMm = size * PT_TO_MM;
            double xMm = x * PT_TO_MM;
            double yMm = (PAGE_HEIGHT_PT - baseline) * PT_TO_MM;
            String text = glyph.text();
            steps().add(context -> {
                FontSetting setting = new FontSetting(sizeMm, font);
                if (bold) {
                    setting.setFontWeight(700);
                }
                context.setFont(setting);
                context.setFillColor(red ? 255 : 0, 0, 0);
                context.fillText(text, xMm, yMm);
            });
        }

        @Override
        public void rule(Rule rule, float at) {
            double yMm = (PAGE_HEIGHT_PT - at) * PT_TO_MM;
            double widthMm = rule.width() * PT_TO_MM;
            steps().add(context -> {
                context.beginPath();
                context.setStrokeColor(rule.red() ? 255 : 0, 0, 0);
                context.setLineWidth(widthMm);
                context.moveTo(IssuedPage.LEFT_MM, yMm);
                context.lineTo(IssuedPage.LEFT_MM + IssuedPage.BODY_WIDTH_MM, yMm);
                context.stroke();
            });
        }

        private List<Step> steps() {
            if (current == null) {
                throw new IllegalStateException("No page to draw on");
            }
            return current;
        }

        byte[] write() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OFDDoc document = new OFDDoc(out)) {
                PageLayout a4 = new PageLayout(IssuedPage.PAGE_WIDTH_MM, IssuedPage.PAGE_HEIGHT_MM);
                a4.setMargin(0d);
                document.setDefaultPageLayout(a4);
                for (List<Step> steps : pages) {
                    VirtualPage page = new VirtualPage(a4);
                    Canvas canvas = new Canvas(0, 0, IssuedPage.PAGE_WIDTH_MM, IssuedPage.PAGE_HEIGHT_MM);
                    canvas.setDrawer(context -> {
                        for (Step step : steps) {
                            step.draw(context);
                        }
                    });
                    page.add(canvas);
                    document.addVPage(page);
                }
            }
            return out.toByteArray();
        }
    }
}
