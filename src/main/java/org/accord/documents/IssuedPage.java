package org.accord.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What GB/T 9704-2012 puts on the page, in order, with the standard's sizes, faces, indents and rules: the
 * .docx and the PDF renderers both lay out these blocks, so the two outputs cannot drift apart. Indents are
 * in characters of the 28-character grid; sizes in points (2号 22 pt, 3号 16 pt, 4号 14 pt).
 */
final class IssuedPage {

    static final double MM = 72 / 25.4;
    static final double PAGE_WIDTH_MM = 210;
    static final double PAGE_HEIGHT_MM = 297;
    static final double TOP_MM = 37;
    static final double BOTTOM_MM = 35;
    static final double LEFT_MM = 28;
    static final double RIGHT_MM = 26;
    static final double BODY_WIDTH_MM = 156;
    static final double BODY_HEIGHT_MM = 225;
    static final int LINES = 22;
    static final int CHARACTERS = 28;
    /** 7.2.4: the top edge of the issuer mark is 35 mm below the top of the body area. */
    static final double MARK_TOP_MM = 35;
    /** 7.2.5: the red separator is 4 mm below the document number. */
    static final double SEPARATOR_GAP_MM = 4;
    /** 7.5: the dashes of the page number are 7 mm below the body area. */
    static final double PAGE_NUMBER_GAP_MM = 7;

    static final double SIZE_2 = 22;
    static final double SIZE_3 = 16;
    static final double SIZE_4 = 14;

    private static final Pattern FIRST_HEADING = Pattern.compile("^[一二三四五六七八九十]+、.*");
    private static final Pattern SECOND_HEADING = Pattern.compile("^[（(][一二三四五六七八九十]+[)）].*");

    enum Face {
        /** 小标宋: the issuer mark and the title. */
        XIAOBIAOSONG("方正小标宋简体"),
        /** 仿宋: the body and most elements. */
        FANGSONG("仿宋_GB2312"),
        /** 黑体: first-level headings, the classification and urgency, 出席/请假/列席. */
        HEITI("黑体"),
        /** 楷体: second-level headings and the signers' names. */
        KAITI("楷体_GB2312"),
        /** 宋体: the page numbers. */
        SONG("宋体");

        private final String fontName;

        Face(String fontName) {
            this.fontName = fontName;
        }

        String fontName() {
            return fontName;
        }
    }

    enum Align {
        LEFT,
        CENTER,
        RIGHT,
        /** Both edges on the grid (正文两端对齐). */
        BOTH
    }

    /** A horizontal rule across the body width. */
    enum Rule {
        NONE(0, false),
        /** 7.2.5 the red separator under the number. */
        RED(1.0, true),
        /** 7.4.1 the first and last rules of the colophon (0.35 mm). */
        THICK(0.35 * MM, false),
        /** 7.4.1 the rules between the colophon's elements (0.25 mm). */
        THIN(0.25 * MM, false);

        private final double width;
        private final boolean red;

        Rule(double width, boolean red) {
            this.width = width;
            this.red = red;
        }

        double width() {
            return width;
        }

        boolean red() {
            return red;
        }
    }

    /** A run of text in one face. */
    record Segment(String text, Face face) {}

