package org.accord.notify;

import org.jspecify.annotations.Nullable;

/**
 * A signed-in principal as the notify module sees it: the directory person it stands for, if any.
 * The security principal implements it, so notify's pages find the current person without
 * depending on the security module.
 */
public interface Recipient {

    /** The directory person of the signed-in account, or {@code null} for accounts without one. */
    @Nullable
    Long personId();
}
