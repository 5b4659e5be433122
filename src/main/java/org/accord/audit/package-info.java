/**
 * The append-only, tamper-evident audit trail: every state change, sign-in and permission change,
 * sealed into an SM3 hash chain, and the auditor's view of it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package org.accord.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
