package org.accord.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** {@code TIMESTAMP WITH TIME ZONE} to and from {@link Instant}, the same way on H2 and PostgreSQL. */
final class Timestamps {

    private Timestamps() {}

    static OffsetDateTime param(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant readRequired(ResultSet rs, String column) throws SQLException {
        Instant value = read(rs, column);
        if (value == null) {
            throw new SQLException("Column " + column + " is null");
        }
        return value;
    }
}
