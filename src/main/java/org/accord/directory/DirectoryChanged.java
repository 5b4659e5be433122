package org.accord.directory;

/** Published after an import has changed the directory. */
public record DirectoryChanged(int units, int people) {}
