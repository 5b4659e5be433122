package org.accord.directory;

/** How large the directory is. */
public record DirectoryCounts(long units, long people, long liaisons) {}
