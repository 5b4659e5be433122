package org.accord.directory;

import org.jspecify.annotations.Nullable;

/** A person as other modules see it. */
public record PersonSummary(
        long id,
        String code,
        String name,
        long unitId,
        @Nullable String position,
        @Nullable LeaderTitle leaderTitle,
        @Nullable String phone,
        @Nullable String mobile,
        @Nullable String email,
        boolean liaison,
        boolean active) {

    public boolean isLeader() {
        return leaderTitle != null;
    }
}
