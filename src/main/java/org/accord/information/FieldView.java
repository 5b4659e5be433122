package org.accord.information;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A field as the liaison's form shows it: what is typed (or saved), and what is wrong with it.
 *
 * @param cellErrors messages of a table's cells, by {@code row.column}
 */
record FieldView(
        FormField field,
        String value,
        List<String> chosen,
        List<Map<String, String>> rows,
        @Nullable String error,
        Map<String, String> cellErrors,
        List<RequestStore.AnswerFile> files) {

    public boolean isChosen(String option) {
        return chosen.contains(option);
    }

    @Nullable
    public String cellError(int row, String column) {
        return cellErrors.get(row + "." + column);
    }

    public boolean cellChosen(Map<String, String> row, String column, String option) {
        return RequestForm.splitCell(row.getOrDefault(column, "")).contains(option);
    }
}
