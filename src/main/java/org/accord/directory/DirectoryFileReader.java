package org.accord.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads a directory from one .xlsx workbook (sheets 单位 and 人员) or from .csv files (one per
 * table, told apart by their header row), checking each cell. References between rows are checked
 * later, against the directory they will join.
 */
final class DirectoryFileReader {

    /** One uploaded file. */
    record Upload(String fileName, byte[] content) {}

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ,转]{3,40}$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_.\\-]{1,64}$");

    /**
     * The most an uploaded workbook may expand to, all its parts together. POI's own zip-bomb limits did not
     * guard a workbook read from a stream (an 80 MB sheet under POI's ratio limit was read in full, even with its
     * entry-size limit set), so the workbook is measured here before POI sees it.
     */
    static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;

    private final List<UnitRow> units = new ArrayList<>();
    private final List<PersonRow> people = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private boolean hasUnits;
    private boolean hasPeople;

    static DirectoryFile read(List<Upload> uploads) {
        DirectoryFileReader reader = new DirectoryFileReader();
        if (uploads.isEmpty()) {
            reader.errors.add(new RowError("", 0, "", "directory.import.error.noFile"));
        }
        for (Upload upload : uploads) {
            reader.readOne(upload);
        }
        reader.checkDuplicates();
        return new DirectoryFile(reader.hasUnits, reader.hasPeople, reader.units, reader.people, reader.errors);
    }

    private void readOne(Upload upload) {
        String name = upload.fileName().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                readWorkbook(upload);
            } else if (name.endsWith(".csv")) {
                readCsv(upload);
            } else {
                errors.add(new RowError(upload.fileName(), 0, "", "directory.import.error.format"));
            }
        } catch (IOException | RuntimeException e) {
            // A damaged file is the user's problem to fix, not a server error: say which file.
            errors.add(new RowError(upload.fileName(), 0, "", "directory.import.error.unreadable", upload.fileName()));
        }
    }

    /** Whether the workbook's parts expand beyond {@link #MAX_EXPANDED_BYTES}; stops reading there. */
    static boolean expandsTooFar(byte[] workbook) {
        long expanded = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    expanded += read;
                    if (expanded > MAX_EXPANDED_BYTES) {
                        return true;
                    }
                }
            }
        } catch (IOException damaged) {
            // Not a zip bomb but a damaged file, which POI will report as unreadable.
            return false;
        }
        return false;
    }

    private void readWorkbook(Upload upload) throws IOException {
        if (expandsTooFar(upload.content())) {
            errors.add(new RowError(upload.fileName(), 0, "", "directory.import.error.expands", upload.fileName()));
            return;
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(upload.content()))) {
            Sheet unitSheet = workbook.getSheet(DirectoryFile.UNITS);
            Sheet peopleSheet = workbook.getSheet(DirectoryFile.PEOPLE);
            if (unitSheet == null && peopleSheet == null) {
                errors.add(new RowError(upload.fileName(), 0, "", "directory.import.error.noSheets"));
                return;
            }
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            if (unitSheet != null) {
                readTable(DirectoryFile.UNITS, sheetRows(unitSheet, formatter));
            }
            if (peopleSheet != null) {
                readTable(DirectoryFile.PEOPLE, sheetRows(peopleSheet, formatter));
            }
        }
    }

    private static List<List<String>> sheetRows(Sheet sheet, DataFormatter formatter) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private void readCsv(Upload upload) throws IOException {
        byte[] bytes = upload.content();
        int offset =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(
                        new ByteArrayInputStream(bytes, offset, bytes.length - offset), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        if (rows.isEmpty()) {
            errors.add(new RowError(upload.fileName(), 0, "", "directory.import.error.empty"));
            return;
        }
        List<String> header = trimmed(rows.get(0));
        if (header.contains("名称")) {
            readTable(DirectoryFile.UNITS, rows);
        } else if (header.contains("姓名")) {
            readTable(DirectoryFile.PEOPLE, rows);
        } else {
            errors.add(new RowError(upload.fileName(), 1, "", "directory.import.error.header"));
        }
    }

    private void readTable(String sheet, List<List<String>> rows) {
        boolean unitTable = sheet.equals(DirectoryFile.UNITS);
        if ((unitTable && hasUnits) || (!unitTable && hasPeople)) {
            errors.add(new RowError(sheet, 0, "", "directory.import.error.twice"));
            return;
        }
        if (rows.isEmpty()) {
            errors.add(new RowError(sheet, 0, "", "directory.import.error.empty"));
            return;
        }
        List<String> header = trimmed(rows.get(0));
        List<String> expected = unitTable ? DirectoryFile.UNIT_COLUMNS : DirectoryFile.PEOPLE_COLUMNS;
        List<String> missing =
                expected.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            errors.add(new RowError(
                    sheet,
                    1,
                    String.join("、", missing),
                    "directory.import.error.missingColumns",
                    String.join("、", missing)));
            return;
        }
        if (unitTable) {
            hasUnits = true;
        } else {
            hasPeople = true;
        }
        for (int i = 1; i < rows.size(); i++) {
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> row = rows.get(i);
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < row.size() ? row.get(c).strip() : "");
            }
            if (cells.values().stream().allMatch(String::isEmpty)) {
                continue;
            }
            Cells line = new Cells(sheet, i + 1, cells);
            if (unitTable) {
                line.unit().ifPresent(units::add);
            } else {
                line.person().ifPresent(people::add);
            }
        }
    }

    private void checkDuplicates() {
        Set<String> seen = new HashSet<>();
        for (UnitRow unit : units) {
            if (!seen.add(unit.code())) {
                errors.add(new RowError(
                        DirectoryFile.UNITS, unit.line(), "编码", "directory.import.error.duplicate", unit.code()));
            }
        }
        seen.clear();
        for (PersonRow person : people) {
            if (!seen.add(person.code())) {
                errors.add(new RowError(
                        DirectoryFile.PEOPLE, person.line(), "编码", "directory.import.error.duplicate", person.code()));
            }
        }
    }

    private static List<String> trimmed(List<String> header) {
        return header.stream().map(cell -> cell.replace("\uFEFF", "").strip()).toList();
    }

    /** The cells of one row, with the checks every cell gets. */
    private final class Cells {
        private final String sheet;
        private final int line;
        private final Map<String, String> values;
        private boolean ok = true;

        Cells(String sheet, int line, Map<String, String> values) {
            this.sheet = sheet;
            this.line = line;
            this.values = values;
        }

        Optional<UnitRow> unit() {
            String code = code("编码");
            String name = required("名称", 200);
            UnitKind kind = UnitKind.fromLabel(value("类别")).orElse(null);
            if (kind == null) {
                fail("类别", "directory.import.error.kind", value("类别"));
            }
            String parent = optionalCode("上级编码");
            String overseer = optionalCode("分管领导编码");
            boolean authoritative = yesNo("法定权威单位");
            String dutyPhone = phone("值班电话");
            int sortOrder = number("排序");
            String shortName = optional("简称", 100);
            if (ok && parent != null && parent.equals(code)) {
                fail("上级编码", "directory.import.error.selfParent");
            }
            return ok
                    ? Optional.of(new UnitRow(
                            line, code, name, shortName, kind, parent, overseer, authoritative, dutyPhone, sortOrder))
                    : Optional.empty();
        }

        Optional<PersonRow> person() {
            String code = code("编码");
            String name = required("姓名", 100);
            String unit = code("单位编码");
            String position = optional("职务", 100);
            String titleText = value("领导职务");
            LeaderTitle title = null;
            if (!titleText.isEmpty()) {
                title = LeaderTitle.fromLabel(titleText).orElse(null);
                if (title == null) {
                    fail("领导职务", "directory.import.error.title", titleText);
                }
            }
            String phone = phone("办公电话");
            String mobile = phone("手机");
            String email = optional("电子邮箱", 200);
            if (email != null && !EMAIL.matcher(email).matches()) {
                fail("电子邮箱", "directory.import.error.email", email);
            }
            boolean liaison = yesNo("联络员");
            int sortOrder = number("排序");
            return ok
                    ? Optional.of(new PersonRow(
                            line, code, name, unit, position, title, phone, mobile, email, liaison, sortOrder))
                    : Optional.empty();
        }

        private String value(String column) {
            return values.getOrDefault(column, "");
        }

        private String code(String column) {
            String value = value(column);
            if (value.isEmpty()) {
                fail(column, "directory.import.error.required");
            } else if (!CODE.matcher(value).matches()) {
                fail(column, "directory.import.error.code", value);
            }
            return value;
        }

        private @Nullable String optionalCode(String column) {
            return value(column).isEmpty() ? null : code(column);
        }

        private String required(String column, int max) {
            String value = value(column);
            if (value.isEmpty()) {
                fail(column, "directory.import.error.required");
            } else if (value.length() > max) {
                fail(column, "directory.import.error.tooLong", max);
            }
            return value;
        }

        private @Nullable String optional(String column, int max) {
            String value = value(column);
            if (value.length() > max) {
                fail(column, "directory.import.error.tooLong", max);
            }
            return value.isEmpty() ? null : value;
        }

        private @Nullable String phone(String column) {
            String value = value(column);
            if (!value.isEmpty() && !PHONE.matcher(value).matches()) {
                fail(column, "directory.import.error.phone", value);
            }
            return value.isEmpty() ? null : value;
        }

        private boolean yesNo(String column) {
            String value = value(column);
            return switch (value) {
                case "是", "Y", "y", "1", "true", "TRUE" -> true;
                case "否", "N", "n", "0", "false", "FALSE", "" -> false;
                default -> {
                    fail(column, "directory.import.error.yesNo", value);
                    yield false;
                }
            };
        }

        private int number(String column) {
            String value = value(column);
            if (value.isEmpty()) {
                return 0;
            }
            try {
                return Integer.parseInt(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
            } catch (NumberFormatException e) {
                fail(column, "directory.import.error.number", value);
                return 0;
            }
        }

        private void fail(String column, String key, Object... arguments) {
            ok = false;
            errors.add(new RowError(sheet, line, column, key, arguments));
        }
    }
}
