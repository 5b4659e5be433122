package org.accord.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A meeting over HTTP as the office runs it: planned with the leader's intent, conflicts refused or warned, the
 * units' positions collected per agenda item with the divergence flagged, cooperation requested, the notice sent
 * and its invitation parsed back, receipts with a substitute and a declining unit, sign-in by list and by code,
 * and the outcome that becomes measures or starts the minutes.
 */
@IntegrationTest
@RecordApplicationEvents
class MeetingsIntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    MockHttpSession staff;
    MockHttpSession otherStaff;
    MockHttpSession chen;
    MockHttpSession zjj;
    MockHttpSession slj;
    MockHttpSession cgj;
    long zjjId;
    long sljId;
    long cgjId;
    long chenId;
    long liuId;

    @BeforeEach
    void signIn() throws Exception {
        staff = SignIn.as(mvc, "huanghaitao");
        otherStaff = SignIn.as(mvc, "xiongyongqiang");
        chen = SignIn.as(mvc, "chenzhihua");
        zjj = SignIn.as(mvc, "weilijuan");
        slj = SignIn.as(mvc, "yuanying");
        cgj = SignIn.as(mvc, "panlei");
        zjjId = unit("ZJJ");
        sljId = unit("SLJ");
        cgjId = unit("CGJ");
        chenId = person("P0003");
        liuId = person("P0004");
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    long person(String code) {
        return directory.personByCode(code).orElseThrow().id();
    }

    long room(String code) {
        return jdbc.queryForObject("SELECT id FROM meetings_room WHERE code = ?", Long.class, code);
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, MockHttpSession session) {
        return request.session(session).with(csrf());
    }

    String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long create(
            MockHttpSession session, String title, long chair, Long roomId, LocalDate date, String start, String end)
            throws Exception {
        MockHttpServletRequestBuilder request = as(post("/meetings"), session)
                .param("title", title)
                .param("kind", "THEMATIC")
                .param("chairPersonId", String.valueOf(chair))
                .param("date", date.toString())
                .param("start", start)
                .param("end", end)
                .param("background", "部分老旧小区改造项目进度滞后，群众反映强烈。")
                .param("purpose", "研究加快老旧小区改造的措施，明确各部门分工")
                .param("basis", "市政府第12次常务会议纪要");
        if (roomId != null) {
            request.param("roomId", String.valueOf(roomId));
        } else {
            request.param("place", "市住建局三楼会议室");
        }
        MvcResult result =
                mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        return Long.parseLong(result.getResponse().getRedirectedUrl().replace("/meetings/", ""));
    }

    void addUnit(long id, long unitId, String level, boolean important) throws Exception {
        mvc.perform(as(post("/meetings/{id}/units", id), staff)
                        .param("unitId", String.valueOf(unitId))
                        .param("level", level)
                        .param("important", String.valueOf(important)))
                .andExpect(status().is3xxRedirection());
    }

    void addItem(long id, String title) throws Exception {
        mvc.perform(as(post("/meetings/{id}/items", id), staff)
                        .param("title", title)
                        .param("presenter", "市住建局"))
                .andExpect(status().is3xxRedirection());
    }

    long matterOf(long id) {
        return jdbc.queryForObject("SELECT matter_id FROM meetings_meeting WHERE id = ?", Long.class, id);
    }

    List<Long> points(long id) {
        return jdbc.queryForList(
                "SELECT point_id FROM meetings_agenda_item WHERE meeting_id = ? ORDER BY number", Long.class, id);
    }

    long openRound(long matterId) {
        return jdbc.queryForObject(
                "SELECT id FROM coordination_round WHERE matter_id = ? AND status = 'OPEN'", Long.class, matterId);
    }

    void position(MockHttpSession liaison, long matterId, long round, long point, String stance, String reason)
            throws Exception {
        MockHttpServletRequestBuilder request = as(post("/matters/{id}/positions", matterId), liaison)
                .param("roundId", String.valueOf(round))
                .param("pointId", String.valueOf(point))
                .param("stance", stance);
        if (reason != null) {
            request.param("reason", reason);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    /** Notices of a kind about one meeting in a person's inbox. */
    int inbox(long personId, String kind, long meetingId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM notify_inbox WHERE person_id = ? AND kind = ? AND (link = ? OR link LIKE ?)",
                Integer.class,
                personId,
                kind,
                "/meetings/" + meetingId,
                "/meetings/" + meetingId + "/%");
    }

    LocalDate workingDayAhead(int days) {
        return calendar.addWorkingDays(calendar.dateOf(Instant.now()), days);
    }

    @Test
    void aMeetingFromPlanToSignIn() throws Exception {
        LocalDate day = workingDayAhead(12);
        long id = create(staff, "老旧小区改造推进专题会议", chenId, room("SZF-HYS1"), day, "09:00", "10:30");
        addItem(id, "老旧小区改造资金筹措方案");
        addItem(id, "加装电梯审批流程简化");
        addUnit(id, zjjId, "PRINCIPAL", true);
        addUnit(id, sljId, "IN_CHARGE", false);
        addUnit(id, cgjId, "IN_CHARGE", false);

        // The meeting is a matter: chaired by the deciding leader, the units as parties.
        long matterId = matterOf(id);
        assertThat(jdbc.queryForObject("SELECT kind FROM coordination_matter WHERE id = ?", String.class, matterId))
                .isEqualTo("MEETING");
        assertThat(jdbc.queryForObject(
                        "SELECT deciding_leader_id FROM coordination_matter WHERE id = ?", Long.class, matterId))
                .isEqualTo(chenId);
        assertThat(jdbc.queryForList(
                        "SELECT unit_id FROM coordination_party WHERE matter_id = ? AND unit_id IS NOT NULL",
                        Long.class,
                        matterId))
                .containsExactlyInAnyOrder(zjjId, sljId, cgjId);
        // 主要负责同志 of 市住建局 is expected in person: its head.
        assertThat(page("/meetings/" + id, staff)).contains("顾子涵");

        // Pre-meeting consultation: one point per agenda item, one round asking the three units.
        mvc.perform(as(post("/meetings/{id}/consultation", id), staff).param("workingDays", "2"))
                .andExpect(status().is3xxRedirection());
        List<Long> points = points(id);
        assertThat(points).doesNotContainNull().hasSize(2);
        long round = openRound(matterId);
        position(zjj, matterId, round, points.get(0), "DISAGREE", "资金缺口应由市级财政兜底");
        position(slj, matterId, round, points.get(0), "AGREE", null);
        position(cgj, matterId, round, points.get(0), "AGREE", null);
        for (MockHttpSession liaison : List.of(zjj, slj, cgj)) {
            position(liaison, matterId, round, points.get(1), "AGREE", null);
        }

        String meetingPage = page("/meetings/" + id, staff);
        assertThat(meetingPage).contains("存在分歧", "重要部门有分歧", "资金缺口应由市级财政兜底", "意见一致");
        String preview = page("/meetings/" + id + "/notice", staff);
        assertThat(preview)
                .contains("关于召开老旧小区改造推进专题会议的通知")
                .contains("市住建局（重要部门）")
                .contains("研究加快老旧小区改造的措施")
                .contains("陈志华")
                .contains("市政府第一会议室");
        // The chairing leader sees the same on his page and in his brief.
        assertThat(page("/leader", chen)).contains("待主持的会议", "老旧小区改造推进专题会议", "重要部门有分歧", "市住建局（重要部门）");
        assertThat(page("/meetings/" + id + "/brief", chen)).contains("分歧点", "资金缺口应由市级财政兜底");
        mvc.perform(as(post("/meetings/{id}/consultation/close", id), staff)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList(
                        "SELECT status FROM coordination_point WHERE matter_id = ? ORDER BY id",
                        String.class,
                        matterId))
                .containsExactly("DIVIDED", "AGREED");
        assertThat(inbox(chenId, "meetings.divergence", id)).isEqualTo(1);
        assertThat(inbox(person("P0011"), "meetings.divergence", id)).isEqualTo(1);

        // Only the organiser plans; another staff member is refused and nothing changes.
        mvc.perform(as(post("/meetings/{id}/items", id), otherStaff).param("title", "插入议题"))
                .andExpect(status().isForbidden());
        assertThat(points(id)).hasSize(2);

        // A cooperation request to 会务科 becomes a supervised task due before the meeting.
        long hwk = unit("SZFB-HWK");
        mvc.perform(as(post("/meetings/{id}/cooperations", id), staff)
                        .param("sectionUnitId", String.valueOf(hwk))
                        .param("kind", "ROOM")
                        .param("detail", "按40人布置会场，准备席卡和投影"))
                .andExpect(status().is3xxRedirection());
        var task = jdbc.queryForMap(
                "SELECT t.source_kind, t.lead_unit_id, t.deadline FROM supervision_task t"
                        + " JOIN meetings_cooperation c ON c.task_id = t.id WHERE c.meeting_id = ?",
                id);
        assertThat(task.get("source_kind")).isEqualTo("COOPERATION");
        assertThat(((Number) task.get("lead_unit_id")).longValue()).isEqualTo(hwk);
        assertThat(((java.sql.Date) task.get("deadline")).toLocalDate()).isBefore(day);
        mvc.perform(as(post("/meetings/{id}/cooperations", id), staff)
                        .param("sectionUnitId", String.valueOf(hwk))
                        .param("kind", "CAR")
                        .param("detail", "用车")
                        .param("deadline", day.toString()))
                .andExpect(status().isConflict());

        // Receipts wait for the notice.
        mvc.perform(as(post("/meetings/{id}/receipt", id), zjj)
                        .param("level", "PRINCIPAL")
                        .param("personId", String.valueOf(person("P0074"))))
                .andExpect(status().isConflict());

        // The notice goes to the liaisons of each unit.
        long weilijuan = person("P0076");
        mvc.perform(as(post("/meetings/{id}/notice", id), staff)).andExpect(status().is3xxRedirection());
        assertThat(inbox(weilijuan, "meetings.notice", id)).isEqualTo(1);
        assertThat(inbox(person("P0088"), "meetings.notice", id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM meetings_meeting WHERE id = ?", String.class, id))
                .isEqualTo("NOTIFIED");
        assertThat(page("/meetings/" + id, zjj)).contains("本单位回执", "主要负责同志");

        // Receipts: 市住建局 sends its deputy instead of its head — a substitute the organiser must accept.
        mvc.perform(as(post("/meetings/{id}/receipt", id), zjj)
                        .param("personId", String.valueOf(person("P0075")))
                        .param("level", "IN_CHARGE"))
                .andExpect(status().is3xxRedirection());
        assertThat(inbox(person("P0011"), "meetings.receipt", id)).isEqualTo(1);
        String board = page("/meetings/" + id + "/receipts-board", staff);
        assertThat(board).contains("代会待确认", "张欣悦", "未回执");
        // 市水利局 declines: a reason is required.
        mvc.perform(as(post("/meetings/{id}/receipt", id), slj).param("attending", "false"))
                .andExpect(status().isBadRequest());
        mvc.perform(as(post("/meetings/{id}/receipt", id), slj)
                        .param("attending", "false")
                        .param("reason", "同一时间参加省水利厅防汛视频会"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as(post("/meetings/{id}/receipts/{u}/substitute", id, zjjId), otherStaff)
                        .param("accept", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(as(post("/meetings/{id}/receipts/{u}/substitute", id, zjjId), staff)
                        .param("accept", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(inbox(weilijuan, "meetings.substitute", id)).isEqualTo(1);
        board = page("/meetings/" + id + "/receipts-board", staff);
        assertThat(board).contains("代会（已同意）", "请假", "同一时间参加省水利厅防汛视频会");

        // The invitation: METHOD:REQUEST, the organiser, one attendee per liaison, the times; a change bumps SEQUENCE.
        Calendar ics = invitation(id, staff);
        assertThat(ics.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = ics.<VEvent>getComponent("VEVENT").orElseThrow();
        String uid = event.getProperty(Property.UID).orElseThrow().getValue();
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:"
                        + directory.person(person("P0011")).orElseThrow().email());
        List<String> attendees = event.getProperties(Property.ATTENDEE).stream()
                .map(Property::getValue)
                .sorted()
                .toList();
        List<String> liaisonMails = List.of(zjjId, sljId, cgjId).stream()
                .flatMap(unit -> directory.liaisons(unit).stream())
                .map(PersonSummary::email)
                .map(mail -> "mailto:" + mail)
                .sorted()
                .toList();
        assertThat(attendees).hasSize(6).isEqualTo(liaisonMails);
        assertThat(instant(event.<DtStart<?>>getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getDate()))
                .isEqualTo(day.atTime(9, 0).atZone(ZONE).toInstant());
        assertThat(instant(event.<DtEnd<?>>getProperty(Property.DTEND)
                        .orElseThrow()
                        .getDate()))
                .isEqualTo(day.atTime(10, 30).atZone(ZONE).toInstant());
        int sequence = Integer.parseInt(
                event.getProperty(Property.SEQUENCE).orElseThrow().getValue());

        mvc.perform(as(post("/meetings/{id}/schedule", id), staff)
                        .param("date", day.toString())
                        .param("start", "14:30")
                        .param("end", "16:00")
                        .param("roomId", String.valueOf(room("SZF-HYS1"))))
                .andExpect(status().is3xxRedirection());
        VEvent moved = invitation(id, staff).<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(uid);
        assertThat(Integer.parseInt(
                        moved.getProperty(Property.SEQUENCE).orElseThrow().getValue()))
                .isGreaterThan(sequence);
        assertThat(instant(moved.<DtStart<?>>getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getDate()))
                .isEqualTo(day.atTime(14, 30).atZone(ZONE).toInstant());
        assertThat(inbox(weilijuan, "meetings.change", id)).isEqualTo(1);

        // Sign-in: by the list, and by the attendee's code confirmed by office staff at the door.
        long zjjReceipt = jdbc.queryForObject(
                "SELECT id FROM meetings_receipt WHERE meeting_id = ? AND unit_id = ?", Long.class, id, zjjId);
        byte[] png = mvc.perform(get("/meetings/{id}/receipts/{r}/qr.png", id, zjjReceipt)
                        .session(zjj))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String address = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))))
                .getText();
        String token = jdbc.queryForObject("SELECT token FROM meetings_receipt WHERE id = ?", String.class, zjjReceipt);
        assertThat(address).endsWith("/meetings/" + id + "/sign-in/" + token);
        String path = "/meetings/" + id + "/sign-in/" + token;
        // The liaison is not the attendee: the code does not sign anyone in for her.
        mvc.perform(get(path).session(zjj)).andExpect(status().isNotFound());
        mvc.perform(as(post(path), zjj)).andExpect(status().isNotFound());
        assertThat(page(path, otherStaff)).contains("张欣悦", "确认签到");
        mvc.perform(as(post(path), otherStaff)).andExpect(status().is3xxRedirection());
        assertThat(page(path, otherStaff)).contains("已签到");
        mvc.perform(as(post(path), otherStaff)).andExpect(status().isConflict());
        mvc.perform(as(post("/meetings/{id}/receipts/{r}/sign-in", id, zjjReceipt), staff))
                .andExpect(status().isConflict());
        String signIn = page("/meetings/" + id + "/sign-in", staff);
        assertThat(signIn).contains("应到1人，已签到1人");
        assertThat(signIn.substring(signIn.indexOf("id=\"absent\"")))
                .contains("示例市水利局", "示例市城市管理综合执法局")
                .doesNotContain("住房和城乡建设局");

        // Not held yet: no outcome.
        long firstItem = jdbc.queryForObject(
                "SELECT id FROM meetings_agenda_item WHERE meeting_id = ? AND number = 1", Long.class, id);
        mvc.perform(as(post("/meetings/{id}/items/{i}/outcome", id, firstItem), staff)
                        .param("outcome", "同意"))
                .andExpect(status().isConflict());

        // Calendar views: per week, per leader, per room.
        String week = page("/meetings/calendar?week=" + day, staff);
        assertThat(week).contains("老旧小区改造推进专题会议", "14:30–16:00");
        assertThat(page("/meetings/calendar?week=" + day + "&leader=" + chenId, chen))
                .contains("老旧小区改造推进专题会议");
        assertThat(page("/meetings/calendar?week=" + day + "&leader=" + liuId, staff))
                .doesNotContain("老旧小区改造推进专题会议");
        assertThat(page("/meetings/calendar?week=" + day + "&room=" + room("SZF-HYS2"), staff))
                .doesNotContain("老旧小区改造推进专题会议");
        assertThat(page("/meetings/calendar?week=" + day, zjj)).contains("老旧小区改造推进专题会议");
        assertThat(page("/meetings/calendar?week=" + day, SignIn.as(mvc, "liyanan")))
                .doesNotContain("老旧小区改造推进专题会议");
    }

    @Test
    void conflictsAreRefusedOrWarned() throws Exception {
        LocalDate day = workingDayAhead(15);
        long first = create(staff, "城市管理专题会议", chenId, room("SZF-CWHYS"), day, "09:00", "11:00");
        assertThat(first).isPositive();

        // The same leader at an overlapping time: refused, nothing written.
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM meetings_meeting", Integer.class);
        String refused = mvc.perform(as(post("/meetings"), staff)
                        .param("title", "另一个会议")
                        .param("chairPersonId", String.valueOf(chenId))
                        .param("date", day.toString())
                        .param("start", "10:00")
                        .param("end", "11:30")
                        .param("place", "市城管局"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("陈志华同志该时段已安排“城市管理专题会议”");
        // The same room with another leader: refused.
        refused = mvc.perform(as(post("/meetings"), staff)
                        .param("title", "另一个会议")
                        .param("chairPersonId", String.valueOf(liuId))
                        .param("date", day.toString())
                        .param("start", "10:30")
                        .param("end", "11:30")
                        .param("roomId", String.valueOf(room("SZF-CWHYS"))))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("市政府常务会议室该时段已被“城市管理专题会议”占用");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meetings_meeting", Integer.class))
                .isEqualTo(before);

        // A required attendee expected at another meeting: a warning on the page.
        long other = create(staff, "住建领域安全生产会议", liuId, room("SZF-HYS2"), day, "10:00", "12:00");
        addUnit(first, zjjId, "PRINCIPAL", false);
        addUnit(other, zjjId, "PRINCIPAL", false);
        assertThat(page("/meetings/" + other, staff)).contains("顾子涵同志该时段需参加“城市管理专题会议”");

        // More units than seats: refused (第二会议室 has 20 seats; the chair takes one).
        List<String> codes = directory.activeUnits().stream()
                .filter(unit -> unit.kind().name().equals("DEPARTMENT") && unit.parentId() != null)
                .map(unit -> unit.code())
                .filter(code -> !code.equals("ZJJ"))
                .limit(25)
                .collect(Collectors.toList());
        int added = 1;
        String lastStatus = "";
        for (String code : codes) {
            int answer = mvc.perform(as(post("/meetings/{id}/units", other), staff)
                            .param("unitId", String.valueOf(unit(code)))
                            .param("level", "STAFF"))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (answer == 409) {
                lastStatus = "refused";
                break;
            }
            added++;
        }
        assertThat(lastStatus).isEqualTo("refused");
        assertThat(added).isEqualTo(19);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM meetings_attending_unit WHERE meeting_id = ?", Integer.class, other))
                .isEqualTo(19);

        // A non-working day is allowed, with a warning.
        LocalDate saturday = day.plusDays(1);
        while (calendar.isWorkingDay(saturday)) {
            saturday = saturday.plusDays(1);
        }
        long weekend = create(staff, "周末防汛调度会", liuId, null, saturday, "09:00", "10:00");
        assertThat(page("/meetings/" + weekend, staff)).contains("会议安排在休息日或法定节假日");

        // Bad input changes nothing.
        mvc.perform(as(post("/meetings"), staff)
                        .param("title", "时间颠倒的会议")
                        .param("chairPersonId", String.valueOf(chenId))
                        .param("date", day.plusDays(20).toString())
                        .param("start", "11:00")
                        .param("end", "10:00")
                        .param("place", "某地"))
                .andExpect(status().isBadRequest());
        mvc.perform(as(post("/meetings"), staff)
                        .param("title", "日期错误")
                        .param("chairPersonId", String.valueOf(chenId))
                        .param("date", "2026-13-45")
                        .param("start", "09:00")
                        .param("end", "10:00")
                        .param("place", "某地"))
                .andExpect(status().isBadRequest());
        mvc.perform(as(post("/meetings"), staff)
                        .param("title", "主持人不是领导")
                        .param("chairPersonId", String.valueOf(person("P0011")))
                        .param("date", day.plusDays(20).toString())
                        .param("start", "09:00")
                        .param("end", "10:00")
                        .param("place", "某地"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meetings_meeting", Integer.class))
                .isEqualTo(before + 2);
    }

    /** A meeting that began an hour ago, with two agenda items and three units, notice sent. */
    long heldMeeting(String title, String chairCode) throws Exception {
        ZonedDateTime start = ZonedDateTime.now(ZONE).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        String end = start.getHour() >= 23 ? "23:59" : String.format("%02d:30", start.getHour() + 1);
        MvcResult result = mvc.perform(as(post("/meetings"), staff)
                        .param("title", title)
                        .param("kind", "COORDINATION")
                        .param("chairPersonId", String.valueOf(person(chairCode)))
                        .param("date", start.toLocalDate().toString())
                        .param("start", String.format("%02d:00", start.getHour()))
                        .param("end", end)
                        .param(
                                "receiptDeadline",
                                start.minusHours(1).toLocalDateTime().toString())
                        .param("place", title + "会场"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().replace("/meetings/", ""));
        addItem(id, "排水管网改造分工");
        addItem(id, "汛前检查安排");
        addUnit(id, zjjId, "IN_CHARGE", true);
        addUnit(id, sljId, "IN_CHARGE", false);
        addUnit(id, cgjId, "IN_CHARGE", false);
        return id;
    }

    void decide(long id, int number, String text, long lead, long cooperating, LocalDate deadline) throws Exception {
        long item = jdbc.queryForObject(
                "SELECT id FROM meetings_agenda_item WHERE meeting_id = ? AND number = ?", Long.class, id, number);
        mvc.perform(as(post("/meetings/{id}/items/{i}/outcome", id, item), staff)
                        .param("outcome", "会议原则同意" + text))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as(post("/meetings/{id}/items/{i}/decisions", id, item), staff)
                        .param("text", text)
                        .param("leadUnitId", String.valueOf(lead))
                        .param("cooperatingUnitId", String.valueOf(cooperating))
                        .param("deadline", deadline.toString()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void withoutMinutesTheDecisionsBecomeSupervisedMeasures() throws Exception {
        long id = heldMeeting("排水防涝协调会", "P0002");
        LocalDate deadline = workingDayAhead(20);
        decide(id, 1, "市住建局牵头制定排水管网改造计划", zjjId, sljId, deadline);
        decide(id, 2, "市水利局组织汛前检查", sljId, cgjId, deadline);
        long before = events.stream(MeetingConcluded.class).count();

        mvc.perform(as(post("/meetings/{id}/conclude", id), staff).param("minutesWanted", "false"))
                .andExpect(status().is3xxRedirection());

        MeetingConcluded concluded =
                events.stream(MeetingConcluded.class).skip(before).findFirst().orElseThrow();
        assertThat(concluded.meetingId()).isEqualTo(id);
        assertThat(concluded.minutesWanted()).isFalse();
        assertThat(concluded.kind()).isEqualTo("协调会");
        assertThat(concluded.chairPersonId()).isEqualTo(person("P0002"));
        assertThat(concluded.items()).hasSize(2);
        assertThat(concluded.items().get(0).outcome()).isEqualTo("会议原则同意市住建局牵头制定排水管网改造计划");
        assertThat(concluded.items().get(0).decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.leadUnitId()).isEqualTo(zjjId);
            assertThat(decision.cooperatingUnitIds()).containsExactly(sljId);
            assertThat(decision.deadline()).isEqualTo(deadline);
        });
        long matterId = matterOf(id);
        assertThat(jdbc.queryForList(
                        "SELECT what FROM coordination_measure WHERE matter_id = ? AND adopted ORDER BY id",
                        String.class,
                        matterId))
                .containsExactly("市住建局牵头制定排水管网改造计划", "市水利局组织汛前检查");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM meetings_decision WHERE meeting_id = ? AND measure_id IS NOT NULL",
                        Integer.class,
                        id))
                .isEqualTo(2);
        // Supervision picks the measures up after the commit.
        long deadlineAt = System.currentTimeMillis() + 20_000;
        int tasks = 0;
        while (System.currentTimeMillis() < deadlineAt) {
            tasks = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM supervision_task WHERE source_kind = 'MEASURE' AND source_id IN"
                            + " (SELECT id FROM coordination_measure WHERE matter_id = ?)",
                    Integer.class,
                    matterId);
            if (tasks == 2) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(tasks).isEqualTo(2);
        assertThat(page("/meetings/" + id, staff)).contains("议定事项已转为督办措施");
        // Concluded is final.
        mvc.perform(as(post("/meetings/{id}/conclude", id), staff)).andExpect(status().isConflict());
    }

    @Test
    void withMinutesNothingIsAdoptedAndTheEventSaysSo() throws Exception {
        long id = heldMeeting("汛期值守协调会", "P0005");
        // Positions collected beforehand left the first item divided.
        mvc.perform(as(post("/meetings/{id}/consultation", id), staff)).andExpect(status().is3xxRedirection());
        long matterId = matterOf(id);
        long round = openRound(matterId);
        List<Long> points = points(id);
        position(zjj, matterId, round, points.get(0), "DISAGREE", "改造资金未落实");
        mvc.perform(as(post("/meetings/{id}/conclude", id), staff).param("minutesWanted", "true"))
                .andExpect(status().isConflict());
        mvc.perform(as(post("/meetings/{id}/consultation/close", id), staff)).andExpect(status().is3xxRedirection());
        decide(id, 1, "市住建局牵头落实改造资金", zjjId, cgjId, workingDayAhead(30));
        // Without minutes a divided item cannot become a measure at once.
        String refused = mvc.perform(
                        as(post("/meetings/{id}/conclude", id), staff).param("minutesWanted", "false"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("会前意见尚未统一");
        long before = events.stream(MeetingConcluded.class).count();

        mvc.perform(as(post("/meetings/{id}/conclude", id), staff).param("minutesWanted", "true"))
                .andExpect(status().is3xxRedirection());

        MeetingConcluded concluded =
                events.stream(MeetingConcluded.class).skip(before).findFirst().orElseThrow();
        assertThat(concluded.minutesWanted()).isTrue();
        assertThat(concluded.organiserPersonId()).isEqualTo(person("P0011"));
        assertThat(concluded.items().get(0).decisions()).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM coordination_measure WHERE matter_id = ?", Integer.class, matterId))
                .isZero();
    }

    @Test
    void unitsThatHaveNotAnsweredAreRemindedOnceAtTheDeadline() throws Exception {
        // The receipt deadline passes a few seconds after the notice goes out.
        MvcResult created = mvc.perform(as(post("/meetings"), staff)
                        .param("title", "提醒测试协调会")
                        .param("chairPersonId", String.valueOf(person("P0006")))
                        .param("date", workingDayAhead(3).toString())
                        .param("start", "16:00")
                        .param("end", "17:00")
                        .param(
                                "receiptDeadline",
                                java.time.LocalDateTime.now(ZONE)
                                        .plusSeconds(8)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString())
                        .param("place", "市政府办公室小会议室"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/meetings/", ""));
        addItem(id, "汛前检查安排");
        addUnit(id, zjjId, "IN_CHARGE", false);
        addUnit(id, sljId, "IN_CHARGE", false);
        addUnit(id, cgjId, "IN_CHARGE", false);
        mvc.perform(as(post("/meetings/{id}/receipt", id), zjj)
                        .param("attending", "false")
                        .param("reason", "出差"))
                .andExpect(status().isConflict());
        mvc.perform(as(post("/meetings/{id}/notice", id), staff)).andExpect(status().is3xxRedirection());
        mvc.perform(as(post("/meetings/{id}/receipt", id), zjj)
                        .param("personId", String.valueOf(person("P0075")))
                        .param("level", "IN_CHARGE"))
                .andExpect(status().is3xxRedirection());
        long panlei = person("P0080");
        long yuanying = person("P0088");
        long weilijuan = person("P0076");
        assertThat(inbox(panlei, "meetings.reminder", id)).isZero();
        // Once the deadline has passed, the persisted reminder fires on the scheduler's next poll.
        long until = System.currentTimeMillis() + 40_000;
        while (System.currentTimeMillis() < until && inbox(panlei, "meetings.reminder", id) == 0) {
            Thread.sleep(250);
        }
        assertThat(inbox(panlei, "meetings.reminder", id)).isEqualTo(1);
        assertThat(inbox(yuanying, "meetings.reminder", id)).isEqualTo(1);
        assertThat(inbox(weilijuan, "meetings.reminder", id)).isZero();
        assertThat(inbox(person("P0011"), "meetings.reminder", id)).isPositive();
        // Sending the notice again does not remind a second time for the same notice.
        mvc.perform(as(post("/meetings/{id}/notice", id), staff)).andExpect(status().is3xxRedirection());
        Thread.sleep(3000);
        assertThat(inbox(panlei, "meetings.reminder", id)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_record WHERE module = 'meetings' AND object_id = ? AND action = 'remind'",
                        Integer.class,
                        String.valueOf(id)))
                .isEqualTo(1);
    }

    Calendar invitation(long id, MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(get("/meetings/{id}/invitation.ics", id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn();
        String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new CalendarBuilder().build(new StringReader(text));
    }

    static Instant instant(Object temporal) {
        if (temporal instanceof Instant) {
            return (Instant) temporal;
        }
        if (temporal instanceof ZonedDateTime) {
            return ((ZonedDateTime) temporal).toInstant();
        }
        if (temporal instanceof java.time.OffsetDateTime) {
            return ((java.time.OffsetDateTime) temporal).toInstant();
        }
        throw new AssertionError("Not a point in time: " + temporal);
    }
}
