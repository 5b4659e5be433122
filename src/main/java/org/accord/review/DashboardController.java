package org.accord.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards: the director's (the whole office), a leader's (the units routed to him) and a unit's, each with
 * a period picker, a grouping, charts and every figure linked to the items behind it.
 */
@Controller
@RequestMapping("/review")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class DashboardController {

    private static final int PAGE_SIZE = 100;

    private final ReviewFigures figures;
    private final DataScopes scopes;
    private final Directory directory;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    DashboardController(ReviewFigures figures, DataScopes scopes, Directory directory, MessageSource messages) {
        this.figures = figures;
        this.scopes = scopes;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping
    String start() {
        return switch (scopes.current().kind()) {
            case OFFICE -> "redirect:/review/director";
            case LEADER -> "redirect:/review/leader";
            default -> "redirect:/review/unit";
        };
    }

    @GetMapping("/director")
    @PreAuthorize("hasRole('STAFF')")
    String director(
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by,
            Model model) {
        Target target = new Target("director", null, null, null, message("review.director.title"));
        return dashboard(target, period, from, to, by, model);
    }

    @GetMapping("/leader")
    @PreAuthorize("hasAnyRole('LEADER', 'STAFF')")
    String leader(
            @RequestParam(required = false) @Nullable Long leader,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by,
            Model model) {
        DataScope scope = scopes.current();
        Long shown = leader != null ? leader : scope.kind() == DataScope.Kind.LEADER ? scope.personId() : null;
        if (shown == null) {
            model.addAttribute("leaders", directory.leaders());
            model.addAttribute("activeNav", "review");
            return "review/choose-leader";
        }
        Collection<Long> units = leaderUnits(scope, shown);
        String name = directory.person(shown).map(p -> p.name()).orElse("");
        Target target = new Target("leader", null, shown, units, message("review.leader.title", name));
        return dashboard(target, period, from, to, by, model);
    }

    @GetMapping("/unit")
    String unit(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by,
            Model model) {
        DataScope scope = scopes.current();
        Long shown = unit;
        if (shown == null
                && scope.kind() == DataScope.Kind.UNIT
                && scope.unitIds().size() == 1) {
            shown = scope.unitIds().iterator().next();
        }
        if (shown == null) {
            model.addAttribute("units", visibleUnits(scope));
            model.addAttribute("activeNav", "review");
            return "review/choose-unit";
        }
        UnitSummary summary = visibleUnit(scope, shown);
        Target target =
                new Target("unit", shown, null, Set.of(shown), message("review.unit.title", summary.displayName()));
        return dashboard(target, period, from, to, by, model);
    }

    @GetMapping("/items")
    String items(
            @RequestParam String figure,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable Long leader,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        DataScope scope = scopes.current();
        Collection<Long> units;
        if (unit != null) {
            visibleUnit(scope, unit);
            units = Set.of(unit);
        } else if (leader != null) {
            units = leaderUnits(scope, leader);
        } else {
            units = ReviewFigures.units(scope);
        }
        Period p = Period.of(period, from, to, figures.today());
        String grouping = grouping(by);
        if (page < 0) {
            throw new ReviewInputRejected("review.error.page");
        }
        ReviewFigures.Figures counted = figures.figures(p, units, grouping);
        if (!counted.totals().stream().map(ReviewFigures.Value::figure).toList().contains(figure)) {
            throw new ReviewInputRejected("review.error.figure");
        }
        ReviewFigures.Value value = key == null ? counted.total(figure) : counted.value(figure, key);
        long base = value == null ? 0 : value.base();
        long met = value == null ? 0 : value.met();
        List<ReviewFigures.Item> items = figures.items(figure, grouping, key, p, units, page * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("activeNav", "review");
        model.addAttribute("figure", figure);
        model.addAttribute("figureLabel", message("review.figure." + figure));
        model.addAttribute("metLabel", message("review.met." + figure));
        model.addAttribute("baseLabel", message("review.base." + figure));
        model.addAttribute("groupName", value == null || key == null ? null : groupName(value));
        model.addAttribute("period", p);
        model.addAttribute("base", base);
        model.addAttribute("met", met);
        model.addAttribute("items", items);
        model.addAttribute("average", ReviewFigures.MEASURES.containsKey(figure));
        model.addAttribute("shown", shown(value == null ? new ReviewFigures.Value(figure, "", "", 0, 0) : value));
        String measure = ReviewFigures.MEASURES.get(figure);
        model.addAttribute("measureLabel", measure == null ? null : message("review.measure." + measure));
        model.addAttribute(
                "definition",
                messages.getMessage("review.definition." + figure, null, null, Locale.SIMPLIFIED_CHINESE));
        model.addAttribute("page", page);
        model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < base);
        String back = unit != null ? "/review/unit" : leader != null ? "/review/leader" : dashboardPath(scope);
        UriComponentsBuilder backLink = periodLink(back, p, grouping);
        UriComponentsBuilder pageLink = periodLink("/review/items", p, grouping).queryParam("figure", figure);
        if (key != null) {
            pageLink.queryParam("key", key);
        }
        if (unit != null) {
            backLink.queryParam("unit", unit);
            pageLink.queryParam("unit", unit);
        }
        if (leader != null) {
            backLink.queryParam("leader", leader);
            pageLink.queryParam("leader", leader);
        }
        model.addAttribute("backHref", backLink.build().encode().toUriString());
        model.addAttribute("pageHref", pageLink.build().encode().toUriString());
        return "review/items";
    }

    @ExceptionHandler(ReviewInputRejected.class)
    ModelAndView rejected(ReviewInputRejected rejected) {
        return refused(HttpStatus.BAD_REQUEST, rejected.messageKey());
    }

    @ExceptionHandler(ReviewNotVisible.class)
    ModelAndView notVisible(ReviewNotVisible notVisible) {
        return refused(HttpStatus.NOT_FOUND, notVisible.messageKey());
    }

    private ModelAndView refused(HttpStatus status, String key) {
        ModelAndView page = new ModelAndView("review/refused", status);
        page.addObject("message", message(key));
        page.addObject("code", status.value());
        page.addObject("activeNav", "review");
        return page;
    }

    /** Which dashboard, and over which units (null: the whole office). */
    private record Target(
            String name,
            @Nullable Long unit,
            @Nullable Long leader,
            @Nullable Collection<Long> units,
            String title) {}

    /**
     * One figure shown as a tile: its total as shown ("66.7%", "平均 7.0 天"), what it is counted over, and a link to
     * the items.
     */
    record Tile(String figure, String label, ReviewFigures.Value value, String shown, String count, String href) {}

    /** One group's figures of a kind of work; a cell is null where the group has none of that figure. */
    record Row(String name, List<@Nullable Cell> cells) {}

    record Cell(ReviewFigures.Value value, String text, String href) {}

    /**
     * One kind of work on a dashboard, with one chart for its rates and one per unit of its averages, so that a
     * percentage and a number of days never share an axis.
     */
    record Section(
            String kind, String title, List<Tile> tiles, List<String> labels, List<Row> rows, List<String> charts) {}

    private String dashboard(
            Target target,
            @Nullable String period,
            @Nullable String from,
            @Nullable String to,
            @Nullable String by,
            Model model) {
        Period p = Period.of(period, from, to, figures.today());
        String grouping = grouping(by);
        ReviewFigures.Figures f = figures.figures(p, target.units(), grouping);
        List<Section> sections = new ArrayList<>();
        ReviewFigures.FIGURES.forEach((kind, names) -> sections.add(section(target, f, kind, names)));
        model.addAttribute("activeNav", "review");
        model.addAttribute("target", target.name());
        model.addAttribute("heading", target.title());
        model.addAttribute("unit", target.unit());
        model.addAttribute("leader", target.leader());
        model.addAttribute("period", p);
        model.addAttribute("by", grouping);
        model.addAttribute("groupings", ReviewFigures.GROUPINGS);
        model.addAttribute("periodKinds", Period.Kind.values());
        model.addAttribute("sections", sections);
        return "review/dashboard";
    }

    private Section section(Target target, ReviewFigures.Figures f, String kind, List<String> names) {
        List<Tile> tiles = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String name : names) {
            String figure = kind + "." + name;
            String label = message("review.figure." + figure);
            labels.add(label);
            ReviewFigures.Value total = f.total(figure);
            if (total == null) {
                total = new ReviewFigures.Value(figure, "", "", 0, 0);
            }
            tiles.add(new Tile(figure, label, total, shown(total), count(total), href(target, f, figure, null)));
        }
        Map<String, String> groups = new LinkedHashMap<>();
        f.values().stream().filter(v -> v.kind().equals(kind)).forEach(v -> groups.putIfAbsent(v.key(), groupName(v)));
        List<Row> rows = new ArrayList<>();
        // One chart per scale: rates (percent) together, each unit of average (days, minutes, rounds) on its own.
        Map<String, List<Map<String, Object>>> scales = new LinkedHashMap<>();
        Map<String, List<@Nullable Double>> data = new LinkedHashMap<>();
        if (names.stream().anyMatch(name -> !ReviewFigures.MEASURES.containsKey(kind + "." + name))) {
            scales.put("RATE", new ArrayList<>());
        }
        for (String name : names) {
            String figure = kind + "." + name;
            String scale = ReviewFigures.MEASURES.getOrDefault(figure, "RATE");
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("name", message("review.figure." + figure));
            List<@Nullable Double> points = new ArrayList<>();
            series.put("data", points);
            data.put(figure, points);
            scales.computeIfAbsent(scale, k -> new ArrayList<>()).add(series);
        }
        groups.forEach((key, groupName) -> {
            List<@Nullable Cell> cells = new ArrayList<>();
            for (String name : names) {
                String figure = kind + "." + name;
                ReviewFigures.Value v = f.value(figure, key);
                cells.add(
                        v == null ? null : new Cell(v, shown(v) + " (" + count(v) + ")", href(target, f, figure, key)));
                data.get(figure).add(v == null ? null : v.isAverage() ? v.average() : v.rate());
            }
            rows.add(new Row(groupName, cells));
        });
        List<String> charts = new ArrayList<>();
        scales.forEach((scale, series) -> {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("categories", new ArrayList<>(groups.values()));
            chart.put("series", series);
            chart.put("percent", scale.equals("RATE"));
            chart.put("unit", scale.equals("RATE") ? "%" : message("review.measure." + scale));
            chart.put(
                    "title",
                    scale.equals("RATE")
                            ? message("review.chart.rates")
                            : message("review.chart.average", message("review.measure." + scale)));
            charts.add(json.writeValueAsString(chart));
        });
        return new Section(kind, message("review.kind." + kind), tiles, labels, rows, charts);
    }

    /** A figure as shown: a rate as "66.7%", an average as "平均 7.0 天"; "—" when there is nothing to count. */
    private String shown(ReviewFigures.Value v) {
        if (v.isAverage()) {
            Double average = v.average();
            return average == null
                    ? "—"
                    : message("review.average", String.format(Locale.ROOT, "%.1f", average), measure(v));
        }
        Double rate = v.rate();
        return rate == null ? "—" : rate + "%";
    }

    /** What a figure is counted over: "met / base" for a rate, the number of items for an average. */
    private String count(ReviewFigures.Value v) {
        return v.isAverage()
                ? message("review.average.count", String.valueOf(v.base()))
                : message("review.count", v.met(), v.base());
    }

    private String measure(ReviewFigures.Value v) {
        return message("review.measure." + v.measure());
    }

    private String href(Target target, ReviewFigures.Figures f, String figure, @Nullable String key) {
        UriComponentsBuilder link =
                periodLink("/review/items", f.period(), f.grouping()).queryParam("figure", figure);
        if (key != null) {
            link.queryParam("key", key);
        }
        if (target.unit() != null) {
            link.queryParam("unit", target.unit());
        }
        if (target.leader() != null) {
            link.queryParam("leader", target.leader());
        }
        return link.build().encode().toUriString();
    }

    private static UriComponentsBuilder periodLink(String path, Period p, String grouping) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path)
                .queryParam("period", p.kind().name());
        if (p.kind() == Period.Kind.CUSTOM) {
            link.queryParam("from", p.from()).queryParam("to", p.to());
        }
        return link.queryParam("by", grouping);
    }

    private String groupName(ReviewFigures.Value v) {
        if (v.key().equals("-")) {
            return message("review.group.none");
        }
        if (v.figure().startsWith(ReviewFigures.SUPERVISION + ".") && !v.name().equals("-")) {
            String label = messages.getMessage("review.source." + v.name(), null, null, Locale.SIMPLIFIED_CHINESE);
            return label == null ? v.name() : label;
        }
        return v.name();
    }

    private static String dashboardPath(DataScope scope) {
        return switch (scope.kind()) {
            case OFFICE -> "/review/director";
            case LEADER -> "/review/leader";
            default -> "/review/unit";
        };
    }

    private Collection<Long> leaderUnits(DataScope scope, long leader) {
        boolean allowed = scope.kind() == DataScope.Kind.OFFICE
                || (scope.kind() == DataScope.Kind.LEADER
                        && Long.valueOf(leader).equals(scope.personId()));
        if (!allowed || directory.leaders().stream().noneMatch(p -> p.id() == leader)) {
            throw new ReviewNotVisible("review.error.leader");
        }
        return directory.unitsRoutedTo(leader);
    }

    private UnitSummary visibleUnit(DataScope scope, long unit) {
        if (!scope.coversUnit(unit)) {
            throw new ReviewNotVisible("review.error.unit");
        }
        return directory.unit(unit).orElseThrow(() -> new ReviewNotVisible("review.error.unit"));
    }

    private List<UnitSummary> visibleUnits(DataScope scope) {
        return directory.activeUnits().stream()
                .filter(u -> scope.coversUnit(u.id()))
                .toList();
    }

    private static String grouping(@Nullable String by) {
        String grouping = by == null || by.isBlank() ? "UNIT" : by.strip().toUpperCase(Locale.ROOT);
        ReviewFigures.requireGrouping(grouping);
        return grouping;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
