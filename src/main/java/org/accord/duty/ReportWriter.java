package org.accord.duty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.accord.duty.Rows.Arrangement;
import org.accord.duty.Rows.Instruction;
import org.accord.duty.Rows.LogEntry;
import org.accord.duty.Rows.Notified;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Writes a report from the record, with the standard elements (time, place, source, cause and nature, course,
 * consequences, scope, trend, measures taken, leaders present, next steps, contact on site); the officer edits
 * it before it goes up. A follow-up also states what changed since the last report went up.
 */
final class ReportWriter {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss", Locale.CHINA);

    private final MessageSource messages;
    private final ZoneId zone;

    ReportWriter(MessageSource messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** What the report is written from. */
    record Record(
            Incident incident,
            @Nullable String reporterUnit,
            @Nullable String scope,
            List<Notified> notified,
            List<Instruction> instructions,
            List<Arrangement> arrangements,
            Function<Long, String> personName,
            Function<Long, String> unitName) {}

    String body(ReportKind kind, int number, boolean correcting, Record record) {
        Incident incident = record.incident();
        StringBuilder text = new StringBuilder();
        if (incident.drill()) {
            text.append(t("duty.drill.prefix"));
        }
        text.append(t("duty.report.heading." + kind.name(), number))
                .append(incident.title())
                .append('\n');
        text.append(t("duty.report.verificationLine", t(incident.verification().messageKey())))
                .append("\n\n");
        if (correcting) {
            text.append(t("duty.report.correcting")).append("\n\n");
        }
        element(text, "time", TIME.format(incident.receivedAt().atZone(zone)));
        element(text, "place", incident.place());
        String source = (record.reporterUnit() == null ? "" : record.reporterUnit() + " ")
                + incident.reporterName()
                + (incident.reporterPosition() == null ? "" : "（" + incident.reporterPosition() + "）")
                + "，" + t(incident.intakeChannel().messageKey());
        element(text, "source", source);
        element(
                text,
                "nature",
                t(incident.eventClass().messageKey()) + "·" + incident.eventType() + "，"
                        + t("duty.report.preliminaryLevel", t(incident.level().messageKey())));
        element(text, "course", incident.what());
        element(
                text,
                "consequences",
                t("duty.report.casualties", incident.deaths(), incident.injured(), incident.missing()));
        element(text, "scope", record.scope() == null ? t("duty.report.toBeAdded") : record.scope());
        element(text, "trend", t("duty.report.toBeAdded"));
        String measures = joinLines(
                incident.measuresTaken(),
                record.arrangements().stream()
                        .map(a -> record.unitName().apply(a.unitId()) + "：" + a.what())
                        .collect(Collectors.joining("；")));
        element(text, "measures", measures.isBlank() ? t("duty.report.toBeAdded") : measures);
        String leaders = record.notified().stream()
                .filter(row -> row.kind().leader() && row.acknowledged())
                .map(Notified::name)
                .collect(Collectors.joining("、"));
        element(text, "leaders", leaders.isBlank() ? t("duty.report.toBeAdded") : leaders);
        String next = record.instructions().stream()
                .map(i -> record.personName().apply(i.leaderId()) + t("duty.report.instructed") + i.text())
                .collect(Collectors.joining("；"));
        element(text, "next", next.isBlank() ? t("duty.report.toBeAdded") : next);
        String contact =
                incident.reporterName() + (incident.reporterPhone() == null ? "" : " " + incident.reporterPhone());
        element(text, "contact", contact);
        return text.toString();
    }

    /** What changed since the last report went up: conditions, actions (from the duty log), needs. */
    String changes(List<LogEntry> since) {
        String actions = since.stream()
                .map(entry -> TIME.format(entry.at().atZone(zone)) + " " + entry.text())
                .collect(Collectors.joining("\n"));
        return t("duty.report.changes.conditions") + t("duty.report.toBeAdded") + "\n"
                + t("duty.report.changes.actions") + (actions.isBlank() ? t("duty.report.none") : "\n" + actions)
                + "\n" + t("duty.report.changes.needs") + t("duty.report.toBeAdded");
    }

    private void element(StringBuilder text, String key, String value) {
        text.append(t("duty.report.element." + key)).append("：").append(value).append('\n');
    }

    private static String joinLines(@Nullable String a, String b) {
        String first = a == null ? "" : a.strip();
        if (first.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? first : first + "；" + b;
    }

    static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
