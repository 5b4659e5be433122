package org.accord.information;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The designer's rows as the office typed them, and the form they make. Each row is one field; a table's
 * columns are typed one per line as {@code 名称[*]:类型[:选项/选项]} (a star marks a required column), e.g.
 * {@code 工地名称*:文本}, {@code 在建面积:数字}, {@code 风险等级:单选:高/中/低}.
 */
record FormDesign(List<Row> rows) {

    static final int EMPTY_ROWS = 3;

    record Row(
            String label,
            String type,
            boolean required,
            String min,
            String max,
            String help,
            String options,
            String columns) {

        boolean blank() {
            return label.isBlank();
        }
    }

    /** The rows of a designer post: parameters {@code field.<n>.label} and so on, for n from 0. */
    static FormDesign fromParameters(Map<String, String[]> parameters) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < RequestForm.FIELDS_MAX + EMPTY_ROWS; i++) {
            String prefix = "field." + i + ".";
            if (!parameters.containsKey(prefix + "label")) {
                continue;
            }
            rows.add(new Row(
                    one(parameters, prefix + "label"),
                    one(parameters, prefix + "type"),
                    parameters.containsKey(prefix + "required"),
                    one(parameters, prefix + "min"),
                    one(parameters, prefix + "max"),
                    one(parameters, prefix + "help"),
                    one(parameters, prefix + "options"),
                    one(parameters, prefix + "columns")));
        }
        return new FormDesign(rows);
    }

    /** The designer for an existing form, with a few empty rows to add fields. */
    static FormDesign of(RequestForm form) {
        List<Row> rows = new ArrayList<>();
        for (FormField field : form.fields()) {
            StringBuilder columns = new StringBuilder();
            for (FormField column : field.columns()) {
                columns.append(column.label())
                        .append(column.required() ? "*" : "")
                        .append(':')
                        .append(chineseType(column.type()));
                if (!column.options().isEmpty()) {
                    columns.append(':').append(String.join("/", column.options()));
                }
                columns.append('\n');
            }
            rows.add(new Row(
                    field.label(),
                    field.type().name(),
                    field.required(),
                    field.min() == null ? "" : RequestForm.plain(field.min()),
                    field.max() == null ? "" : RequestForm.plain(field.max()),
                    field.help(),
                    String.join("\n", field.options()),
                    columns.toString().strip()));
        }
        return new FormDesign(rows).withEmptyRows();
    }

    FormDesign withEmptyRows() {
        List<Row> all = new ArrayList<>(rows.stream().filter(r -> !r.blank()).toList());
        for (int i = 0; i < EMPTY_ROWS && all.size() < RequestForm.FIELDS_MAX; i++) {
            all.add(new Row("", FieldType.TEXT.name(), false, "", "", "", "", ""));
        }
        return new FormDesign(all);
    }

    /**
     * The form these rows make; blank rows are skipped.
     *
     * @param errors receives a Chinese message key per row index that is wrong
     */
    RequestForm toForm(Map<Integer, String> errors) {
        List<FormField> fields = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            n++;
            FieldType type = type(row.type());
            if (type == null) {
                errors.put(i, "information.design.type");
                continue;
            }
            if (row.label().strip().length() > 100) {
                errors.put(i, "information.design.label");
                continue;
            }
            Double min = decimal(row.min());
            Double max = decimal(row.max());
            if ((!row.min().isBlank() && min == null) || (!row.max().isBlank() && max == null)) {
                errors.put(i, "information.design.limits");
                continue;
            }
            if (min != null && max != null && min > max) {
                errors.put(i, "information.design.limits");
                continue;
            }
            List<String> options = options(row.options());
            if ((type == FieldType.SINGLE || type == FieldType.MULTIPLE) && options.size() < 2) {
                errors.put(i, "information.design.options");
                continue;
            }
            List<FormField> columns = List.of();
            if (type == FieldType.TABLE) {
                columns = columns(row.columns());
                if (columns == null || columns.isEmpty() || columns.size() > RequestForm.COLUMNS_MAX) {
                    errors.put(i, "information.design.columns");
                    continue;
                }
            }
            fields.add(new FormField(
                    "f" + n,
                    row.label().strip(),
                    type,
                    row.required(),
                    type == FieldType.NUMBER ? min : null,
                    max,
                    clip(row.help().strip(), 200),
                    type == FieldType.SINGLE || type == FieldType.MULTIPLE ? options : List.of(),
                    columns));
        }
        if (fields.isEmpty() && errors.isEmpty()) {
            errors.put(-1, "information.design.empty");
        }
        if (fields.size() > RequestForm.FIELDS_MAX) {
            errors.put(-1, "information.design.tooMany");
        }
        return new RequestForm(fields);
    }

    private static @Nullable List<FormField> columns(String spec) {
        List<FormField> columns = new ArrayList<>();
        int n = 0;
        for (String line : spec.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("[:：]", 3);
            String name = parts[0].strip();
            boolean required = name.endsWith("*");
            if (required) {
                name = name.substring(0, name.length() - 1).strip();
            }
            FieldType type = parts.length > 1 ? type(parts[1].strip()) : FieldType.TEXT;
            if (name.isEmpty() || name.length() > 50 || type == null || !type.allowedInTable()) {
                return null;
            }
            List<String> options = parts.length > 2 ? options(parts[2]) : List.of();
            if ((type == FieldType.SINGLE || type == FieldType.MULTIPLE) && options.size() < 2) {
                return null;
            }
            n++;
            columns.add(new FormField("c" + n, name, type, required, null, null, "", options, List.of()));
        }
        return columns;
    }

    private static List<String> options(String text) {
        List<String> options = new ArrayList<>();
        for (String option : text.split("[\\n/、，,]")) {
            String clean = option.strip();
            if (!clean.isEmpty() && !options.contains(clean) && clean.length() <= 100) {
                options.add(clean);
            }
        }
        return options;
    }

    private static final Map<String, FieldType> CHINESE = new LinkedHashMap<>();

    static {
        CHINESE.put("文本", FieldType.TEXT);
        CHINESE.put("数字", FieldType.NUMBER);
        CHINESE.put("日期", FieldType.DATE);
        CHINESE.put("单选", FieldType.SINGLE);
        CHINESE.put("多选", FieldType.MULTIPLE);
        CHINESE.put("表格", FieldType.TABLE);
        CHINESE.put("附件", FieldType.ATTACHMENT);
    }

    static @Nullable FieldType type(String name) {
        FieldType chinese = CHINESE.get(name.strip());
        if (chinese != null) {
            return chinese;
        }
        try {
            return FieldType.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String chineseType(FieldType type) {
        return CHINESE.entrySet().stream()
                .filter(e -> e.getValue() == type)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(type.name());
    }

    private static @Nullable Double decimal(String text) {
        var number = RequestForm.number(text.isBlank() ? "x" : text);
        return number == null ? null : number.doubleValue();
    }

    private static String one(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
