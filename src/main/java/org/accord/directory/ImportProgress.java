package org.accord.directory;

import org.jspecify.annotations.Nullable;

/** How far the applying of an import has come; the page polls it. */
record ImportProgress(
        long importId,
        String status,
        int totalRows,
        int doneRows,
        @Nullable String message) {

    static final String STAGED = "STAGED";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    public int percent() {
        return totalRows == 0 ? 100 : Math.min(100, doneRows * 100 / totalRows);
    }

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status);
    }
}
