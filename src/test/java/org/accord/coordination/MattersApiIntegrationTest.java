package org.accord.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.accord.directory.Directory;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A matter taken from creation to close through the JSON API alone: the owner's steps, the liaisons' answers,
 * the leader's ruling; with a refusal (409), bad input (400) and a matter outside the caller's scope (404).
 */
@IntegrationTest
class MattersApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    MockHttpSession staff;
    MockHttpSession zjjLiaison;
    MockHttpSession leader;
    long zjj;
    long slj;
    long chen;

    @BeforeEach
    void signIn() throws Exception {
        staff = SignIn.as(mvc, "huanghaitao");
        zjjLiaison = SignIn.as(mvc, "weilijuan");
        leader = SignIn.as(mvc, "chenzhihua");
        zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        slj = directory.unitByCode("SLJ").orElseThrow().id();
        chen = directory.personByCode("P0003").orElseThrow().id();
    }

    RequestPostProcessor liaisonOf(String unitCode, String personCode) {
        long person = directory.personByCode(personCode).orElseThrow().id();
        long unit = directory.unitByCode(unitCode).orElseThrow().id();
        return user(new SignedInAccount(
                9000 + person, "liaison-" + personCode, personCode, Role.LIAISON, person, unit, "x", true));
    }

    ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(
                request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long created(ResultActions result) throws Exception {
        String body =
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("\\D", ""));
    }

    @Test
    void aMatterFromCreationToCloseThroughTheApiAlone() throws Exception {
        RequestPostProcessor sljLiaison = liaisonOf("SLJ", "P0088");
        long matter = created(call(
                post("/api/matters").session(staff),
                "{\"title\":\"接口协调-排水管网\",\"kind\":\"MEETING\",\"purpose\":\"明确牵头单位\"}"));

        call(post("/api/matters/{id}/parties", matter).session(staff), "{\"unitCode\":\"zjj\",\"role\":\"LEAD\"}")
                .andExpect(status().isNoContent());
        call(
                        post("/api/matters/{id}/parties", matter).session(staff),
                        "{\"unitId\":" + slj + ",\"role\":\"COOPERATING\"}")
                .andExpect(status().isNoContent());
        call(
                        post("/api/matters/{id}/parties", matter).session(staff),
                        "{\"role\":\"DECIDING_LEADER\",\"personId\":" + chen + "}")
                .andExpect(status().isNoContent());
        // Refusals named as facts are 409 with the Chinese message; an unknown unit code is bad input.
        call(post("/api/matters/{id}/parties", matter).session(staff), "{\"unitCode\":\"ZJJ\",\"role\":\"INFORMED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该单位或个人已是参与方。"));
        call(post("/api/matters/{id}/parties", matter).session(staff), "{\"unitCode\":\"NOPE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请填写“单位编码”（不能为空，也不能过长）。"));

        long funds = created(call(post("/api/matters/{id}/points", matter).session(staff), "{\"text\":\"资金来源\"}"));
        long lead = created(call(post("/api/matters/{id}/points", matter).session(staff), "{\"text\":\"牵头单位\"}"));
        call(post("/api/matters/{id}/points", matter).session(staff), "{\"text\":\"  \"}")
                .andExpect(status().isBadRequest());
        // Only the owner opens rounds.
        call(post("/api/matters/{id}/rounds", matter).session(leader), "{}").andExpect(status().isForbidden());

        long round = created(call(
                post("/api/matters/{id}/rounds", matter).session(staff),
                "{\"pointIds\":[" + funds + "," + lead + "],\"unitIds\":[" + zjj + "," + slj
                        + "],\"workingDays\":2,\"visibility\":\"BLIND\"}"));
        assertThat(jdbc.queryForObject("SELECT visibility FROM coordination_round WHERE id = ?", String.class, round))
                .isEqualTo("BLIND");
        call(post("/api/matters/{id}/rounds", matter).session(staff), "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("尚有一轮征求意见未结束，请先结束本轮。"));

        call(
                        post("/api/matters/{id}/positions", matter).session(zjjLiaison),
                        "{\"roundId\":" + round + ",\"pointId\":" + funds + ",\"stance\":\"AGREE\"}")
                .andExpect(status().isNoContent());
        call(
                        post("/api/matters/{id}/positions", matter).session(zjjLiaison),
                        "{\"roundId\":" + round + ",\"pointId\":" + lead + ",\"stance\":\"AGREE\"}")
                .andExpect(status().isNoContent());
        call(
                        post("/api/matters/{id}/positions", matter).with(sljLiaison),
                        "{\"roundId\":" + round + ",\"pointId\":" + funds
                                + ",\"stance\":\"AGREE_WITH_CONDITIONS\",\"condition\":\"按比例分担\"}")
                .andExpect(status().isNoContent());
        call(
                        post("/api/matters/{id}/positions", matter).with(sljLiaison),
                        "{\"roundId\":" + round + ",\"pointId\":" + lead
                                + ",\"stance\":\"DISAGREE\",\"reason\":\"管网不属本局\",\"counterProposal\":\"由住建局牵头\"}")
                .andExpect(status().isNoContent());
        // While the blind round is open, a liaison sees only their own unit's answers.
        mvc.perform(get("/api/matters/{id}/matrix", matter).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].rows[1].verdict").value("UNANSWERED"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("管网不属本局"))));
        // An unknown stance is bad input.
        call(
                        post("/api/matters/{id}/positions", matter).session(zjjLiaison),
                        "{\"roundId\":" + round + ",\"pointId\":" + lead + ",\"stance\":\"MAYBE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").isNotEmpty());

        call(post("/api/matters/{id}/rounds/close", matter).session(staff), "").andExpect(status().isNoContent());
        mvc.perform(get("/api/matters/{id}/matrix", matter).session(staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].number").value(1))
                .andExpect(jsonPath("$[0].commonGround[0]").value(funds))
                .andExpect(jsonPath("$[0].divergences[0]").value(lead))
                .andExpect(jsonPath("$[0].rows[1].verdict").value("DIVERGENT"))
                .andExpect(jsonPath("$[0].rows[1].cells[?(@.unitId == " + slj + ")].reason")
                        .value(Matchers.contains("管网不属本局")));

        // Closing with a divided point is refused, and nothing changes.
        call(post("/api/matters/{id}/close", matter).session(staff), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("尚未达成一致")));
        assertThat(matterStatus(matter)).isEqualTo("CONSULTING");

        call(
                        post("/api/matters/{id}/points/{p}/escalate", matter, lead)
                                .session(staff),
                        "{\"recommendation\":\"建议由住建局牵头\"}")
                .andExpect(status().isNoContent());
        call(post("/api/matters/{id}/points/{p}/rule", matter, lead).session(leader), "{\"ruling\":\" \"}")
                .andExpect(status().isBadRequest());
        call(
                        post("/api/matters/{id}/points/{p}/rule", matter, lead).session(leader),
                        "{\"ruling\":\"由住建局牵头，水利局配合\",\"instruction\":\"请两家抓紧对接。\"}")
                .andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("SELECT status FROM coordination_point WHERE id = ?", String.class, lead))
                .isEqualTo("RULED");
        mvc.perform(get("/api/matters/{id}/timeline", matter).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.action == 'relayed')].relayedEntryId").isNotEmpty());

        call(
                        post("/api/matters/{id}/measures", matter).session(staff),
                        "{\"what\":\"管网改造\",\"leadUnitId\":" + zjj + ",\"cooperatingUnitIds\":[" + slj
                                + "],\"deadline\":\"2027-03-31\"}")
                .andExpect(status().isCreated());
        call(
                        post("/api/matters/{id}/measures", matter).session(staff),
                        "{\"what\":\"管网改造\",\"leadUnitId\":" + zjj + ",\"deadline\":\"三月底\"}")
                .andExpect(status().isBadRequest());
        call(post("/api/matters/{id}/measures/adopt", matter).session(staff), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measureIds.length()").value(1));
        call(post("/api/matters/{id}/measures/adopt", matter).session(staff), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("没有待确定的措施。"));
        call(post("/api/matters/{id}/close", matter).session(staff), "").andExpect(status().isNoContent());
        mvc.perform(get("/api/matters/{id}", matter).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.measures[0].deadline")
                        .value(LocalDate.of(2027, 3, 31).toString()));
        call(post("/api/matters/{id}/points", matter).session(staff), "{\"text\":\"再议\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("事项已办结，不能再办理。"));
    }

    @Test
    void aMatterOutsideTheScopeIsNotFound() throws Exception {
        RequestPostProcessor fgwLiaison = liaisonOf("FGW", "P0041");
        long matter =
                created(call(post("/api/matters").session(staff), "{\"title\":\"接口协调-范围\",\"kind\":\"GENERAL\"}"));
        call(post("/api/matters/{id}/parties", matter).session(staff), "{\"unitCode\":\"ZJJ\",\"role\":\"LEAD\"}")
                .andExpect(status().isNoContent());
        long point = created(call(post("/api/matters/{id}/points", matter).session(staff), "{\"text\":\"会签\"}"));
        long round = created(call(post("/api/matters/{id}/rounds", matter).session(staff), "{}"));

        mvc.perform(get("/api/matters/{id}", matter).with(fgwLiaison))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("事项不存在或无权查看"));
        mvc.perform(get("/api/matters/{id}/matrix", matter).with(fgwLiaison)).andExpect(status().isNotFound());
        call(
                        post("/api/matters/{id}/positions", matter).with(fgwLiaison),
                        "{\"roundId\":" + round + ",\"pointId\":" + point + ",\"stance\":\"AGREE\"}")
                .andExpect(status().isNotFound());
        call(post("/api/matters/{id}/points", 999999).session(staff), "{\"text\":\"无此事项\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theMattersPageOffersTheUnitsNotYetPartiesToChooseFrom() throws Exception {
        long matter =
                created(call(post("/api/matters").session(staff), "{\"title\":\"接口协调-选择单位\",\"kind\":\"GENERAL\"}"));
        call(post("/api/matters/{id}/parties", matter).session(staff), "{\"unitCode\":\"ZJJ\",\"role\":\"LEAD\"}")
                .andExpect(status().isNoContent());
        mvc.perform(get("/matters/{id}", matter).session(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<select id=\"unitCode\" name=\"unitCode\"")))
                .andExpect(content().string(Matchers.containsString("<optgroup label=\"工作部门\">")))
                .andExpect(content().string(Matchers.containsString("value=\"SLJ\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"ZJJ\""))))
                .andExpect(content().string(Matchers.containsString("name=\"personId\"")));
    }

    String matterStatus(long matter) {
        return jdbc.queryForObject("SELECT status FROM coordination_matter WHERE id = ?", String.class, matter);
    }
}
