package org.accord.directory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which units the current viewer may see. Everyone sees the whole directory except a confined
 * viewer, who sees their own unit and what is under it, the general office that runs Accord with
 * its sections, and the government node with its leaders.
 */
@Component
class Visibility {

    private final Units units;
    private final DirectoryViewers viewers;
    private final String homeOffice;

    Visibility(
            Units units,
            DirectoryViewers viewers,
            @org.springframework.beans.factory.annotation.Value("${accord.directory.home-office:SZFB}")
                    String homeOffice) {
        this.units = units;
        this.viewers = viewers;
        this.homeOffice = homeOffice;
    }

    /** The ids of the units the viewer may see, or empty when they may see all. */
    Optional<Set<Long>> visibleUnits() {
        Optional<Long> confined = viewers.confinedTo();
        if (confined.isEmpty()) {
            return Optional.empty();
        }
        List<Unit> all = units.findAll();
        Map<Long, Unit> byId = new HashMap<>();
        all.forEach(unit -> byId.put(unit.id(), unit));
        Set<Long> visible = new HashSet<>();
        Optional<Unit> office =
                all.stream().filter(unit -> unit.code().equals(homeOffice)).findFirst();
        for (Unit unit : all) {
            if (under(unit, confined.get(), byId)
                    || office.map(o -> under(unit, o.id(), byId)).orElse(false)) {
                visible.add(unit.id());
            }
        }
        office.map(Unit::parentId).ifPresent(visible::add);
        return Optional.of(visible);
    }

    /** Whether a unit is among the visible ones; computed once per request by the caller, used per unit. */
    static boolean sees(Optional<Set<Long>> visible, long unitId) {
        return visible.map(ids -> ids.contains(unitId)).orElse(true);
    }

    private static boolean under(Unit unit, Long ancestor, Map<Long, Unit> byId) {
        Unit current = unit;
        for (int depth = 0; current != null && depth < 50; depth++) {
            if (Objects.equals(current.id(), ancestor)) {
                return true;
            }
            current = current.parentId() == null ? null : byId.get(current.parentId());
        }
        return false;
    }
}
