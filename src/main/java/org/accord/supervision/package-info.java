/**
 * Supervision (督办): every measure, delegated task or case share becomes a supervised task with a
 * lead unit, cooperating units and a deadline, followed by progress reports, completion with
 * evidence and the office's review, with reminders, overdue notices and escalation on timers.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {"directory", "calendar", "security", "audit", "notify", "coordination", "basis"})
package org.accord.supervision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
