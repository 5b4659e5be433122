package org.accord.directory;

/** One end of a message: a unit as a whole, or a person (a leader speaks as a leader). */
public sealed interface Party {

    static Party unit(long unitId) {
        return new OfUnit(unitId);
    }

    static Party person(long personId) {
        return new OfPerson(personId);
    }

    record OfUnit(long unitId) implements Party {}

    record OfPerson(long personId) implements Party {}
}
