package org.accord.coordination;

import org.accord.directory.Direction;
import org.jspecify.annotations.Nullable;

/** A unit or a person taking part in a matter, with the direction of messages to it. */
public record MatterParty(
        long id, @Nullable Long unitId, @Nullable Long personId, PartyRole role, Direction direction, String name) {

    public boolean isUnit() {
        return unitId != null;
    }
}
