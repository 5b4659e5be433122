/**
 * Looking back on the work: figures per kind of work, person, unit, category, district and period; dashboards
 * for the director, a leader and a unit with drill-down to the items; weekly and monthly reviews; unit profiles.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "directory",
            "calendar",
            "security",
            "audit",
            "coordination",
            "supervision",
            "cases",
            "meetings",
            "duty",
            "documents"
        })
package org.accord.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
