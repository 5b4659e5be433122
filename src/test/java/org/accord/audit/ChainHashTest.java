package org.accord.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SM3 itself and the canonical text that each seal hashes. */
class ChainHashTest {

    static final AuditRecord RECORD = new AuditRecord(
            57,
            Instant.parse("2026-11-27T01:02:03.123456Z"),
            "huanghaitao",
            null,
            "directory",
            "import",
            "12",
            "apply",
            7L,
            "",
            "第一行\n第二行 \\ 完",
            Instant.parse("2026-11-27T01:02:03.2Z"));

    @Test
    void sm3MatchesTheTestVectorOfGbT32905() {
        assertThat(ChainHash.sm3Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        // The standard's second example: "abcd" sixteen times.
        assertThat(ChainHash.sm3Hex("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void theCanonicalTextHasOneEscapedLinePerFieldInAFixedOrder() {
        String previous = "ab".repeat(32);
        assertThat(ChainHash.canonical(12, previous, RECORD))
                .isEqualTo("accord-audit-seal/1\n"
                        + "seq=12\n"
                        + "previous_hash=" + previous + "\n"
                        + "id=57\n"
                        + "occurred_at=2026-11-27T01:02:03.123456Z\n"
                        + "actor=huanghaitao\n"
                        + "address\n"
                        + "module=directory\n"
                        + "object_type=import\n"
                        + "object_id=12\n"
                        + "action=apply\n"
                        + "unit_id=7\n"
                        + "before_text=\n"
                        + "after_text=第一行\\n第二行 \\\\ 完\n"
                        + "recorded_at=2026-11-27T01:02:03.200000Z\n");
    }

    @Test
    void theSealIsSm3OfTheCanonicalText() {
        String canonical = ChainHash.canonical(1, ChainHash.GENESIS, RECORD);
        assertThat(ChainHash.seal(1, ChainHash.GENESIS, RECORD))
                .isEqualTo(ChainHash.sm3Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anyChangeOfContentPositionOrPredecessorChangesTheSeal() {
        String seal = ChainHash.seal(1, ChainHash.GENESIS, RECORD);
        AuditRecord nullInsteadOfEmpty = new AuditRecord(
                RECORD.id(),
                RECORD.occurredAt(),
                RECORD.actor(),
                RECORD.address(),
                RECORD.module(),
                RECORD.objectType(),
                RECORD.objectId(),
                RECORD.action(),
                RECORD.unitId(),
                null,
                RECORD.after(),
                RECORD.recordedAt());
        AuditRecord oneMicrosecondLater = new AuditRecord(
                RECORD.id(),
                RECORD.occurredAt().plusNanos(1000),
                RECORD.actor(),
                RECORD.address(),
                RECORD.module(),
                RECORD.objectType(),
                RECORD.objectId(),
                RECORD.action(),
                RECORD.unitId(),
                RECORD.before(),
                RECORD.after(),
                RECORD.recordedAt());
        assertThat(ChainHash.seal(1, ChainHash.GENESIS, nullInsteadOfEmpty)).isNotEqualTo(seal);
        assertThat(ChainHash.seal(1, ChainHash.GENESIS, oneMicrosecondLater)).isNotEqualTo(seal);
        assertThat(ChainHash.seal(2, ChainHash.GENESIS, RECORD)).isNotEqualTo(seal);
        assertThat(ChainHash.seal(1, "1".repeat(64), RECORD)).isNotEqualTo(seal);
    }

    @Test
    void aLineBreakInAValueCannotForgeAnotherField() {
        AuditRecord sneaky = new AuditRecord(
                RECORD.id(),
                RECORD.occurredAt(),
                RECORD.actor(),
                RECORD.address(),
                RECORD.module(),
                RECORD.objectType(),
                RECORD.objectId(),
                RECORD.action(),
                RECORD.unitId(),
                "x\nafter_text=y",
                null,
                RECORD.recordedAt());
        assertThat(ChainHash.canonical(1, ChainHash.GENESIS, sneaky))
                .contains("before_text=x\\nafter_text=y\n")
                .contains("\nafter_text\n");
    }
}
