/**
 * The working-day calendar (weekends, official holidays, make-up working days) and the deadline
 * arithmetic every other module uses through {@link org.accord.calendar.WorkingCalendar}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "audit")
package org.accord.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
