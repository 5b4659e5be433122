package org.accord.directory;

/** How an imported directory meets the one in place. */
enum ImportMode {
    /** Add new units and people, update those with the same code, leave the rest as they are. */
    MERGE,
    /** The file becomes the directory: units and people missing from it are deactivated (never deleted). */
    REPLACE
}
