/**
 * Information work: situation requests to units with a form, a deadline, reminders and an aggregate; briefs
 * and suggestions to leaders, read, commented and instructed on; and the leaders' current concerns.
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
package org.accord.information;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
