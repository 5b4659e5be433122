package org.accord.meetings;

/** A meeting room of the government, with the seats it has. */
record Room(long id, String code, String name, int capacity, String location) {}
