/**
 * Documents (办文): official documents and minutes drafted in consultation rounds, checked against the rules
 * for official documents, signed off, numbered without gaps, issued in the national layout; and incoming
 * documents registered, routed and answered.
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
            "meetings",
            "search",
            "basis"
        })
package org.accord.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
