package org.accord.information;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The aggregate as an .xlsx: a sheet of the answers (one row per unit, one column per plain field), a sheet
 * of totals and distributions, and one sheet per table with the rows of all units and the unit in front.
 * Numbers are written as numbers, so the sheets can be summed again.
 */
final class AggregateWorkbook {

    private AggregateWorkbook() {}

    static byte[] write(Aggregate aggregate, Function<String, String> text) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<FormField> plain = aggregate.request().form().fields().stream()
                    .filter(f -> f.type() != FieldType.TABLE && f.type() != FieldType.ATTACHMENT)
                    .toList();
            Sheet answers = workbook.createSheet(text.apply("information.xlsx.answers"));
            List<Object> header = new ArrayList<>(List.of(
                    text.apply("information.column.unit"),
                    text.apply("information.column.submittedAt"),
                    text.apply("information.column.late"),
                    text.apply("information.column.zero")));
            plain.forEach(f -> header.add(f.label()));
            row(answers, 0, header);
            int r = 1;
            for (Aggregate.UnitAnswer answer : aggregate.answers()) {
                List<Object> cells = new ArrayList<>();
                cells.add(answer.unitName());
                cells.add(
                        answer.submittedAt() == null ? "" : answer.submittedAt().toString());
                cells.add(answer.late() ? text.apply("information.yes") : "");
                cells.add(answer.zero() ? text.apply("information.zero.value") : "");
                for (FormField field : plain) {
                    cells.add(value(
                            field,
                            field.type() == FieldType.MULTIPLE
                                    ? String.join("、", answer.values().list(field.key()))
                                    : answer.values().text(field.key())));
                }
                row(answers, r++, cells);
            }
            Sheet totals = workbook.createSheet(text.apply("information.xlsx.totals"));
            r = 0;
            row(
                    totals,
                    r++,
                    List.of(
                            text.apply("information.column.field"),
                            text.apply("information.column.item"),
                            text.apply("information.column.value")));
            for (Aggregate.NumberTotal number : aggregate.numbers()) {
                for (Map.Entry<String, BigDecimal> unit : number.perUnit().entrySet()) {
                    row(totals, r++, List.of(number.field().label(), unit.getKey(), unit.getValue()));
                }
                row(
                        totals,
                        r++,
                        List.of(number.field().label(), text.apply("information.aggregate.sum"), number.sum()));
                row(
                        totals,
                        r++,
                        List.of(
                                number.field().label(),
                                text.apply("information.aggregate.count"),
                                BigDecimal.valueOf(number.count())));
            }
            for (Aggregate.Distribution choice : aggregate.choices()) {
                for (Map.Entry<String, Integer> option : choice.counts().entrySet()) {
                    row(
                            totals,
                            r++,
                            List.of(choice.field().label(), option.getKey(), BigDecimal.valueOf(option.getValue())));
                }
            }
            int t = 0;
            for (Aggregate.TableRows table : aggregate.tables()) {
                t++;
                Sheet sheet = workbook.createSheet(
                        WorkbookUtil.createSafeSheetName(t + " " + table.field().label()));
                List<Object> head = new ArrayList<>();
                head.add(text.apply("information.column.unit"));
                table.field().columns().forEach(c -> head.add(c.label()));
                row(sheet, 0, head);
                int i = 1;
                for (Aggregate.Row tableRow : table.rows()) {
                    List<Object> cells = new ArrayList<>();
                    cells.add(tableRow.unitName());
                    for (FormField column : table.field().columns()) {
                        cells.add(value(column, tableRow.cells().getOrDefault(column.key(), "")));
                    }
                    row(sheet, i++, cells);
                }
                if (!table.columnSums().isEmpty()) {
                    List<Object> sums = new ArrayList<>();
                    sums.add(text.apply("information.aggregate.sum"));
                    for (FormField column : table.field().columns()) {
                        BigDecimal sum = table.columnSums().get(column.key());
                        sums.add(sum == null ? "" : sum);
                    }
                    row(sheet, i, sums);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(FormField field, String raw) {
        if (field.isNumber()) {
            BigDecimal number = RequestForm.number(raw);
            return number == null ? raw : number;
        }
        return raw;
    }

    private static void row(Sheet sheet, int index, List<Object> cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            Object cell = cells.get(i);
            if (cell instanceof BigDecimal number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else {
                row.createCell(i).setCellValue(String.valueOf(cell));
            }
        }
    }
}
