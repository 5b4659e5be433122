package org.accord.documents;

import org.jspecify.annotations.Nullable;

/**
 * Where a quoted passage stands in a later version: found again by its words, at the occurrence nearest
 * to where it stood; or orphaned (原文已变) when the words are gone.
 *
 * @param start where the passage begins in the later version, or -1 when orphaned
 */
record Anchor(int start, int length) {

    static Anchor find(String text, String quote, @Nullable Integer formerStart) {
        int best = -1;
        int from = 0;
        int wanted = formerStart == null ? 0 : formerStart;
        while (!quote.isEmpty()) {
            int at = text.indexOf(quote, from);
            if (at < 0) {
                break;
            }
            if (best < 0 || Math.abs(at - wanted) < Math.abs(best - wanted)) {
                best = at;
            }
            from = at + 1;
        }
        return new Anchor(best, quote.length());
    }

    public boolean orphaned() {
        return start < 0;
    }
}
