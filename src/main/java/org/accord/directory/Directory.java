package org.accord.directory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as other modules use it: look up units and people, find who oversees a unit and
 * who its liaisons are, and derive the direction of a message between two parties.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final Units units;
    private final People people;

    Directory(Units units, People people) {
        this.units = units;
        this.people = people;
    }

    public Optional<UnitSummary> unit(long unitId) {
        return units.findById(unitId).map(Unit::summary);
    }

    public Optional<UnitSummary> unitByCode(String code) {
        return units.findByCode(code).map(Unit::summary);
    }

    /** The active units, by sort order and name: for choosing a unit from a list. */
    public List<UnitSummary> activeUnits() {
        return units.findAll().stream()
                .filter(Unit::active)
                .sorted(Comparator.comparingInt(Unit::sortOrder).thenComparing(Unit::name))
                .map(Unit::summary)
                .toList();
    }

    public Optional<PersonSummary> person(long personId) {
        return people.findById(personId).map(Person::summary);
    }

    public Optional<PersonSummary> personByCode(String code) {
        return people.findByCode(code).map(Person::summary);
    }

    /** The active people of a unit who act as its liaisons. */
    public List<PersonSummary> liaisons(long unitId) {
        return people.findByUnitIdAndActiveTrueOrderBySortOrderAscNameAsc(unitId).stream()
                .filter(Person::liaison)
                .map(Person::summary)
                .toList();
    }

    /** The active people of a unit, in the unit's order. */
    public List<PersonSummary> people(long unitId) {
        return people.findByUnitIdAndActiveTrueOrderBySortOrderAscNameAsc(unitId).stream()
                .map(Person::summary)
                .toList();
    }

    /** The leaders of the government, highest first. */
    public List<PersonSummary> leaders() {
        return people.findByLeaderTitleIsNotNullAndActiveTrue().stream()
                .sorted(Comparator.comparing((Person person) -> person.leaderTitle())
                        .thenComparingInt(Person::sortOrder))
                .map(Person::summary)
                .toList();
    }

    public DirectoryCounts counts() {
        return new DirectoryCounts(
                units.countByActiveTrue(), people.countByActiveTrue(), people.countByLiaisonTrueAndActiveTrue());
    }

    /**
     * The units whose matters route to this leader: those he oversees and everything under them
     * that no other leader oversees itself. Empty for a person who oversees nothing.
     */
    public Set<Long> unitsRoutedTo(long leaderPersonId) {
        Optional<Person> leader = people.findById(leaderPersonId);
        if (leader.isEmpty()) {
            return Set.of();
        }
        OrgChart chart = chart();
        Set<Long> routed = new HashSet<>();
        for (Unit unit : units.findAll()) {
            if (unit.active()
                    && chart.overseerOf(unit.code())
                            .map(overseer -> overseer.code().equals(leader.get().code()))
                            .orElse(false)) {
                routed.add(unit.id());
            }
        }
        return routed;
    }

    /** The leader a unit's matters route to: its own overseer or the nearest one above it. */
    public Optional<PersonSummary> overseeingLeader(long unitId) {
        Optional<Unit> unit = units.findById(unitId);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        return chart().overseerOf(unit.get().code()).flatMap(row -> personByCode(row.code()));
    }

    /** Whether reports from this unit need no verification by default. */
    public boolean isAuthoritative(long unitId) {
        return units.findById(unitId).map(Unit::authoritative).orElse(false);
    }

    /** The direction of a message from one party to another, derived from the tree and the leaders. */
    public Direction direction(Party from, Party to) {
        OrgChart chart = chart();
        DirectionRule rule = new DirectionRule(chart);
        return rule.between(endOf(from, rule), endOf(to, rule));
    }

    private DirectionRule.End endOf(Party party, DirectionRule rule) {
        // Java 17: no pattern matching in switch yet.
        if (party instanceof Party.OfUnit unit) {
            return DirectionRule.End.unit(
                    units.findById(unit.unitId()).map(Unit::code).orElseThrow(() -> new UnknownParty(party)));
        }
        Party.OfPerson person = (Party.OfPerson) party;
        Person found = people.findById(person.personId()).orElseThrow(() -> new UnknownParty(party));
        String unitCode = units.findById(found.unitId()).map(Unit::code).orElseThrow();
        return rule.endOf(PersonRow.of(found, unitCode));
    }

    /** The units and the leaders, as a chart keyed by code. People other than leaders are not needed. */
    OrgChart chart() {
        List<Unit> all = units.findAll();
        Map<Long, String> codes = new HashMap<>();
        all.forEach(unit -> codes.put(unit.id(), unit.code()));
        Map<Long, String> leaderCodes = new HashMap<>();
        List<PersonRow> leaders = people.findByLeaderTitleIsNotNullAndActiveTrue().stream()
                .peek(person -> leaderCodes.put(person.id(), person.code()))
                .map(person -> PersonRow.of(person, codes.get(person.unitId())))
                .toList();
        List<UnitRow> unitRows = all.stream()
                .filter(Unit::active)
                .map(unit ->
                        UnitRow.of(unit, code(codes, unit.parentId()), code(leaderCodes, unit.overseeingLeaderId())))
                .toList();
        return new OrgChart(unitRows, leaders);
    }

    /** Every active unit and person, for export. */
    OrgChart wholeChart() {
        List<Unit> all = units.findAll();
        Map<Long, String> codes = new HashMap<>();
        all.forEach(unit -> codes.put(unit.id(), unit.code()));
        List<Person> everyone = people.findAll();
        Map<Long, String> personCodes = new HashMap<>();
        everyone.forEach(person -> personCodes.put(person.id(), person.code()));
        List<UnitRow> unitRows = all.stream()
                .filter(Unit::active)
                .sorted(Comparator.comparingInt(Unit::sortOrder).thenComparing(Unit::code))
                .map(unit ->
                        UnitRow.of(unit, code(codes, unit.parentId()), code(personCodes, unit.overseeingLeaderId())))
                .toList();
        List<PersonRow> personRows = everyone.stream()
                .filter(Person::active)
                .sorted(Comparator.comparingInt(Person::sortOrder).thenComparing(Person::code))
                .map(person -> PersonRow.of(person, codes.get(person.unitId())))
                .toList();
        return new OrgChart(unitRows, personRows);
    }

    private static @Nullable String code(Map<Long, String> codes, @Nullable Long id) {
        return id == null ? null : codes.get(id);
    }

    /** Thrown when a party names a unit or person the directory does not have. */
    public static final class UnknownParty extends RuntimeException {
        UnknownParty(Party party) {
            super("No such party in the directory: " + party);
        }
    }
}
