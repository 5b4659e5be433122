package org.accord.information;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the submitted answers of a request add up to: per number field the values per unit with their sum and
 * count; per choice field the choice of each unit and how often each option was chosen; each table's rows of
 * all units together, with the unit in front and the sums of its number columns. Drafts and withdrawn answers
 * do not count.
 */
record Aggregate(
        SituationRequest request,
        int asked,
        int submitted,
        int late,
        List<String> zeroUnits,
        List<String> missingUnits,
        List<UnitAnswer> answers,
        List<NumberTotal> numbers,
        List<Distribution> choices,
        List<TableRows> tables) {

    record UnitAnswer(
            long unitId,
            String unitName,
            AnswerValues values,
            boolean zero,
            @Nullable Instant submittedAt,
            boolean late) {}

    record NumberTotal(FormField field, Map<String, BigDecimal> perUnit, BigDecimal sum, int count) {}

    record Distribution(FormField field, Map<String, Integer> counts, Map<String, String> perUnit) {}

    record TableRows(FormField field, List<Row> rows, Map<String, BigDecimal> columnSums) {}

    record Row(String unitName, Map<String, String> cells) {}

    static Aggregate of(SituationRequest request, int asked, List<UnitAnswer> answers, List<String> missingUnits) {
        List<UnitAnswer> counted = answers.stream().filter(a -> !a.zero()).toList();
        List<NumberTotal> numbers = new ArrayList<>();
        List<Distribution> choices = new ArrayList<>();
        List<TableRows> tables = new ArrayList<>();
        for (FormField field : request.form().fields()) {
            if (field.isNumber()) {
                Map<String, BigDecimal> perUnit = new LinkedHashMap<>();
                BigDecimal sum = BigDecimal.ZERO;
                for (UnitAnswer answer : counted) {
                    BigDecimal value = RequestForm.number(answer.values().text(field.key()));
                    if (value != null) {
                        perUnit.put(answer.unitName(), value);
                        sum = sum.add(value);
                    }
                }
                numbers.add(new NumberTotal(field, perUnit, sum, perUnit.size()));
            } else if (field.isChoice()) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                field.options().forEach(option -> counts.put(option, 0));
                Map<String, String> perUnit = new LinkedHashMap<>();
                for (UnitAnswer answer : counted) {
                    List<String> chosen = field.type() == FieldType.MULTIPLE
                            ? answer.values().list(field.key())
                            : answer.values().text(field.key()).isBlank()
                                    ? List.of()
                                    : List.of(answer.values().text(field.key()));
                    chosen.forEach(option -> counts.merge(option, 1, Integer::sum));
                    perUnit.put(answer.unitName(), String.join("、", chosen));
                }
                choices.add(new Distribution(field, counts, perUnit));
            } else if (field.type() == FieldType.TABLE) {
                List<Row> rows = new ArrayList<>();
                Map<String, BigDecimal> sums = new LinkedHashMap<>();
                field.columns().stream().filter(FormField::isNumber).forEach(c -> sums.put(c.key(), BigDecimal.ZERO));
                for (UnitAnswer answer : counted) {
                    for (Map<String, String> cells : answer.values().rows(field.key())) {
                        rows.add(new Row(answer.unitName(), cells));
                        for (String column : sums.keySet()) {
                            BigDecimal value = RequestForm.number(cells.getOrDefault(column, ""));
                            if (value != null) {
                                sums.merge(column, value, BigDecimal::add);
                            }
                        }
                    }
                }
                tables.add(new TableRows(field, rows, sums));
            }
        }
        int late = (int) answers.stream().filter(UnitAnswer::late).count();
        List<String> zero = answers.stream()
                .filter(UnitAnswer::zero)
                .map(UnitAnswer::unitName)
                .toList();
        return new Aggregate(
                request, asked, answers.size(), late, zero, missingUnits, answers, numbers, choices, tables);
    }

    /** The numbers in words, to start a brief with. */
    String summary(java.util.function.BiFunction<String, Object[], String> text) {
        StringBuilder out = new StringBuilder();
        out.append(text.apply(
                        "information.aggregate.text.head",
                        new Object[] {request.title(), asked, submitted, late, zeroUnits.size()}))
                .append('\n');
        if (!missingUnits.isEmpty()) {
            out.append(text.apply("information.aggregate.text.missing", new Object[] {String.join("、", missingUnits)}))
                    .append('\n');
        }
        for (NumberTotal number : numbers) {
            out.append(text.apply("information.aggregate.text.number", new Object[] {
                        number.field().label(),
                        number.sum().stripTrailingZeros().toPlainString(),
                        number.count()
                    }))
                    .append('\n');
        }
        for (Distribution choice : choices) {
            List<String> parts = new ArrayList<>();
            choice.counts().forEach((option, count) -> parts.add(option + " " + count));
            out.append(text.apply(
                            "information.aggregate.text.choice",
                            new Object[] {choice.field().label(), String.join("，", parts)}))
                    .append('\n');
        }
        for (TableRows table : tables) {
            out.append(text.apply(
                            "information.aggregate.text.table",
                            new Object[] {table.field().label(), table.rows().size()}))
                    .append('\n');
        }
        return out.toString().strip();
    }
}
