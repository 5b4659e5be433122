package org.accord.directory;

import java.util.Optional;

/**
 * Who is looking at the directory's pages. The security module supplies the implementation; the
 * directory only asks whether the viewer is confined to one unit (a liaison is: they see their
 * own unit, the general office and the leaders, and nothing of other units).
 */
public interface DirectoryViewers {

    /** The unit the current viewer is confined to, or empty when they may see the whole directory. */
    Optional<Long> confinedTo();
}
