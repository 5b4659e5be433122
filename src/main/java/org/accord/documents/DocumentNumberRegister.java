package org.accord.documents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.accord.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out document numbers from a counter row per issuer code and year. The counter row is locked
 * ({@code SELECT … FOR UPDATE}) for the rest of the caller's transaction, so concurrent issuers of the same
 * code queue on it; the counter and the record of the number commit or roll back together, which is why
 * neither a duplicate nor a gap can appear. See docs/document-numbers.md.
 */
@Service
class DocumentNumberRegister implements DocumentNumbers {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DocumentNumberRegister(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional
    public int allocate(String issuerCode, int year, long documentId) {
        String code = checkedCode(issuerCode);
        checkYear(year);
        // Creating the counter is idempotent and takes no number, so two first issuers may both try it.
        jdbc.sql("INSERT INTO document_number_counter (issuer_code, number_year, last_sequence)"
                        + " VALUES (:code, :year, 0) ON CONFLICT DO NOTHING")
                .param("code", code)
                .param("year", year)
                .update();
        int last = jdbc.sql("SELECT last_sequence FROM document_number_counter"
                        + " WHERE issuer_code = :code AND number_year = :year FOR UPDATE")
                .param("code", code)
                .param("year", year)
                .query(Integer.class)
                .single();
        int sequence = last + 1;
        jdbc.sql("UPDATE document_number_counter SET last_sequence = :sequence"
                        + " WHERE issuer_code = :code AND number_year = :year")
                .param("sequence", sequence)
                .param("code", code)
                .param("year", year)
                .update();
        jdbc.sql(
                        "INSERT INTO document_number (issuer_code, number_year, sequence, document_id, status,"
                                + " allocated_by, allocated_at) VALUES (:code, :year, :sequence, :document, 'ISSUED', :by, :at)")
                .param("code", code)
                .param("year", year)
                .param("sequence", sequence)
                .param("document", documentId)
                .param("by", actor())
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        String printed = DocumentNumbers.format(code, year, sequence);
        events.publishEvent(Audited.now(
                "documents", "document", String.valueOf(documentId), "number-allocated", null, null, printed));
        return sequence;
    }

    @Override
    @Transactional
    public void voidNumber(String issuerCode, int year, int sequence, String reason, String byWhom) {
        String code = checkedCode(issuerCode);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A voided number needs a reason");
        }
        int changed = jdbc.sql("UPDATE document_number SET status = 'VOIDED', void_reason = :reason,"
                        + " voided_by = :by, voided_at = :at"
                        + " WHERE issuer_code = :code AND number_year = :year AND sequence = :sequence"
                        + " AND status = 'ISSUED'")
                .param("reason", reason.strip())
                .param("by", byWhom)
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("code", code)
                .param("year", year)
                .param("sequence", sequence)
                .update();
        if (changed != 1) {
            throw new IllegalArgumentException(
                    "No issued number " + DocumentNumbers.format(code, year, sequence) + " to void");
        }
        events.publishEvent(Audited.now(
                "documents",
                "document-number",
                DocumentNumbers.format(code, year, sequence),
                "number-voided",
                null,
                "ISSUED",
                "VOIDED: " + reason.strip()));
    }

    private static String checkedCode(String issuerCode) {
        if (issuerCode == null || issuerCode.isBlank() || issuerCode.strip().length() > 60) {
            throw new IllegalArgumentException("An issuer code of 1 to 60 characters is needed");
        }
        return issuerCode.strip();
    }

    private static void checkYear(int year) {
        if (year < 1949 || year > 9999) {
            throw new IllegalArgumentException("Not a plausible year for a document number: " + year);
        }
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }
}
