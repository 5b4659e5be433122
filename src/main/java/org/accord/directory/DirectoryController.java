package org.accord.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
@RequestMapping("/directory")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON', 'SYSADMIN')")
class DirectoryController {

    /** A unit in the tree with the units under it. */
    record Branch(UnitSummary unit, int people, List<Branch> children) {}

    private final Units units;
    private final People people;
    private final Directory directory;

    private final Visibility visibility;
    private final String homeOffice;

    DirectoryController(
            Units units,
            People people,
            Directory directory,
            Visibility visibility,
            @Value("${accord.directory.home-office:SZFB}") String homeOffice) {
        this.units = units;
        this.people = people;
        this.directory = directory;
        this.visibility = visibility;
        this.homeOffice = homeOffice;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "directory";
    }

    @GetMapping
    String tree(Model model, Authentication authentication) {
        model.addAttribute(
                "canImport",
                authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_STAFF")
                                || a.getAuthority().equals("ROLE_SYSADMIN")));
        Optional<Set<Long>> visible = visibility.visibleUnits();
        List<Unit> active = units.findAll().stream()
                .filter(Unit::active)
                .filter(unit -> visible.map(ids -> ids.contains(unit.id())).orElse(true))
                .toList();
        Set<Long> shown = active.stream().map(Unit::id).collect(Collectors.toSet());
        Map<Long, Integer> headcount = new HashMap<>();
        people.findAll().stream()
                .filter(Person::active)
                .forEach(person -> headcount.merge(person.unitId(), 1, Integer::sum));
        Map<Long, List<Unit>> byParent = new HashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit unit : active) {
            // A confined viewer's tree starts at the highest units they may see.
            if (unit.parentId() == null || !shown.contains(unit.parentId())) {
                roots.add(unit);
            } else {
                byParent.computeIfAbsent(unit.parentId(), id -> new ArrayList<>())
                        .add(unit);
            }
        }
        model.addAttribute("branches", branches(roots, byParent, headcount));
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute(
                "counts",
                visible.isEmpty()
                        ? directory.counts()
                        : new DirectoryCounts(
                                shown.size(),
                                active.stream()
                                        .mapToLong(unit -> headcount.getOrDefault(unit.id(), 0))
                                        .sum(),
                                active.stream()
                                        .mapToLong(unit ->
                                                directory.liaisons(unit.id()).size())
                                        .sum()));
        return "directory/tree";
    }

    private static List<Branch> branches(
            List<Unit> level, Map<Long, List<Unit>> byParent, Map<Long, Integer> headcount) {
        return level.stream()
                .sorted(Comparator.comparingInt(Unit::sortOrder).thenComparing(Unit::name))
                .map(unit -> new Branch(
                        unit.summary(),
                        headcount.getOrDefault(unit.id(), 0),
                        branches(byParent.getOrDefault(unit.id(), List.of()), byParent, headcount)))
                .toList();
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, Model model) {
        Optional<Set<Long>> visible = visibility.visibleUnits();
        Unit unit = units.findById(id)
                .filter(found -> Visibility.sees(visible, id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("unit", unit.summary());
        model.addAttribute("lineage", lineage(unit));
        model.addAttribute(
                "people",
                people.findByUnitIdAndActiveTrueOrderBySortOrderAscNameAsc(id).stream()
                        .map(Person::summary)
                        .toList());
        model.addAttribute(
                "children",
                units.findByParentIdAndActiveTrueOrderBySortOrderAscNameAsc(id).stream()
                        .filter(child -> Visibility.sees(visible, child.id()))
                        .map(Unit::summary)
                        .toList());
        model.addAttribute("overseer", directory.overseeingLeader(id).orElse(null));
        model.addAttribute("officeDirection", fromGeneralOffice(Party.unit(id)).orElse(null));
        return "directory/unit";
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, Model model) {
        Optional<Set<Long>> visible = visibility.visibleUnits();
        PersonSummary person = directory
                .person(id)
                .filter(found -> Visibility.sees(visible, found.unitId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Unit unit = units.findById(person.unitId()).orElseThrow();
        model.addAttribute("person", person);
        model.addAttribute("unit", unit.summary());
        model.addAttribute("lineage", lineage(unit));
        model.addAttribute(
                "overseen",
                person.isLeader()
                        ? units.findAll().stream()
                                .filter(u -> u.active() && Long.valueOf(id).equals(u.overseeingLeaderId()))
                                .filter(u -> Visibility.sees(visible, u.id()))
                                .sorted(Comparator.comparingInt(Unit::sortOrder))
                                .map(Unit::summary)
                                .toList()
                        : List.of());
        model.addAttribute(
                "officeDirection", fromGeneralOffice(Party.person(id)).orElse(null));
        return "directory/person";
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        String text = query.strip();
        model.addAttribute("q", text);
        if (text.isEmpty()) {
            model.addAttribute("units", List.of());
            model.addAttribute("people", List.of());
            return "directory/search";
        }
        String pattern = "%" + text.replace("\\", "").replace("%", "").replace("_", "") + "%";
        Optional<Set<Long>> visible = visibility.visibleUnits();
        // A confined viewer's search runs inside the units they may see, in the query itself.
        List<Unit> foundUnits =
                visible.map(ids -> units.searchWithin(pattern, text, ids)).orElseGet(() -> units.search(pattern, text));
        List<Person> foundPeople = visible.map(ids -> people.searchWithin(pattern, text, ids))
                .orElseGet(() -> people.search(pattern, text));
        model.addAttribute("units", foundUnits.stream().map(Unit::summary).toList());
        List<PersonSummary> found = foundPeople.stream().map(Person::summary).toList();
        Map<Long, String> unitNames = new HashMap<>();
        found.forEach(person -> unitNames.computeIfAbsent(
                person.unitId(),
                unitId -> units.findById(unitId)
                        .map(u -> u.summary().displayName())
                        .orElse("")));
        model.addAttribute("people", found);
        model.addAttribute("unitNames", unitNames);
        return "directory/search";
    }

    /** The unit and everything above it, top first, for breadcrumbs. */
    private List<UnitSummary> lineage(Unit unit) {
        List<UnitSummary> lineage = new ArrayList<>();
        @Nullable Unit current = unit;
        while (current != null && lineage.size() < 50) {
            lineage.add(0, current.summary());
            current = current.parentId() == null
                    ? null
                    : units.findById(current.parentId()).orElse(null);
        }
        return lineage;
    }

    /** How the office running Accord addresses this party: the direction its staff see on the page. */
    private Optional<Direction> fromGeneralOffice(Party to) {
        return units.findByCode(homeOffice)
                .filter(Unit::active)
                .map(office -> directory.direction(Party.unit(office.id()), to));
    }
}
