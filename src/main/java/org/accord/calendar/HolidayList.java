package org.accord.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A holiday list as published each year, in the CSV format {@code date,kind,name} with kind
 * {@code HOLIDAY} (放假) or {@code WORKDAY} (调休上班). {@link #parse} reads all rows and reports
 * every problem it finds; a list with problems is never applied.
 */
record HolidayList(List<SpecialDay> days, List<ImportProblem> problems) {

    static final int MAX_LINES = 2000;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setTrim(true).get();

    boolean isValid() {
        return problems.isEmpty();
    }

    /** The years the list speaks for: an import replaces the calendar of exactly these years. */
    SortedSet<Integer> years() {
        SortedSet<Integer> years = new TreeSet<>();
        days.forEach(day -> years.add(day.date().getYear()));
        return years;
    }

    /** Decodes an uploaded file: UTF-8 (with or without BOM), else GB18030 as saved by Excel. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    static HolidayList parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = content.split("\r\n|\r|\n", -1);
        List<ImportProblem> problems = new ArrayList<>();
        List<SpecialDay> days = new ArrayList<>();
        if (content.isBlank()) {
            problems.add(ImportProblem.at(0, "empty"));
            return new HolidayList(List.of(), problems);
        }
        if (lines.length > MAX_LINES) {
            problems.add(ImportProblem.at(0, "too-many", MAX_LINES));
            return new HolidayList(List.of(), problems);
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields;
            try {
                fields = fields(lines[i]);
            } catch (UncheckedIOException | IllegalStateException malformed) {
                problems.add(ImportProblem.at(line, "malformed"));
                header = false;
                continue;
            }
            if (header) {
                header = false;
                if (!isHeader(fields)) {
                    problems.add(ImportProblem.at(line, "header", lines[i].trim()));
                }
                continue;
            }
            if (fields.size() != 3) {
                problems.add(ImportProblem.at(line, "columns", fields.size()));
                continue;
            }
            SpecialDay day = row(line, fields.get(0), fields.get(1), fields.get(2), problems);
            if (day == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(day.date(), line);
            if (earlier != null) {
                problems.add(ImportProblem.at(line, "duplicate", day.date().toString(), earlier));
                continue;
            }
            days.add(day);
        }
        if (problems.isEmpty() && days.isEmpty()) {
            problems.add(ImportProblem.at(0, "no-rows"));
        }
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return new HolidayList(List.copyOf(days), List.copyOf(problems));
    }

    private static @Nullable SpecialDay row(
            int line, String dateText, String kindText, String name, List<ImportProblem> problems) {
        int before = problems.size();
        @Nullable LocalDate date = null;
        try {
            date = LocalDate.parse(dateText, ISO_DATE);
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                problems.add(ImportProblem.at(line, "year", dateText, FIRST_YEAR, LAST_YEAR));
            }
        } catch (DateTimeParseException e) {
            problems.add(ImportProblem.at(line, "date", dateText));
        }
        @Nullable
        DayKind kind = switch (kindText.toUpperCase(Locale.ROOT)) {
            case "HOLIDAY" -> DayKind.HOLIDAY;
            case "WORKDAY" -> DayKind.MAKE_UP_WORKING_DAY;
            default -> null;
        };
        if (kind == null) {
            problems.add(ImportProblem.at(line, "kind", kindText));
        }
        if (kind == DayKind.HOLIDAY && name.isBlank()) {
            problems.add(ImportProblem.at(line, "name-missing"));
        }
        if (name.length() > SpecialDay.MAX_NAME_LENGTH) {
            problems.add(ImportProblem.at(line, "name-too-long", SpecialDay.MAX_NAME_LENGTH));
        }
        if (kind == DayKind.MAKE_UP_WORKING_DAY && date != null && !SpecialDay.isWeekend(date)) {
            problems.add(ImportProblem.at(line, "not-weekend", dateText));
        }
        if (problems.size() > before || date == null || kind == null) {
            return null;
        }
        return new SpecialDay(date, kind, name);
    }

    private static boolean isHeader(List<String> fields) {
        return fields.size() == 3
                && fields.get(0).equalsIgnoreCase("date")
                && fields.get(1).equalsIgnoreCase("kind")
                && fields.get(2).equalsIgnoreCase("name");
    }

    private static List<String> fields(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalStateException("Not one record: " + line);
            }
            return records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
