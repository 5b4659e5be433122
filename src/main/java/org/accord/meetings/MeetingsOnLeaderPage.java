package org.accord.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.accord.coordination.LeaderPageSection;
import org.springframework.stereotype.Component;

/**
 * The meetings the signed-in leader is to chair, each with what the units said beforehand: where departments
 * disagree (important ones named first), so he knows before he walks in.
 */
@Component
class MeetingsOnLeaderPage implements LeaderPageSection.Source {

    private final MeetingDesk desk;

    MeetingsOnLeaderPage(MeetingDesk desk) {
        this.desk = desk;
    }

    @Override
    public LeaderPageSection forCurrentLeader() {
        List<LeaderPageSection.Item> items = new ArrayList<>();
        for (MeetingDesk.Briefing briefing : desk.toChair()) {
            Meeting meeting = briefing.meeting();
            List<String> lines = new ArrayList<>();
            for (ItemConsensus item : briefing.consensus()) {
                if (item.divergent()) {
                    String units = item.dissents().stream()
                            .map(dissent -> dissent.important()
                                    ? desk.text("meetings.brief.importantUnit", dissent.unit())
                                    : dissent.unit())
                            .collect(Collectors.joining("、"));
                    lines.add(desk.text(
                            "meetings.leader.divergence",
                            item.item().number(),
                            item.item().title(),
                            units));
                }
            }
            String detail = desk.when(meeting) + " " + meeting.place() + "。"
                    + (lines.isEmpty()
                            ? desk.text(
                                    briefing.consensus().stream().anyMatch(ItemConsensus::asked)
                                            ? "meetings.leader.noDivergence"
                                            : "meetings.leader.notConsulted")
                            : String.join("；", lines));
            String title =
                    (briefing.importantDivergence() ? desk.text("meetings.leader.warning") : "") + meeting.title();
            items.add(new LeaderPageSection.Item(
                    title, detail, "/meetings/" + meeting.id() + "/brief", null, "meetings.brief.open"));
        }
        return new LeaderPageSection("meetings.leader.heading", "meetings.leader.empty", items);
    }
}
