package org.accord.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * The append-only guard of the audit tables on H2, which only has Java triggers; PostgreSQL has the
 * same guard as a PL/pgSQL trigger ({@code db/vendor/postgresql}). The H2 migration
 * ({@code db/vendor/h2/V202611270002__audit_append_only.sql}) attaches it to {@code audit_record}
 * and {@code audit_seal}.
 */
public final class H2AppendOnlyTrigger implements Trigger {

    /** The name H2's {@code CREATE TRIGGER ... CALL} refers to. */
    public static final String NAME = "org.accord.audit.internal.H2AppendOnlyTrigger";

    @Override
    public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow)
            throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        // SQLSTATE 42501 (insufficient privilege), as the PostgreSQL trigger reports it.
        throw new SQLException("The audit trail is append-only: " + operation + " is refused", "42501");
    }
}
