package org.accord.information;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form of a request: its fields in order, stored as one JSON array (a form is always read and written
 * whole, and an answer is checked against the form of its own request).
 */
record RequestForm(List<FormField> fields) {

    static final int FIELDS_MAX = 30;
    static final int COLUMNS_MAX = 12;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    RequestForm {
        fields = List.copyOf(fields);
    }

    static RequestForm fromJson(String json) {
        return new RequestForm(JSON.readValue(json, new TypeReference<List<FormField>>() {}));
    }

    String toJson() {
        return JSON.writeValueAsString(fields);
    }

    @Nullable
    FormField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * Checks a submitted answer field by field. The result maps a field key (or {@code key.row.column} for a
     * table cell) to a Chinese message; empty when the answer may be submitted.
     *
     * @param fileCounts how many files are attached per attachment field
     */
    Map<String, String> check(AnswerValues values, Map<String, Integer> fileCounts, MessageSource messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : fields) {
            switch (field.type()) {
                case TABLE:
                    checkTable(field, values.rows(field.key()), errors, messages);
                    break;
                case ATTACHMENT:
                    if (field.required() && fileCounts.getOrDefault(field.key(), 0) == 0) {
                        errors.put(field.key(), text(messages, "information.check.file", field.label()));
                    }
                    break;
                case MULTIPLE:
                    String multiple = checkChoices(field, values.list(field.key()), messages);
                    if (multiple != null) {
                        errors.put(field.key(), multiple);
                    }
                    break;
                default:
                    String problem = checkValue(field, values.text(field.key()), messages);
                    if (problem != null) {
                        errors.put(field.key(), problem);
                    }
            }
        }
        return errors;
    }

    private static void checkTable(
            FormField table, List<Map<String, String>> rows, Map<String, String> errors, MessageSource messages) {
        if (table.required() && rows.isEmpty()) {
            errors.put(table.key(), text(messages, "information.check.rows", table.label()));
            return;
        }
        if (rows.size() > table.rowsMax()) {
            errors.put(table.key(), text(messages, "information.check.rowsMax", table.label(), table.rowsMax()));
        }
        for (int i = 0; i < rows.size(); i++) {
            for (FormField column : table.columns()) {
                String cell = rows.get(i).getOrDefault(column.key(), "");
                String problem = column.type() == FieldType.MULTIPLE
                        ? checkChoices(column, splitCell(cell), messages)
                        : checkValue(column, cell, messages);
                if (problem != null) {
                    errors.put(
                            table.key() + "." + i + "." + column.key(),
                            text(messages, "information.check.cell", table.label(), i + 1, problem));
                }
            }
        }
    }

    /** A multiple-choice cell of a table keeps its choices in one text, separated by 、. */
    static List<String> splitCell(String cell) {
        List<String> result = new ArrayList<>();
        for (String part : cell.split("、")) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    private static @Nullable String checkChoices(FormField field, List<String> chosen, MessageSource messages) {
        if (chosen.isEmpty()) {
            return field.required() ? text(messages, "information.check.choose", field.label()) : null;
        }
        Set<String> allowed = new LinkedHashSet<>(field.options());
        for (String choice : chosen) {
            if (!allowed.contains(choice)) {
                return text(messages, "information.check.option", field.label(), choice);
            }
        }
        return null;
    }

    private static @Nullable String checkValue(FormField field, String raw, MessageSource messages) {
        String value = raw.strip();
        if (value.isEmpty()) {
            if (!field.required()) {
                return null;
            }
            return field.isChoice()
                    ? text(messages, "information.check.choose", field.label())
                    : text(messages, "information.check.required", field.label());
        }
        switch (field.type()) {
            case NUMBER:
                BigDecimal number = number(value);
                if (number == null) {
                    return text(messages, "information.check.number", field.label());
                }
                if (field.min() != null && number.compareTo(BigDecimal.valueOf(field.min())) < 0) {
                    return text(messages, "information.check.min", field.label(), plain(field.min()));
                }
                if (field.max() != null && number.compareTo(BigDecimal.valueOf(field.max())) > 0) {
                    return text(messages, "information.check.max", field.label(), plain(field.max()));
                }
                return null;
            case DATE:
                try {
                    LocalDate.parse(value);
                    return null;
                } catch (DateTimeParseException e) {
                    return text(messages, "information.check.date", field.label());
                }
            case SINGLE:
                return field.options().contains(value)
                        ? null
                        : text(messages, "information.check.option", field.label(), value);
            default:
                return value.length() > field.textMax()
                        ? text(messages, "information.check.length", field.label(), field.textMax())
                        : null;
        }
    }

    static @Nullable BigDecimal number(String value) {
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String text(MessageSource messages, String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
    }
}
