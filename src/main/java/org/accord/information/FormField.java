package org.accord.information;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of a request's form.
 *
 * @param key a short stable name, unique in the form (or among a table's columns), used in answers
 * @param label what the unit sees
 * @param type what it asks for
 * @param required whether a submitted answer must fill it (a table: at least one row)
 * @param min for a number, the smallest value; for a table, unused
 * @param max for a number, the largest value; for text, the most characters; for a table, the most rows
 * @param help one line of guidance under the field
 * @param options the choices of a single or multiple choice
 * @param columns the columns of a table
 */
record FormField(
        String key,
        String label,
        FieldType type,
        boolean required,
        @Nullable Double min,
        @Nullable Double max,
        String help,
        List<String> options,
        List<FormField> columns) {

    static final int TEXT_MAX_DEFAULT = 2000;
    static final int TABLE_ROWS_DEFAULT = 200;

    FormField {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
    }

    boolean isNumber() {
        return type == FieldType.NUMBER;
    }

    boolean isChoice() {
        return type == FieldType.SINGLE || type == FieldType.MULTIPLE;
    }

    int textMax() {
        return max == null ? TEXT_MAX_DEFAULT : max.intValue();
    }

    int rowsMax() {
        return max == null ? TABLE_ROWS_DEFAULT : max.intValue();
    }
}
