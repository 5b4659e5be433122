/**
 * Meetings (办会): a meeting is a matter. Notices that carry the leader's intent, positions collected per agenda
 * item beforehand, cooperation requests to office sections, receipts with substitutes, sign-in, and the
 * decisions that start the minutes or become measures.
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
package org.accord.meetings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
