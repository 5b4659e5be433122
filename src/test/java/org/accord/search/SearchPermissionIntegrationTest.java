package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.accord.directory.Directory;
import org.accord.security.SignedInAccount;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who finds what: the demo city's cases (1: 外墙渗水, shares with 住建局 and others; 2: 污水井冒溢, led by 水利局),
 * and cases taken through the application, found by their new words and not by their old ones, in the scope of
 * each role: totals and counts per kind included, snippets HTML-escaped.
 */
@IntegrationTest
class SearchPermissionIntegrationTest {

    @Autowired
    Search search;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    <T> T as(String username, Supplier<T> work) {
        SignedInAccount account = (SignedInAccount) accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    SearchResults find(String username, String text) {
        return as(username, () -> search.find(new SearchQuery(text, Set.of(), null, null, null, 0, 20)));
    }

    SearchResults findCases(String username, String text) {
        return as(username, () -> search.find(new SearchQuery(text, Set.of(SearchKind.CASE), null, null, null, 0, 20)));
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    @Test
    void aLiaisonFindsOnlyWhatConcernsTheirUnitInHitsTotalsAndCounts() throws Exception {
        // Cases of its own, with words no other test uses: the demo's cases are dispatched anew by other tests
        // sharing this database.
        String housing = taken("九曲巷小区外墙渗漏，雨天室内墙面发霉。", "ZJJ");
        String water = taken("锦绣河堤坝出现管涌，附近居民担心汛期安全。", "SLJ");
        eventually(() -> findCases("weilijuan", "外墙渗漏").hits().stream()
                .filter(h -> h.id().equals(housing))
                .findFirst()
                .orElse(null));
        eventually(() -> findCases("yuanying", "堤坝出现管涌").hits().stream()
                .filter(h -> h.id().equals(water))
                .findFirst()
                .orElse(null));

        SearchResults seenByWater = find("yuanying", "堤坝出现管涌");
        assertThat(seenByWater.hits())
                .allSatisfy(hit -> assertThat(hit.unitIds()).contains(unit("SLJ")));

        SearchResults notSeenByWater = find("yuanying", "九曲巷小区外墙渗漏");
        assertThat(notSeenByWater.total())
                .as("found for 水利局: %s", notSeenByWater.hits())
                .isZero();
        assertThat(notSeenByWater.hits()).isEmpty();
        assertThat(notSeenByWater.countsByKind()).isEmpty();

        SearchResults zjj = find("weilijuan", "九曲巷小区外墙渗漏");
        assertThat(zjj.hits()).extracting(SearchHit::kind).contains(SearchKind.CASE);
        assertThat(zjj.hits().get(0).snippet()).contains("<mark>");
        assertThat(zjj.countsByKind().get(SearchKind.CASE))
                .isEqualTo(zjj.hits().stream()
                        .filter(h -> h.kind() == SearchKind.CASE)
                        .count());
        assertThat(find("weilijuan", "锦绣河堤坝出现管涌").total()).isZero();
    }

    /** A case taken in through the API and dispatched to one lead unit; its id. */
    String taken(String description, String leadUnit) throws Exception {
        MockHttpSession office = SignIn.as(mvc, "qianhaitao");
        Map<String, Object> intake = Map.of(
                "callerName", "测试来电人",
                "phone", "13700002222",
                "confidential", false,
                "address", "东城区",
                "district", "DCQ",
                "urgent", false,
                "description", description);
        String id = json.readTree(mvc.perform(post("/api/cases")
                                .session(office)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(intake)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asText();
        mvc.perform(post("/api/cases/" + id + "/dispatch")
                        .session(office)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                Map.of("leadUnitId", unit(leadUnit), "timeLimit", "COMPLAINT"))))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void officeStaffFindTheOfficesWorkAndAdministratorsNothing() {
        SearchResults office = find("qianhaitao", "污水井");
        assertThat(office.total()).isGreaterThanOrEqualTo(1);
        assertThat(office.hits().get(0).url()).startsWith("/cases/");
        assertThat(find("qianhaitao", "外墙渗水").total()).isGreaterThanOrEqualTo(1);

        assertThat(find("sysadmin", "污水").total()).isZero();
        assertThat(find("auditor", "渗水").hits()).isEmpty();
    }

    @Test
    void aLeaderFindsTheUnitsRoutedToHim() {
        // 水利局 routes to 陈志华 (chenzhihua), not to 刘芳.
        assertThat(find("chenzhihua", "污水井冒溢").total()).isGreaterThanOrEqualTo(1);
        assertThat(find("liufang", "污水井冒溢").total()).isZero();
    }

    @Test
    void theCaseNumberAndTheCallersNameFindTheCase() {
        SearchHit first = findCases("qianhaitao", "污水井冒溢").hits().get(0);
        assertThat(first.reference()).isNotBlank();
        SearchResults byNumber = find("qianhaitao", first.reference());
        assertThat(byNumber.hits().get(0).id()).isEqualTo(first.id());
        SearchResults byName = find("qianhaitao", "李秀英");
        assertThat(byName.hits()).extracting(SearchHit::id).contains(first.id());
        // 张建国 asked for confidentiality on the housing case: his name does not find it.
        assertThat(find("qianhaitao", "张建国").hits())
                .noneMatch(hit -> hit.title().contains("和平路12号"));
    }

    @Test
    void aCaseTakenThroughTheApplicationIsFoundAndFollowsItsDispatch() throws Exception {
        MockHttpSession office = SignIn.as(mvc, "qianhaitao");
        Map<String, Object> intake = Map.of(
                "callerName", "周海燕",
                "phone", "13700001111",
                "confidential", false,
                "address", "东城区解放路66号",
                "district", "DCQ",
                "category", "DRAIN-SEWAGE",
                "urgent", false,
                "description", "暴雨后路口积水严重<script>alert('x')</script>，排水管网堵塞，城市内涝。");
        JsonNode taken = json.readTree(mvc.perform(post("/api/cases")
                        .session(office)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(intake)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        String id = taken.get("id").asText();

        SearchHit hit = eventually(() -> findCases("qianhaitao", "排水管网").hits().stream()
                .filter(h -> h.id().equals(id))
                .findFirst()
                .orElse(null));
        assertThat(hit.snippet())
                .contains("<mark>排水管网</mark>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(hit.url()).isEqualTo("/cases/" + id);
        // Not yet dispatched: no unit finds it.
        assertThat(findCases("panlei", "排水管网").hits()).noneMatch(h -> h.id().equals(id));

        mvc.perform(post("/api/cases/" + id + "/dispatch")
                        .session(office)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("leadUnitId", unit("CGJ"), "timeLimit", "COMPLAINT"))))
                .andExpect(status().isOk());
        eventually(() -> findCases("panlei", "排水管网").hits().stream()
                .filter(h -> h.id().equals(id))
                .findFirst()
                .orElse(null));
        assertThat(findCases("yuanying", "排水管网").hits()).noneMatch(h -> h.id().equals(id));
    }

    static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("not found within 15 s");
            }
            Thread.sleep(100);
        }
    }
}
