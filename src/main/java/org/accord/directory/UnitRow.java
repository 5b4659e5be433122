package org.accord.directory;

import org.jspecify.annotations.Nullable;

/** One unit as a directory file states it; references are by code. */
record UnitRow(
        int line,
        String code,
        String name,
        @Nullable String shortName,
        UnitKind kind,
        @Nullable String parentCode,
        @Nullable String overseerCode,
        boolean authoritative,
        @Nullable String dutyPhone,
        int sortOrder) {

    static UnitRow of(Unit unit, @Nullable String parentCode, @Nullable String overseerCode) {
        return new UnitRow(
                0,
                unit.code(),
                unit.name(),
                unit.shortName(),
                unit.kind(),
                parentCode,
                overseerCode,
                unit.authoritative(),
                unit.dutyPhone(),
                unit.sortOrder());
    }
}
