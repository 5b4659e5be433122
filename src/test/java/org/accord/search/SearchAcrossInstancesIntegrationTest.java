package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.accord.AccordApplication;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Two instances on one database, each with an index of its own: what is changed through the first is found on
 * the second, which hears none of the first's events and knows it only by following the audit log, and each
 * account there finds only what it may open.
 */
@IntegrationTest
class SearchAcrossInstancesIntegrationTest {

    /** How long a change may take to be found on the other instance: a look every 5 s, with room for a slow machine. */
    static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    MockMvc first;

    @Autowired
    Environment environment;

    @Autowired
    Directory directory;

    @TempDir
    Path secondIndex;

    /** A second instance of the application on the test's database, as a deployment would start one. */
    ConfigurableApplicationContext startSecond() {
        return new SpringApplicationBuilder(AccordApplication.class)
                .run(
                        "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--spring.datasource.hikari.minimum-idle=1",
                        "--server.port=0",
                        "--accord.search.directory=" + secondIndex,
                        // Its timers would fire the first's due executions in the middle of other tests.
                        "--db-scheduler.enabled=false",
                        // Nothing of the first's may reach it as an event, not even at its start.
                        "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                        "--spring.main.banner-mode=off");
    }

    static MockMvc mvc(ConfigurableApplicationContext context) {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
        SpringBootMockMvcBuilderCustomizer filters =
                new SpringBootMockMvcBuilderCustomizer((WebApplicationContext) context);
        filters.setPrint(MockMvcPrint.NONE);
        filters.customize(builder);
        return builder.apply(springSecurity()).build();
    }

    static String results(MockMvc mvc, MockHttpSession session, String words) throws Exception {
        return mvc.perform(get("/search").param("q", words).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Searches until the case is found, and says after how long. */
    static Duration untilFound(MockMvc mvc, MockHttpSession session, String words, String caseId) throws Exception {
        long started = System.nanoTime();
        while (!results(mvc, session, words).contains("/cases/" + caseId)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("case %s found on the second instance", caseId)
                    .isLessThan(WITHIN);
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    void aCaseTakenAndDispatchedOnOneInstanceIsFoundOnTheOtherByThoseWhoMaySeeIt() throws Exception {
        try (ConfigurableApplicationContext secondInstance = startSecond()) {
            MockMvc second = mvc(secondInstance);
            MockHttpSession office = SignIn.as(second, "qianhaitao");
            MockHttpSession cityManagement = SignIn.as(second, "panlei");
            MockHttpSession housing = SignIn.as(second, "weilijuan");
            String words = "鼓风机彻夜轰鸣";

            String id = SearchIndexingIntegrationTest.takeCase(first, "楼下饭店的" + words + "，窗户关上也睡不着。");
            Duration taken = untilFound(second, office, words, id);
            assertThat(results(second, cityManagement, words))
                    .as("not yet the concern of 城管局")
                    .doesNotContain("/cases/" + id);

            first.perform(post("/api/cases/" + id + "/dispatch")
                            .session(SignIn.as(first, "qianhaitao"))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(SearchIndexingIntegrationTest.JSON.writeValueAsString(Map.of(
                                    "leadUnitId",
                                    directory.unitByCode("CGJ").orElseThrow().id(),
                                    "timeLimit",
                                    "COMPLAINT"))))
                    .andExpect(status().isOk());
            Duration dispatched = untilFound(second, cityManagement, words, id);
            assertThat(results(second, housing, words))
                    .as("住建局 holds no share of it")
                    .doesNotContain("/cases/" + id);
            System.out.printf(
                    "Found on the other instance: the new case after %d ms, the dispatch after %d ms%n",
                    taken.toMillis(), dispatched.toMillis());
        }
    }
}