    /**
     * A paragraph on the grid.
     *
     * @param left the text of the paragraph (several faces on one line, e.g. 出席 in 黑体 and the names in 仿宋)
     * @param right text set flush right on the first line (签发人, 印发日期), or empty
     * @param first the first line's indent relative to {@code leftIndent}, negative for a hanging indent
     * @param gridLines how many lines of the grid the paragraph's first line takes
     * @param spaceBeforeMm extra space above, for elements placed by distance (the issuer mark)
     * @param colophon part of the 版记, set at the foot of the last page
     */
    record Block(
            List<Segment> left,
            List<Segment> right,
            double size,
            Align align,
            double leftIndent,
            double rightIndent,
            double first,
            boolean red,
            Rule above,
            Rule below,
            int gridLines,
            double spaceBeforeMm,
            boolean colophon) {

        String text() {
            return joined(left);
        }

        String rightText() {
            return joined(right);
        }

        private static String joined(List<Segment> segments) {
            StringBuilder text = new StringBuilder();
            segments.forEach(segment -> text.append(segment.text()));
            return text.toString();
        }

        boolean blank() {
            return text().isEmpty() && right.isEmpty();
        }

        static Block of(String text, Face face, double size, Align align) {
            return new Block(
                    List.of(new Segment(text, face)),
                    List.of(),
                    size,
                    align,
                    0,
                    0,
                    0,
                    false,
                    Rule.NONE,
                    Rule.NONE,
                    1,
                    0,
                    false);
        }

        static Block blankLine() {
            return of("", Face.FANGSONG, SIZE_3, Align.LEFT);
        }

        Block indents(double leftIndent, double rightIndent, double first) {
            return new Block(
                    left,
                    right,
                    size,
                    align,
                    leftIndent,
                    rightIndent,
                    first,
                    red,
                    above,
                    below,
                    gridLines,
                    spaceBeforeMm,
                    colophon);
        }

        Block inRed() {
            return new Block(
                    left,
                    right,
                    size,
                    align,
                    leftIndent,
                    rightIndent,
                    first,
                    true,
                    above,
                    below,
                    gridLines,
                    spaceBeforeMm,
                    colophon);
        }

        Block rules(Rule ruleAbove, Rule ruleBelow) {
            return new Block(
                    left,
                    right,
                    size,
                    align,
                    leftIndent,
                    rightIndent,
                    first,
                    red,
                    ruleAbove,
                    ruleBelow,
                    gridLines,
                    spaceBeforeMm,
                    colophon);
        }

        Block withRight(List<Segment> rightText) {
            return new Block(
                    left,
                    List.copyOf(rightText),
                    size,
                    align,
                    leftIndent,
                    rightIndent,
                    first,
                    red,
                    above,
                    below,
                    gridLines,
                    spaceBeforeMm,
                    colophon);
        }

        Block placed(int lines, double beforeMm) {
            return new Block(
                    left,
                    right,
                    size,
                    align,
                    leftIndent,
                    rightIndent,
                    first,
                    red,
                    above,
                    below,
                    lines,
                    beforeMm,
                    colophon);
        }

        Block inColophon() {
            return new Block(
                    left,
                    right,
                    size,
                    align,
                    leftIndent,
                    rightIndent,
                    first,
                    red,
                    above,
                    below,
                    gridLines,
                    spaceBeforeMm,
                    true);
        }
    }

    private IssuedPage() {}

