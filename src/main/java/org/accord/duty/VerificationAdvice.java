package org.accord.duty;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a report should be verified, and why: the reporter is not an authoritative unit (a resident, or a
 * unit the directory does not mark 法定权威单位), the officer marked doubtful points, or the text hedges.
 *
 * @param notAuthoritative the reporter's unit is not authoritative, or there is no unit
 * @param doubtful the officer marked doubtful points
 * @param hedges the hedging words found in the report's text, in the order of the configured list
 */
record VerificationAdvice(boolean notAuthoritative, boolean doubtful, List<String> hedges) {

    VerificationAdvice {
        hedges = List.copyOf(hedges);
    }

    static VerificationAdvice of(
            List<String> hedgingWords,
            boolean reporterAuthoritative,
            @Nullable String doubtfulPoints,
            String... texts) {
        String all = String.join("\n", texts);
        List<String> found = new ArrayList<>();
        for (String word : hedgingWords) {
            String clean = word.strip();
            if (!clean.isEmpty() && all.contains(clean) && !found.contains(clean)) {
                found.add(clean);
            }
        }
        return new VerificationAdvice(
                !reporterAuthoritative, doubtfulPoints != null && !doubtfulPoints.isBlank(), found);
    }

    boolean advised() {
        return notAuthoritative || doubtful || !hedges.isEmpty();
    }
}
