/**
 * Who may sign in and as what: accounts, roles and the sign-in page.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "directory")
package org.accord.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
