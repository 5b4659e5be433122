package org.accord.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A meeting was held and its organiser recorded the outcome of each agenda item. When minutes are wanted,
 * the documents module starts a draft of minutes from it and the decisions become measures when the
 * minutes are issued; otherwise the meetings module adopts the decisions as measures itself.
 *
 * @param meetingId the meeting
 * @param matterId the kernel matter the meeting is
 * @param title the meeting's title
 * @param kind the kind's name as shown (常务会议, 专题会议, 协调会 …)
 * @param chairPersonId the chairing leader
 * @param organiserPersonId the staff member who organised it (becomes the drafter of the minutes)
 * @param start when it began
 * @param place where it was held
 * @param present who attended, as "unit name 姓名 职务"
 * @param absent who was excused or absent, the same way
 * @param attendingAsObservers who attended without a vote (列席)
 * @param items each agenda item with its outcome and its decisions
 * @param minutesWanted whether minutes are to be drafted
 */
public record MeetingConcluded(
        long meetingId,
        long matterId,
        String title,
        String kind,
        long chairPersonId,
        long organiserPersonId,
        LocalDateTime start,
        String place,
        List<String> present,
        List<String> absent,
        List<String> attendingAsObservers,
        List<Item> items,
        boolean minutesWanted) {

    /** One agenda item as it ended. */
    public record Item(int number, String title, String outcome, List<Decision> decisions) {}

    /** A decision (议定事项) with the unit that leads it, the units that help, and its deadline. */
    public record Decision(
            String text,
            @Nullable Long leadUnitId,
            List<Long> cooperatingUnitIds,
            @Nullable LocalDate deadline) {}
}
