/**
 * Who may sign in and as what: accounts, roles, the three administrators' separate duties, passwords,
 * lockout, the second factor (TOTP) and the sign-in pages.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"directory", "audit", "notify"})
package org.accord.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
