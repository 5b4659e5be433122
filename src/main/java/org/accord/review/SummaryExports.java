package org.accord.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * A summary as files: the text as a .docx (title 黑体, body 3号 仿宋_GB2312, as the office's documents use, see
 * docs/document-layout.md; not an issued document, so no mark, number or colophon), and the figures with the items
 * as an .xlsx whose numbers are numbers.
 */
final class SummaryExports {

    static final String FANGSONG = "仿宋_GB2312";
    static final String HEITI = "黑体";

    /** An average as {@code SummaryGenerator} writes it: "平均 7.0 天（2 项）". */
    private static final Pattern AVERAGE = Pattern.compile("平均 (\\d+(?:\\.\\d+)?) (\\S+)（(\\d+) 项）");

    private SummaryExports() {}

    /** {@code author} names the account that edited the text as people know it. */
    static byte[] docx(Summary summary, Function<String, String> author, Function<String, String> text) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, summary.title(), HEITI, 22, false);
            XWPFParagraph period = document.createParagraph();
            period.setAlignment(ParagraphAlignment.CENTER);
            run(period, summary.period().start() + " — " + summary.period().end(), FANGSONG, 16, false);
            String[] lines = summary.body().split("\n");
            // A generated text opens with the title, which the heading above already says; an edited one may not.
            int first = lines.length > 0 && lines[0].startsWith(summary.title()) ? 1 : 0;
            for (int i = first; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank()) {
                    continue;
                }
                XWPFParagraph paragraph = document.createParagraph();
                paragraph.setFirstLineIndent(640);
                boolean heading =
                        line.length() > 1 && "一二三四五六七八九十".indexOf(line.charAt(0)) >= 0 && line.charAt(1) == '、';
                run(paragraph, line, heading ? HEITI : FANGSONG, 16, false);
            }
            XWPFParagraph itemsHeading = document.createParagraph();
            run(itemsHeading, text.apply("review.summaries.export.items"), HEITI, 16, false);
            XWPFTable table = document.createTable(summary.items().size() + 1, 3);
            cell(table, 0, 0, text.apply("review.summaries.column.section"));
            cell(table, 0, 1, text.apply("review.summaries.column.statement"));
            cell(table, 0, 2, text.apply("review.summaries.column.link"));
            int r = 1;
            for (Summary.Item item : summary.items()) {
                cell(
                        table,
                        r,
                        0,
                        text.apply("review.summaries.section." + item.section().name()));
                cell(table, r, 1, item.statement());
                cell(table, r, 2, item.link());
                r++;
            }
            String editor = summary.editedBy();
            if (summary.edited() && editor != null) {
                XWPFParagraph note = document.createParagraph();
                run(note, text.apply("review.summaries.export.edited") + author.apply(editor), FANGSONG, 12, true);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(Summary summary, Function<String, String> text) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet figures = workbook.createSheet(text.apply("review.summaries.export.figures"));
            figures.createRow(0).createCell(0).setCellValue(summary.title());
            Row period = figures.createRow(1);
            period.createCell(0).setCellValue(text.apply("review.summaries.column.period"));
            period.createCell(1)
                    .setCellValue(
                            summary.period().start() + " — " + summary.period().end());
            int r = 3;
            for (Summary.Figure figure : summary.figures()) {
                Row row = figures.createRow(r++);
                row.createCell(0).setCellValue(figure.label());
                String value = figure.value();
                if (value.matches("\\d+")) {
                    row.createCell(1).setCellValue(Long.parseLong(value));
                } else if (AVERAGE.matcher(value).matches()) {
                    // An average is a number with its unit in the cell's format, and the items it is taken over.
                    Matcher average = AVERAGE.matcher(value);
                    average.matches();
                    row.createCell(1).setCellValue(Double.parseDouble(average.group(1)));
                    row.getCell(1).setCellStyle(format(workbook, "\"平均 \"0.0\" " + average.group(2) + "\""));
                    row.createCell(2).setCellValue(Long.parseLong(average.group(3)));
                    row.getCell(2).setCellStyle(format(workbook, "0\" 项\""));
                } else if (value.matches("\\d+%")) {
                    row.createCell(1).setCellValue(Long.parseLong(value.substring(0, value.length() - 1)) / 100.0);
                    row.getCell(1).setCellStyle(percent(workbook));
                } else {
                    row.createCell(1).setCellValue(value);
                }
            }
            figures.setColumnWidth(0, 20 * 256);
            figures.setColumnWidth(1, 28 * 256);
            Sheet items = workbook.createSheet(text.apply("review.summaries.export.items"));
            Row header = items.createRow(0);
            header.createCell(0).setCellValue(text.apply("review.summaries.column.section"));
            header.createCell(1).setCellValue(text.apply("review.summaries.column.id"));
            header.createCell(2).setCellValue(text.apply("review.summaries.column.statement"));
            header.createCell(3).setCellValue(text.apply("review.summaries.column.link"));
            r = 1;
            for (Summary.Item item : summary.items()) {
                Row row = items.createRow(r++);
                row.createCell(0)
                        .setCellValue(text.apply(
                                "review.summaries.section." + item.section().name()));
                row.createCell(1).setCellValue(item.refId());
                row.createCell(2).setCellValue(item.statement());
                row.createCell(3).setCellValue(item.link());
            }
            items.setColumnWidth(2, 80 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.apache.poi.ss.usermodel.CellStyle format(XSSFWorkbook workbook, String format) {
        var style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static org.apache.poi.ss.usermodel.CellStyle percent(XSSFWorkbook workbook) {
        var style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("0%"));
        return style;
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int points, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontSize(points);
        run.setItalic(italic);
        CTRPr properties =
                run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0) : properties.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
    }

    private static void cell(XWPFTable table, int row, int column, String text) {
        var cell = table.getRow(row).getCell(column);
        cell.removeParagraph(0);
        run(cell.addParagraph(), text, FANGSONG, 12, false);
    }
}
