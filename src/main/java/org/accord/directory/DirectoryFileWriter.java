package org.accord.directory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/** Writes the directory in the same format the import reads, so an export can be edited and imported back. */
final class DirectoryFileWriter {

    private DirectoryFileWriter() {}

    static void xlsx(OrgChart chart, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            write(workbook.createSheet(DirectoryFile.UNITS), DirectoryFile.UNIT_COLUMNS, unitCells(chart));
            write(workbook.createSheet(DirectoryFile.PEOPLE), DirectoryFile.PEOPLE_COLUMNS, peopleCells(chart));
            workbook.write(out);
        }
    }

    static void unitsCsv(OrgChart chart, OutputStream out) throws IOException {
        csv(DirectoryFile.UNIT_COLUMNS, unitCells(chart), out);
    }

    static void peopleCsv(OrgChart chart, OutputStream out) throws IOException {
        csv(DirectoryFile.PEOPLE_COLUMNS, peopleCells(chart), out);
    }

    private static void csv(List<String> header, List<List<String>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // The byte order mark makes spreadsheet programs read the file as UTF-8 rather than GBK.
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(header);
        for (List<String> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }

    private static void write(Sheet sheet, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (int r = 0; r < all.size(); r++) {
            Row row = sheet.createRow(r);
            List<String> cells = all.get(r);
            for (int c = 0; c < cells.size(); c++) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
    }

    private static List<List<String>> unitCells(OrgChart chart) {
        return chart.units().stream()
                .map(unit -> List.of(
                        unit.code(),
                        unit.name(),
                        text(unit.shortName()),
                        unit.kind().label(),
                        text(unit.parentCode()),
                        text(unit.overseerCode()),
                        unit.authoritative() ? "是" : "否",
                        text(unit.dutyPhone()),
                        String.valueOf(unit.sortOrder())))
                .toList();
    }

    private static List<List<String>> peopleCells(OrgChart chart) {
        return chart.people().stream()
                .map(person -> List.of(
                        person.code(),
                        person.name(),
                        person.unitCode(),
                        text(person.position()),
                        person.leaderTitle() == null ? "" : person.leaderTitle().label(),
                        text(person.phone()),
                        text(person.mobile()),
                        text(person.email()),
                        person.liaison() ? "是" : "否",
                        String.valueOf(person.sortOrder())))
                .toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
