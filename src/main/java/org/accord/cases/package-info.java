/**
 * Hotline cases (办事): intake by phone, web form and Open311, dispatch to lead and cooperating units by the
 * dispatch catalogue, the units' sign-for, return, extension and reply, the office's review and return
 * visit, reopening, merging and supervision of what is overdue.
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
            "search",
            "basis"
        })
package org.accord.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
