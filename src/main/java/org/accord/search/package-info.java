/**
 * Full-text search over the office's work in Chinese: an index that follows every change, answers only what the
 * signed-in account may see, and can be rebuilt from the database.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"directory", "security", "audit"})
package org.accord.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