    /** The blocks of the document, the colophon (版记) last. */
    static List<Block> blocks(DocumentLayout layout) {
        List<Block> blocks = new ArrayList<>();
        boolean minutes = layout.genre() == Genre.MINUTES;
        // 7.2.1–7.2.3: copy number, classification and urgency, top left, one a line.
        int headLines = 0;
        if (present(layout.copyNumber())) {
            blocks.add(Block.of(layout.copyNumber(), Face.FANGSONG, SIZE_3, Align.LEFT));
            headLines++;
        }
        if (present(layout.classification())) {
            blocks.add(Block.of(layout.classification(), Face.HEITI, SIZE_3, Align.LEFT));
            headLines++;
        }
        if (present(layout.urgency())) {
            blocks.add(Block.of(layout.urgency(), Face.HEITI, SIZE_3, Align.LEFT));
            headLines++;
        }
        // 7.2.4 (10.3 for minutes): the mark in red 小标宋, centred, its top 35 mm below the body's top.
        double markSize = markSize(layout.issuerMark());
        int markLines = markSize > SIZE_2 ? 2 : 1;
        double lineMm = BODY_HEIGHT_MM / LINES;
        blocks.add(Block.of(layout.issuerMark(), Face.XIAOBIAOSONG, markSize, Align.CENTER)
                .inRed()
                .placed(markLines, Math.max(0, MARK_TOP_MM - headLines * lineMm)));
        // 7.2.5: the number two lines under the mark, centred; with 签发人 the number goes left and the signers
        // right, each one character in from the edge.
        blocks.add(Block.blankLine());
        blocks.add(Block.blankLine());
        String number = present(layout.number()) ? layout.number() : "";
        Block numberLine;
        if (!layout.signers().isEmpty() && !minutes) {
            List<Segment> signers = new ArrayList<>();
            signers.add(new Segment("签发人：", Face.FANGSONG));
            signers.add(new Segment(String.join("　", layout.signers()), Face.KAITI));
            numberLine = Block.of(number, Face.FANGSONG, SIZE_3, Align.LEFT)
                    .withRight(signers)
                    .indents(1, 1, 0);
        } else {
            numberLine = Block.of(number, Face.FANGSONG, SIZE_3, Align.CENTER);
        }
        if (minutes) {
            // Minutes: the issuer and the date on the line above the separator; they carry no seal or signature.
            blocks.add(numberLine);
            blocks.add(Block.of(layout.issuerSignature(), Face.FANGSONG, SIZE_3, Align.LEFT)
                    .withRight(List.of(new Segment(chineseDate(layout.date()), Face.FANGSONG)))
                    .indents(1, 1, 0)
                    .rules(Rule.NONE, Rule.RED));
        } else {
            blocks.add(numberLine.rules(Rule.NONE, Rule.RED));
        }
        // 7.3.1: the title two lines under the separator, 2号 小标宋, centred.
        blocks.add(Block.blankLine());
        if (!minutes || !layout.title().equals(layout.issuerMark())) {
            blocks.add(Block.blankLine());
            blocks.add(Block.of(balanced(layout.title().strip(), SIZE_2), Face.XIAOBIAOSONG, SIZE_2, Align.CENTER));
        }
        // 7.3.2: the main addressees one line under the title, flush left, ending in a full-width colon.
        if (!layout.mainAddressees().isBlank()) {
            blocks.add(Block.blankLine());
            String addressees = layout.mainAddressees().strip();
            if (!addressees.endsWith("：")) {
                addressees = addressees.replaceAll("[:，,、；;]+$", "") + "：";
            }
            blocks.add(Block.of(addressees, Face.FANGSONG, SIZE_3, Align.BOTH));
        }
        // 7.3.3: the body, each paragraph two characters in; headings 一、 in 黑体 and （一） in 楷体.
        for (String paragraph : layout.body()) {
            String text = paragraph.strip();
            if (text.isEmpty()) {
                continue;
            }
            Face face = FIRST_HEADING.matcher(text).matches()
                    ? Face.HEITI
                    : SECOND_HEADING.matcher(text).matches() ? Face.KAITI : Face.FANGSONG;
            blocks.add(Block.of(text, face, SIZE_3, Align.BOTH).indents(0, 0, 2));
        }
        // 7.3.4: the attachment note one line under the body, two characters in; numbered when several.
        List<String> attachments = layout.attachments();
        if (!attachments.isEmpty()) {
            blocks.add(Block.blankLine());
            for (int i = 0; i < attachments.size(); i++) {
                String name = attachments.size() == 1 ? attachments.get(i) : (i + 1) + "．" + attachments.get(i);
                if (i == 0) {
                    blocks.add(Block.of("附件：" + name, Face.FANGSONG, SIZE_3, Align.LEFT)
                            .indents(5, 0, -3));
                } else {
                    blocks.add(Block.of(name, Face.FANGSONG, SIZE_3, Align.LEFT).indents(5, 0, 0));
                }
            }
        }
        if (minutes) {
            // 10.3: 出席, 请假, 列席 one line under the body, 黑体 label, names aligned after the colon.
            boolean first = true;
            first = people(blocks, "出席", layout.present(), first);
            first = people(blocks, "请假", layout.excused(), first);
            people(blocks, "列席", layout.observers(), first);
        } else {
            // 7.3.5.2: without a seal, the issuer one line under, two characters from the right; the date on
            // the next line, its first character two to the right of the issuer's first.
            String date = chineseDate(layout.date());
            double signatureWidth = width(layout.issuerSignature());
            double dateWidth = width(date);
            double dateRight = Math.max(2, signatureWidth - dateWidth);
            double signatureRight = Math.max(2, 4 + dateWidth - signatureWidth);
            blocks.add(Block.blankLine());
            blocks.add(Block.of(layout.issuerSignature(), Face.FANGSONG, SIZE_3, Align.RIGHT)
                    .indents(0, signatureRight, 0));
            blocks.add(Block.of(date, Face.FANGSONG, SIZE_3, Align.RIGHT).indents(0, dateRight, 0));
        }
        // 7.3.6: the note (附注) in brackets, two characters in, on the line after the date.
        if (present(layout.note())) {
            String note = layout.note().strip();
            if (!note.startsWith("（")) {
                note = "（" + note + "）";
            }
            blocks.add(Block.of(note, Face.FANGSONG, SIZE_3, Align.LEFT).indents(0, 0, 2));
        }
        // 7.4: the colophon, 4号 仿宋, one character in from each side, between a thick rule above and below.
        List<Block> colophon = new ArrayList<>();
        if (!layout.copyTo().isEmpty()) {
            String copyTo = String.join("，", layout.copyTo()).replaceAll("[。.]+$", "") + "。";
            colophon.add(Block.of("抄送：" + copyTo, Face.FANGSONG, SIZE_4, Align.LEFT)
                    .indents(4, 1, -3)
                    .inColophon());
        }
        colophon.add(Block.of(layout.printingUnit(), Face.FANGSONG, SIZE_4, Align.LEFT)
                .withRight(List.of(new Segment(chineseDate(layout.printingDate()) + "印发", Face.FANGSONG)))
                .indents(1, 1, 0)
                .inColophon());
        for (int i = 0; i < colophon.size(); i++) {
            Rule above = i == 0 ? Rule.THICK : Rule.NONE;
            Rule below = i == colophon.size() - 1 ? Rule.THICK : Rule.THIN;
            colophon.set(i, colophon.get(i).rules(above, below));
        }
        blocks.addAll(colophon);
        return List.copyOf(blocks);
    }

