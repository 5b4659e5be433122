package org.accord.review;

import org.accord.security.DataScope;
import org.springframework.stereotype.Component;

/**
 * Who may see and edit which summary: a unit's summaries whoever's scope covers the unit (the office, the leader the
 * unit is routed to, its liaisons); a person's summaries that person and the office. The text may be edited by the
 * office and by the summary's owner: the person, or a liaison of the unit.
 */
@Component
class SummaryAccess {

    boolean sees(DataScope scope, Summary.Subject subject, long subjectId) {
        return switch (subject) {
            case UNIT -> scope.coversUnit(subjectId);
            case PERSON -> scope.kind() == DataScope.Kind.OFFICE || own(scope, subjectId);
        };
    }

    boolean mayEdit(DataScope scope, Summary summary) {
        if (scope.kind() == DataScope.Kind.OFFICE) {
            return true;
        }
        return switch (summary.subject()) {
            case UNIT -> scope.kind() == DataScope.Kind.UNIT && scope.coversUnit(summary.subjectId());
            case PERSON -> own(scope, summary.subjectId());
        };
    }

    private static boolean own(DataScope scope, long personId) {
        return scope.personId() != null && scope.personId() == personId;
    }
}
