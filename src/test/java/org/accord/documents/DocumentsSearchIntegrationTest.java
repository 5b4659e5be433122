package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.accord.directory.Directory;
import org.accord.meetings.MeetingConcluded;
import org.accord.search.Search;
import org.accord.search.SearchHit;
import org.accord.search.SearchKind;
import org.accord.search.SimilarQuery;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the documents module gives the search index besides its own documents: the 议定事项 of issued minutes,
 * found by their words and offered as bases, and incoming documents, found by their receipt number by the office
 * and the leaders they were circulated to, and by nobody else.
 */
@IntegrationTest
class DocumentsSearchIntegrationTest {

    static final String DECISION = "由市水利局牵头完成城区易涝点泵站扩容改造";

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Search search;

    @Autowired
    UserDetailsService accounts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDecisionOfIssuedMinutesIsFoundByItsWordsAndOfferedAsABasis() throws Exception {
        long minutes = issuedMinutes();
        String number = jdbc.queryForObject("SELECT number_text FROM document WHERE id = ?", String.class, minutes);
        String id = "minutes-" + minutes + ":0";

        String found = await(
                () -> page("/search?q=泵站扩容&kind=DECISION", SignIn.as(mvc, "huanghaitao")),
                answer -> answer.contains("/documents/" + minutes + "\""));
        assertThat(found).contains("易涝点<mark>泵站扩容</mark>改造").contains(number);
        // The SLJ liaison receives the minutes once issued, and so finds its decisions.
        assertThat(page("/search?q=泵站扩容&kind=DECISION", SignIn.as(mvc, "yuanying")))
                .contains("/documents/" + minutes + "\"");

        signInAs("huanghaitao");
        List<SearchHit> similar =
                search.similar(new SimilarQuery("关于城区易涝点泵站扩容改造进度的督办", Set.of(SearchKind.DECISION), Set.of(), null, 10));
        assertThat(similar)
                .filteredOn(hit -> hit.id().equals(id))
                .singleElement()
                .satisfies(hit -> {
                    assertThat(hit.kind()).isEqualTo(SearchKind.DECISION);
                    assertThat(hit.url()).isEqualTo("/documents/" + minutes);
                    assertThat(hit.authority()).isEqualTo(2);
                });
        assertThat(search.item(SearchKind.DECISION, id)).isPresent();
        assertThat(search.item(SearchKind.DOCUMENT, String.valueOf(minutes))).isPresent();
    }

    @Test
    void anIncomingDocumentIsFoundByItsReceiptNumberByTheOfficeAndItsReadersOnly() throws Exception {
        Map<String, Object> circulated = jdbc.queryForMap("SELECT d.id, d.receipt_year, d.receipt_seq, d.title"
                + " FROM documents_incoming d JOIN documents_incoming_reader r ON r.document_id = d.id"
                + " JOIN security_account a ON a.person_id = r.person_id"
                + " WHERE a.username = 'liufang' AND d.receipt_seq IS NOT NULL ORDER BY d.id LIMIT 1");
        long id = ((Number) circulated.get("id")).longValue();
        String receipt = "收文〔" + circulated.get("receipt_year") + "〕" + circulated.get("receipt_seq") + "号";
        String link = "/documents/incoming/" + id + "\"";
        String question = "/search?q=" + receipt + "&kind=DOCUMENT";

        String office = await(() -> page(question, SignIn.as(mvc, "huanghaitao")), answer -> answer.contains(link));
        assertThat(office).contains((String) circulated.get("title")).contains(receipt);
        assertThat(page(question, SignIn.as(mvc, "liufang"))).contains(link);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM documents_incoming_reader r JOIN security_account a"
                                + " ON a.person_id = r.person_id WHERE r.document_id = ? AND a.username = 'chenzhihua'",
                        Integer.class,
                        id))
                .isZero();
        for (String nobody : new String[] {"chenzhihua", "weilijuan", "yuanying"}) {
            assertThat(page(question, SignIn.as(mvc, nobody))).as(nobody).doesNotContain(link);
        }

        // A received document bears a number but binds nobody: it carries no authority, which the basis finder needs.
        signInAs("huanghaitao");
        assertThat(search.item(SearchKind.DOCUMENT, IncomingSearchSource.ORIGIN + id))
                .get()
                .satisfies(hit -> assertThat(hit.authority()).isZero());
    }

    // ---------------------------------------------------------------- the way there

    long issuedMinutes() throws Exception {
        MockHttpSession drafter = SignIn.as(mvc, "huanghaitao");
        long meeting = 7301;
        MeetingConcluded concluded = new MeetingConcluded(
                meeting,
                0,
                "城区防汛排涝工作专题会议",
                "专题会议",
                person("chenzhihua"),
                person("huanghaitao"),
                LocalDateTime.of(2026, 11, 20, 9, 30),
                "市政府2号会议室",
                List.of("市水利局 张明 副局长"),
                List.of(),
                List.of(),
                List.of(new MeetingConcluded.Item(
                        1,
                        "易涝点整治",
                        "会议听取了市水利局的汇报。",
                        List.of(new MeetingConcluded.Decision(
                                DECISION, unit("SLJ"), List.of(unit("ZJJ")), LocalDate.of(2026, 12, 31))))),
                true);
        new TransactionTemplate(transactions).executeWithoutResult(status -> publisher.publishEvent(concluded));
        Long seed = null;
        for (int i = 0; i < 100 && seed == null; i++) {
            List<Long> seeds =
                    jdbc.queryForList("SELECT id FROM minutes_seed WHERE meeting_id = ?", Long.class, meeting);
            if (seeds.isEmpty()) {
                Thread.sleep(100);
            } else {
                seed = seeds.get(0);
            }
        }
        assertThat(seed).as("minutes seed").isNotNull();
        String location = mvc.perform(post("/documents/minutes-seeds/{id}/draft", seed)
                        .session(drafter)
                        .with(csrf())
                        .param("issuerCode", "示例府办纪"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("^/documents/(\\d+).*$", "$1"));
        ok(post("/documents/{id}/submit", id).session(drafter).param("reviewer", String.valueOf(person("yuhongxia"))));
        ok(post("/documents/{id}/review", id)
                .session(SignIn.as(mvc, "yuhongxia"))
                .param("approve", "true")
                .param("opinion", "已核"));
        ok(post("/documents/{id}/sign", id)
                .session(SignIn.as(mvc, "chenzhihua"))
                .param("approve", "true")
                .param("opinion", "同意"));
        ok(post("/documents/{id}/register", id).session(SignIn.as(mvc, "longminghui")));
        ok(post("/documents/{id}/issue", id).session(drafter));
        assertThat(jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, id))
                .isEqualTo("ISSUED");
        return id;
    }

    /** The index follows a change after its transaction commits, on another thread. */
    String await(Page page, Predicate<String> ready) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String answer = page.get();
        while (!ready.test(answer) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            answer = page.get();
        }
        return answer;
    }

    interface Page {
        String get() throws Exception;
    }

    String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    void ok(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
    }

    void signInAs(String username) {
        var account = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    long person(String username) {
        return jdbc.queryForObject("SELECT person_id FROM security_account WHERE username = ?", Long.class, username);
    }
}
