package org.accord.duty;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.duty.Rows.ToNotify;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.springframework.stereotype.Component;

/**
 * Tells leaders and units about an incident in one go, inside the caller's transaction: the acknowledgment rows
 * in one batched insert, one urgent notice to the leaders (their inbox, their open pages, SMS) and one to the
 * units' liaisons, and a live message to every duty desk screen.
 */
@Component
class Fanout {

    static final String NOTICE_KIND = "duty.incident";
    static final String LIVE_TOPIC = "duty";

    private final Incidents incidents;
    private final Directory directory;
    private final Notifications notifications;

    Fanout(Incidents incidents, Directory directory, Notifications notifications) {
        this.incidents = incidents;
        this.directory = directory;
        this.notifications = notifications;
    }

    void tell(Incident incident, List<ToNotify> rows, String title, String body, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        incidents.insertNotifications(incident.id(), rows, at);
        Set<Long> leaders = new LinkedHashSet<>();
        Set<Long> liaisons = new LinkedHashSet<>();
        for (ToNotify row : rows) {
            if (row.personId() != null) {
                leaders.add(row.personId());
            }
            if (row.unitId() != null) {
                directory.liaisons(row.unitId()).stream().map(PersonSummary::id).forEach(liaisons::add);
            }
        }
        if (!leaders.isEmpty()) {
            notifications.send(Notice.urgent(leaders, NOTICE_KIND, title, body, "/duty/incidents/" + incident.id()));
        }
        liaisons.removeAll(leaders);
        if (!liaisons.isEmpty()) {
            notifications.send(Notice.urgent(liaisons, NOTICE_KIND, title, body, "/duty/acks"));
        }
        changed(incident.id(), "notified");
    }

    /** Tells the open duty desk screens that an incident changed; they fetch what they show again. */
    void changed(long incidentId, String event) {
        notifications.publishLiveToAll(LIVE_TOPIC, Map.of("incident", incidentId, "event", event));
    }
}
