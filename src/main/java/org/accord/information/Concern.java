package org.accord.information;

/** A leader's current concern (领导关注事项): what he is working on now, kept by the office. */
record Concern(long id, long leaderId, String title, String note, boolean active, int sortOrder) {}