    private static boolean people(List<Block> blocks, String label, List<String> names, boolean first) {
        if (names.isEmpty()) {
            return first;
        }
        if (first) {
            blocks.add(Block.blankLine());
        }
        List<Segment> segments =
                List.of(new Segment(label + "：", Face.HEITI), new Segment(String.join("，", names), Face.FANGSONG));
        blocks.add(new Block(segments, List.of(), SIZE_3, Align.BOTH, 0, 0, 0, false, Rule.NONE, Rule.NONE, 1, 0, false)
                .indents(5, 0, -3));
        return false;
    }

    /**
     * A centred title broken into lines of nearly equal width (7.3.1 asks for a balanced shape), the earlier
     * lines never shorter than the later ones; the breaks are line feeds, which both renderers honour.
     */
    static String balanced(String title, double size) {
        double perLine = Math.floor(BODY_WIDTH_MM * MM / size);
        double total = width(title);
        int lines = (int) Math.ceil(total / perLine);
        if (lines <= 1) {
            return title;
        }
        double target = Math.ceil(total / lines);
        StringBuilder broken = new StringBuilder();
        double used = 0;
        int[] codePoints = title.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            String character = new String(Character.toChars(codePoints[i]));
            double next = width(character);
            boolean closing = "，。、；：？！）》」』”".contains(character);
            boolean insideWord = i > 0 && isLatin(codePoints[i]) && isLatin(codePoints[i - 1]);
            if (used + next > target && used > 0 && !closing && !insideWord) {
                broken.append('\n');
                used = 0;
            }
            broken.append(character);
            used += next;
        }
        return broken.toString();
    }

    private static boolean isLatin(int codePoint) {
        return codePoint < 0x80 && Character.isLetterOrDigit(codePoint);
    }

    /** The mark's size: as large as 2 lines of the grid allow, but on one line across the body width. */
    static double markSize(String mark) {
        double bodyWidth = BODY_WIDTH_MM * MM;
        double fitting = Math.floor(bodyWidth / Math.max(1, width(mark)));
        return Math.max(SIZE_2, Math.min(42, fitting));
    }

    /** A date as GB/T 9704-2012 prints it: Arabic numerals, the year in full, no leading zeros. */
    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The width of a text in characters of the grid: Chinese characters 1, half-width ones ½. */
    static double width(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += codePoint < 0x2E80 && codePoint != 0x2014 ? 0.5 : 1;
            i += Character.charCount(codePoint);
        }
        return width;
    }

    private static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
