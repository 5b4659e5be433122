/**
 * The coordination kernel: matters, their parties and the direction of every message to them, the
 * timeline, consensus on points across consultation rounds, escalation and rulings, and the
 * operable measures that come out of a matter.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"directory", "calendar", "security", "audit", "notify", "search"})
package org.accord.coordination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
