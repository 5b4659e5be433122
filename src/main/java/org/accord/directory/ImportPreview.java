package org.accord.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import would do, shown before anything changes: the errors that stop it, or the counts
 * of what it adds, changes and deactivates.
 */
record ImportPreview(
        @Nullable Long importId,
        ImportMode mode,
        List<RowError> errors,
        Counts units,
        Counts people,
        List<String> samples) {

    record Counts(int added, int changed, int unchanged, int deactivated) {

        public int total() {
            return added + changed + unchanged;
        }
    }

    static ImportPreview rejected(ImportMode mode, List<RowError> errors) {
        Counts none = new Counts(0, 0, 0, 0);
        return new ImportPreview(null, mode, errors, none, none, List.of());
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
