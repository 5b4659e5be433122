package org.accord.duty;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.accord.duty.Rows.Report;
import org.jspecify.annotations.Nullable;

/**
 * Writes OASIS CAP 1.2 messages (urn:oasis:names:tc:emergency:cap:1.2) for an incident's reports: the first
 * report is an Alert, later ones Updates referencing every earlier report, a correcting final report (the event
 * was found false) a Cancel. The mapping is in docs/duty.md.
 */
final class CapMessages {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    /** CAP wants seconds and a numeric offset, never "Z". */
    static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    /** What goes into one message besides the incident. */
    record Content(
            String identifier,
            Instant sent,
            String msgType,
            List<String> references,
            String certainty,
            String headline,
            String description,
            @Nullable String instruction,
            String area,
            String note) {}

    private final String sender;
    private final String senderName;
    private final String restriction;
    private final ZoneId zone;

    CapMessages(String sender, String senderName, String restriction, ZoneId zone) {
        this.sender = sender;
        this.senderName = senderName;
        this.restriction = restriction;
        this.zone = zone;
    }

    String identifier(Incident incident, int number) {
        return "ACCORD-DUTY-" + incident.id() + "-" + number;
    }

    /** The {@code sender,identifier,sent} triple another message references this one by. */
    String reference(Incident incident, Report report) {
        Instant sent = report.submittedAt() == null ? report.createdAt() : report.submittedAt();
        return sender + "," + identifier(incident, report.number()) + "," + time(sent);
    }

    /** The message type of a report: Alert for the first, Cancel for a correction of what went up, else Update. */
    static String msgType(Report report, boolean anyEarlier) {
        if (!anyEarlier) {
            return "Alert";
        }
        return report.correcting() ? "Cancel" : "Update";
    }

    String write(Incident incident, Content content) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "alert");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "identifier", content.identifier());
            element(xml, "sender", sender);
            element(xml, "sent", time(content.sent()));
            element(xml, "status", incident.drill() ? "Exercise" : "Actual");
            element(xml, "msgType", content.msgType());
            element(xml, "scope", "Restricted");
            element(xml, "restriction", restriction);
            element(xml, "note", content.note());
            if (!content.references().isEmpty()) {
                element(xml, "references", String.join(" ", content.references()));
            }
            element(xml, "incidents", "ACCORD-DUTY-" + incident.id());
            xml.writeStartElement(NAMESPACE, "info");
            element(xml, "language", "zh-CN");
            element(xml, "category", incident.eventClass().capCategory(incident.eventType()));
            element(xml, "event", incident.eventType());
            element(xml, "urgency", incident.level().capUrgency());
            element(xml, "severity", incident.level().capSeverity());
            element(xml, "certainty", content.certainty());
            element(xml, "onset", time(incident.receivedAt()));
            element(xml, "senderName", senderName);
            element(xml, "headline", content.headline());
            element(xml, "description", content.description());
            if (content.instruction() != null && !content.instruction().isBlank()) {
                element(xml, "instruction", content.instruction());
            }
            xml.writeStartElement(NAMESPACE, "parameter");
            element(xml, "valueName", "level");
            element(xml, "value", incident.level().name());
            xml.writeEndElement();
            xml.writeStartElement(NAMESPACE, "parameter");
            element(xml, "valueName", "verification");
            element(xml, "value", incident.verification().name());
            xml.writeEndElement();
            xml.writeStartElement(NAMESPACE, "area");
            element(xml, "areaDesc", content.area());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("CAP message not written", e);
        }
    }

    String time(Instant at) {
        return CAP_TIME.format(at.atZone(zone));
    }

    private static void element(XMLStreamWriter xml, String name, @Nullable String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
