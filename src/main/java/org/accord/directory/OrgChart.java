package org.accord.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable picture of the directory, keyed by code: the same shape whether it comes from the
 * database or from a file being imported, so the direction rule and the file checks share it.
 */
final class OrgChart {

    private final Map<String, UnitRow> units = new LinkedHashMap<>();
    private final Map<String, PersonRow> people = new LinkedHashMap<>();

    OrgChart(Collection<UnitRow> units, Collection<PersonRow> people) {
        units.forEach(unit -> this.units.put(unit.code(), unit));
        people.forEach(person -> this.people.put(person.code(), person));
    }

    Optional<UnitRow> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    Optional<PersonRow> person(String code) {
        return Optional.ofNullable(people.get(code));
    }

    Collection<UnitRow> units() {
        return units.values();
    }

    Collection<PersonRow> people() {
        return people.values();
    }

    /** The unit itself, then its parent, up to the root; stops on a cycle. */
    List<UnitRow> lineage(String code) {
        List<UnitRow> lineage = new ArrayList<>();
        UnitRow current = units.get(code);
        while (current != null && lineage.size() <= units.size()) {
            if (lineage.contains(current)) {
                break;
            }
            lineage.add(current);
            current = current.parentCode() == null ? null : units.get(current.parentCode());
        }
        return lineage;
    }

    boolean hasCycleAt(String code) {
        UnitRow start = units.get(code);
        List<UnitRow> lineage = lineage(code);
        UnitRow top = lineage.get(lineage.size() - 1);
        return start != null && top.parentCode() != null && units.containsKey(top.parentCode());
    }

    /** Whether {@code ancestor} is the unit itself or above it. */
    boolean contains(String ancestor, String code) {
        return lineage(code).stream().anyMatch(unit -> unit.code().equals(ancestor));
    }

    /** The nearest government at or above the unit, if any (peer agencies have none). */
    @Nullable
    String governmentOf(String code) {
        return lineage(code).stream()
                .filter(unit -> unit.kind() == UnitKind.GOVERNMENT)
                .map(UnitRow::code)
                .findFirst()
                .orElse(null);
    }

    /** The institution a unit belongs to: itself, or for a section the nearest unit above that is not one. */
    String institutionOf(String code) {
        return lineage(code).stream()
                .filter(unit -> unit.kind() != UnitKind.SECTION)
                .map(UnitRow::code)
                .findFirst()
                .orElse(code);
    }

    /** Whether the unit is the general office of the government or one of that office's sections. */
    boolean isOfficeOf(String code, String government) {
        String institution = institutionOf(code);
        UnitRow office = units.get(institution);
        return office != null
                && office.kind() == UnitKind.GENERAL_OFFICE
                && Objects.equals(office.parentCode(), government);
    }

    /**
     * The leader a unit's matters route to: its own overseer, or the nearest one above it (a
     * bureau's sections go to the bureau's leader).
     */
    Optional<PersonRow> overseerOf(String code) {
        return lineage(code).stream()
                .map(UnitRow::overseerCode)
                .filter(Objects::nonNull)
                .map(people::get)
                .filter(Objects::nonNull)
                .findFirst();
    }

    List<UnitRow> childrenOf(@Nullable String parentCode) {
        return units.values().stream()
                .filter(unit -> Objects.equals(unit.parentCode(), parentCode))
                .sorted(java.util.Comparator.comparingInt(UnitRow::sortOrder).thenComparing(UnitRow::name))
                .toList();
    }
}
