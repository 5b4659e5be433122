/**
 * The web shell: the layout every page shares, the home page, and error pages in Chinese.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"security", "directory", "calendar", "notify"})
package org.accord.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
