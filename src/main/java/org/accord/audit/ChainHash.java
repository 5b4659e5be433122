package org.accord.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;

/**
 * The hash of one seal: SM3 (GB/T 32905) over the canonical text of the seal's position, the previous
 * seal's hash and the record's content. The canonical text is plain UTF-8, one {@code key=value} line per
 * field in a fixed order, so an auditor can recompute a hash with any SM3 tool (e.g. {@code gmssl sm3}):
 *
 * <pre>
 * accord-audit-seal/1
 * seq=12
 * previous_hash=9f3c…
 * id=57
 * occurred_at=2026-11-27T01:02:03.123456Z
 * actor=huanghaitao
 * address               (null: the key alone, without '=')
 * module=directory
 * …
 * recorded_at=2026-11-27T01:02:03.200000Z
 * </pre>
 *
 * <p>In values a backslash is written {@code \\}, a line feed {@code \n} and a carriage return {@code \r},
 * so every field is exactly one line; times are UTC with six fraction digits; every line ends with a line
 * feed.
 */
final class ChainHash {

    /** The previous hash of seal 1: 32 zero bytes. */
    static final String GENESIS = "0".repeat(64);

    static final String VERSION = "accord-audit-seal/1";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {}

    /** The text that seal {@code seq} hashes. */
    static String canonical(long seq, String previousHash, AuditRecord record) {
        StringBuilder text = new StringBuilder(256).append(VERSION).append('\n');
        line(text, "seq", Long.toString(seq));
        line(text, "previous_hash", previousHash);
        line(text, "id", Long.toString(record.id()));
        line(text, "occurred_at", time(record.occurredAt()));
        line(text, "actor", record.actor());
        line(text, "address", record.address());
        line(text, "module", record.module());
        line(text, "object_type", record.objectType());
        line(text, "object_id", record.objectId());
        line(text, "action", record.action());
        line(text, "unit_id", record.unitId() == null ? null : record.unitId().toString());
        line(text, "before_text", record.before());
        line(text, "after_text", record.after());
        line(text, "recorded_at", time(record.recordedAt()));
        return text.toString();
    }

    /** The hash of seal {@code seq}: lower-case hex of SM3 over {@link #canonical}. */
    static String seal(long seq, String previousHash, AuditRecord record) {
        return sm3Hex(canonical(seq, previousHash, record).getBytes(StandardCharsets.UTF_8));
    }

    static String sm3Hex(byte[] input) {
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** The precision the database keeps: microseconds. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static void line(StringBuilder text, String key, @Nullable String value) {
        text.append(key);
        if (value != null) {
            text.append('=');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
        text.append('\n');
    }
}
