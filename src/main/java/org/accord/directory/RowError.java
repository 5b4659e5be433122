package org.accord.directory;

/** A problem with one row of a directory file, as a message key and its arguments. */
record RowError(String sheet, int line, String column, String messageKey, Object... arguments) {}
