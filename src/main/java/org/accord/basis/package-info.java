/**
 * The basis finder: while a coordinator writes to units, the leader instructions, meeting decisions and issued
 * documents that bear on it, and the basis cited, shown to the recipients.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"directory", "security", "audit", "search"})
package org.accord.basis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
