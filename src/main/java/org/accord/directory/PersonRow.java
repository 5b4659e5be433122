package org.accord.directory;

import org.jspecify.annotations.Nullable;

/** One person as a directory file states it; the unit is referred to by code. */
record PersonRow(
        int line,
        String code,
        String name,
        String unitCode,
        @Nullable String position,
        @Nullable LeaderTitle leaderTitle,
        @Nullable String phone,
        @Nullable String mobile,
        @Nullable String email,
        boolean liaison,
        int sortOrder) {

    static PersonRow of(Person person, String unitCode) {
        return new PersonRow(
                0,
                person.code(),
                person.name(),
                unitCode,
                person.position(),
                person.leaderTitle(),
                person.phone(),
                person.mobile(),
                person.email(),
                person.liaison(),
                person.sortOrder());
    }
}
