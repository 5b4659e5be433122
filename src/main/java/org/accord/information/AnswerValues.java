package org.accord.information;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a unit typed into a form, by field key: a text (text, number, date, single choice), a list of texts
 * (multiple choice, the ids of attached files) or a list of rows (a table, each row by column key). Kept as
 * typed, so that a rejected submission shows everything again.
 */
final class AnswerValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> values;

    AnswerValues(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    static AnswerValues empty() {
        return new AnswerValues(Map.of());
    }

    static AnswerValues fromJson(String json) {
        return new AnswerValues(JSON.readValue(json, new TypeReference<Map<String, Object>>() {}));
    }

    String toJson() {
        return JSON.writeValueAsString(values);
    }

    public String text(String key) {
        Object value = values.get(key);
        return value instanceof String text ? text : "";
    }

    public List<String> list(String key) {
        Object value = values.get(key);
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    result.add(item.toString());
                }
            }
        }
        return result;
    }

    public List<Map<String, String>> rows(String key) {
        Object value = values.get(key);
        List<Map<String, String>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> row) {
                    Map<String, String> cells = new LinkedHashMap<>();
                    row.forEach((k, v) -> cells.put(String.valueOf(k), v == null ? "" : v.toString()));
                    result.add(cells);
                }
            }
        }
        return result;
    }

    void put(String key, Object value) {
        values.put(key, value);
    }

    boolean isBlank() {
        return values.values().stream()
                .allMatch(v ->
                        v == null || (v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty()));
    }

    Map<String, Object> asMap() {
        return Map.copyOf(values);
    }
}
