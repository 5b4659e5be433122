/**
 * Duty desk (值班): the roster, emergency reports taken at once and verified beside the report clocks, leaders
 * and units notified in parallel with acknowledgment tracking, instructions relayed, written reports and
 * CAP 1.2 alerts.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "directory",
            "calendar",
            "security",
            "audit",
            "notify",
            "coordination",
            "supervision",
            "search"
        })
package org.accord.duty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
