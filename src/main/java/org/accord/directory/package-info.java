/**
 * The organisation directory: units in one tree, people and liaisons, which leader oversees which
 * unit, which units are authoritative, and the direction of a message between any two of them.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "audit")
package org.accord.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
