package org.accord.search;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 搜索: the results page behind the header's search box, with filters by kind, unit and period. */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class SearchPages {

    static final int PAGE_SIZE = 20;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Search search;
    private final DataScopes scopes;
    private final Directory directory;

    SearchPages(Search search, DataScopes scopes, Directory directory) {
        this.search = search;
        this.scopes = scopes;
        this.directory = directory;
    }

    @GetMapping("/search")
    String results(
            @RequestParam(name = "q", defaultValue = "") String q,
            @RequestParam(name = "kind", required = false) @Nullable String kind,
            @RequestParam(name = "unit", required = false) @Nullable String unit,
            @RequestParam(name = "from", required = false) @Nullable String from,
            @RequestParam(name = "to", required = false) @Nullable String to,
            @RequestParam(name = "page", defaultValue = "0") String page,
            Model model,
            HttpServletResponse response) {
        String text = q.strip();
        model.addAttribute("activeNav", "search");
        model.addAttribute("zone", ZONE);
        model.addAttribute("q", text);
        model.addAttribute("kinds", SearchKind.values());
        model.addAttribute("units", units(scopes.current()));
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        SearchKind chosenKind;
        Long unitId;
        LocalDate fromDay;
        LocalDate toDay;
        int pageNumber;
        try {
            chosenKind = kind == null || kind.isBlank() ? null : SearchKind.valueOf(kind);
            unitId = unit == null || unit.isBlank() ? null : Long.valueOf(unit);
            fromDay = from == null || from.isBlank() ? null : LocalDate.parse(from);
            toDay = to == null || to.isBlank() ? null : LocalDate.parse(to);
            pageNumber = Integer.parseInt(page);
            if (pageNumber < 0 || pageNumber > 499) {
                throw new NumberFormatException(page);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "search.error.filter");
            return "search/results";
        }
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "search.error.period");
            return "search/results";
        }
        if (text.length() > 200) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "search.error.long");
            return "search/results";
        }
        boolean asked = !text.isEmpty() || chosenKind != null || unitId != null || fromDay != null || toDay != null;
        if (!asked) {
            return "search/results";
        }
        // Counts per kind are for the whole question without the kind filter, so the tabs show where else it is.
        SearchResults all = search.find(new SearchQuery(text, Set.of(), unitId, fromDay, toDay, 0, PAGE_SIZE));
        SearchResults shown = chosenKind == null && pageNumber == 0
                ? all
                : search.find(new SearchQuery(
                        text,
                        chosenKind == null ? Set.of() : EnumSet.of(chosenKind),
                        unitId,
                        fromDay,
                        toDay,
                        pageNumber,
                        PAGE_SIZE));
        long total = chosenKind == null ? all.total() : all.countsByKind().getOrDefault(chosenKind, 0L);
        model.addAttribute("results", shown);
        model.addAttribute("counts", all.countsByKind());
        model.addAttribute("total", all.total());
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < total);
        model.addAttribute("unitNames", unitNames(shown.hits()));
        return "search/results";
    }

    /** The units an account may filter by: all for the office, its own for a liaison, those routed to a leader. */
    private List<UnitSummary> units(DataScope scope) {
        List<UnitSummary> units = switch (scope.kind()) {
            case OFFICE -> directory.activeUnits();
            case LEADER, UNIT -> {
                List<UnitSummary> found = new ArrayList<>();
                scope.unitIds().forEach(id -> directory.unit(id).ifPresent(found::add));
                yield found;
            }
            case NONE -> List.of();
        };
        return units.stream().sorted(Comparator.comparing(UnitSummary::name)).toList();
    }

    /** Each hit's units by name ("市水利局、市城管局"), keyed by kind and id; one look-up per distinct unit. */
    private Map<String, String> unitNames(List<SearchHit> hits) {
        Map<Long, String> names = new HashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            StringJoiner joined = new StringJoiner("、");
            for (Long id : hit.unitIds()) {
                String name = names.computeIfAbsent(
                        id,
                        key -> directory
                                .unit(key)
                                .map(u -> u.shortName() == null ? u.name() : u.shortName())
                                .orElse(""));
                if (!name.isEmpty()) {
                    joined.add(name);
                }
            }
            labels.put(hit.kind().name() + ":" + hit.id(), joined.toString());
        }
        return labels;
    }
}
