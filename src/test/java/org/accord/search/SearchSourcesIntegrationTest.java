package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every module's source, asked for one audited object again as the indexer asks after a change: an object of the
 * demo data gives the items the rebuild reads for it, an object that is not there and an id that is not a number
 * give none.
 */
@IntegrationTest
class SearchSourcesIntegrationTest {

    /**
     * Sources the demo data may give nothing to: issued minutes with decisions ({@code DocumentsSearchIntegrationTest}
     * issues some and finds their decisions through the indexer, which reads them with {@code from}).
     */
    static final Set<String> WITHOUT_DEMO_ITEMS = Set.of("org.accord.documents.DocumentSearchSource$Decisions");

    @Autowired
    MockMvc mvc;

    @Autowired
    List<SearchSource> sources;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    /**
     * What the demo city lacks: its matters all belong to meetings, documents or cases, and no leader has instructed
     * on a brief; a general matter and a brief with a leader's note are items of their own.
     */
    @BeforeEach
    void aGeneralMatterAndAnInstructedBrief() throws Exception {
        MockHttpSession office = SignIn.as(mvc, "huanghaitao");
        mvc.perform(post("/api/matters")
                        .session(office)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"查找来源-排水管网协调\",\"kind\":\"GENERAL\"}"))
                .andExpect(status().isCreated());

        long leader = jdbc.sql("SELECT person_id FROM security_account WHERE username = 'chenzhihua'")
                .query(Long.class)
                .single();
        String brief = mvc.perform(post("/information/briefs")
                        .session(office)
                        .with(csrf())
                        .param("kind", "SPECIAL")
                        .param("title", "查找来源-水库安全检查情况")
                        .param("body", "检查水库 6 座，发现隐患 2 处。")
                        .param("sourceKind", "FREE")
                        .param("leaders", String.valueOf(leader)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post(brief + "/instruction")
                        .session(SignIn.as(mvc, "chenzhihua"))
                        .with(csrf())
                        .param("text", "请市水利局跟踪隐患整改。")
                        .param("outcome", "NOTE")
                        .param(
                                "units",
                                String.valueOf(directory
                                        .unitByCode("SLJ")
                                        .orElseThrow()
                                        .id())))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void everySourceGivesAnObjectsItemsForItsIdAndNoneForAMissingOrMalformedId() {
        assertThat(sources).hasSizeGreaterThanOrEqualTo(11);
        for (SearchSource source : sources) {
            String name = source.getClass().getName();
            for (String malformed : List.of("", "abc", "12a", "minutes-12", "1.5", "99999999999999999999")) {
                assertThat(source.from(malformed))
                        .as(name + " for " + malformed)
                        .isEmpty();
            }
            assertThat(source.from(String.valueOf(Long.MAX_VALUE)))
                    .as(name + " for an object not there")
                    .isEmpty();

            List<Searchable> items = new ArrayList<>();
            source.all(500, items::addAll);
            if (items.isEmpty() && WITHOUT_DEMO_ITEMS.contains(name)) {
                continue;
            }
            assertThat(items).as(name).isNotEmpty();
            Searchable first = items.get(0);
            String objectId = first.originId().replaceFirst("^\\D+", "");
            assertThat(source.origin(objectId)).as(name).isEqualTo(first.originId());
            assertThat(source.from(objectId))
                    .as(name + " for " + objectId)
                    .contains(first)
                    .extracting(Searchable::originId)
                    .containsOnly(first.originId());
        }
    }
}
