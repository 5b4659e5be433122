package org.accord.information;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.security.DataScopes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The module's JSON API: a request's completion board and aggregate; the figures. */
@RestController
@RequestMapping("/api/information")
@PreAuthorize("hasRole('STAFF')")
class InformationApi {

    private final SituationRequests requests;
    private final InformationFigures figures;
    private final DataScopes scopes;

    InformationApi(SituationRequests requests, InformationFigures figures, DataScopes scopes) {
        this.requests = requests;
        this.figures = figures;
        this.scopes = scopes;
    }

    /** Briefs per author and per unit in a year, and requests answered on time per unit. */
    @GetMapping("/figures")
    Map<String, Object> figures(@org.springframework.web.bind.annotation.RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new InformationInputRejected("information.error.year");
        }
        return Map.of(
                "year", year,
                "briefsByAuthor", figures.briefsByAuthor(year),
                "briefsByUnit", figures.briefsByUnit(year),
                "requestsByUnit", figures.requestsByUnit());
    }

    @GetMapping("/requests/{id}/board")
    List<SituationRequests.BoardRow> board(@PathVariable long id) {
        return requests.board(id, scopes.current());
    }

    /** The totals of the number fields and the distributions of the choice fields, by field label. */
    @GetMapping("/requests/{id}/aggregate")
    Map<String, Object> aggregate(@PathVariable long id) {
        Aggregate aggregate = requests.aggregate(id, scopes.current());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("request", aggregate.request().title());
        result.put("asked", aggregate.asked());
        result.put("submitted", aggregate.submitted());
        result.put("late", aggregate.late());
        result.put("zero", aggregate.zeroUnits());
        result.put("missing", aggregate.missingUnits());
        Map<String, Object> numbers = new LinkedHashMap<>();
        for (Aggregate.NumberTotal number : aggregate.numbers()) {
            numbers.put(
                    number.field().label(),
                    Map.of("sum", number.sum(), "count", number.count(), "perUnit", number.perUnit()));
        }
        result.put("numbers", numbers);
        Map<String, Object> choices = new LinkedHashMap<>();
        aggregate.choices().forEach(c -> choices.put(c.field().label(), c.counts()));
        result.put("choices", choices);
        Map<String, Object> tables = new LinkedHashMap<>();
        for (Aggregate.TableRows table : aggregate.tables()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Aggregate.Row row : table.rows()) {
                Map<String, String> cells = new LinkedHashMap<>();
                cells.put("unit", row.unitName());
                table.field()
                        .columns()
                        .forEach(c -> cells.put(c.label(), row.cells().getOrDefault(c.key(), "")));
                rows.add(cells);
            }
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            table.field().columns().forEach(c -> {
                if (table.columnSums().containsKey(c.key())) {
                    sums.put(c.label(), table.columnSums().get(c.key()));
                }
            });
            tables.put(table.field().label(), Map.of("rows", rows, "sums", sums));
        }
        result.put("tables", tables);
        return result;
    }
}
