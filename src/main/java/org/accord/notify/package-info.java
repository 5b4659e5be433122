/**
 * Notifications: each person's inbox, real-time push to open pages (server-sent events), and
 * e-mail and SMS delivered from a persistent queue with retries, by each person's preferences.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"directory", "audit"})
package org.accord.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
