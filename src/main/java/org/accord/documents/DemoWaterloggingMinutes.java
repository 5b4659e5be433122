package org.accord.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.accord.coordination.Stance;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Scenario 2 of the tour (docs/tour.md): the minutes of the first waterlogging meeting, which the meetings module's
 * demo held and concluded with minutes wanted. The organiser drafts them from the seed and takes them through two
 * consultation rounds with 市住建局, 市水利局 and 市城管局 (a comment on a passage, adoption notes, a revision that
 * answers them); 市住建局 still disagrees on who maintains the drainage network, so the point is escalated and the
 * demo stops there, awaiting 陈志华's ruling on his leader page. The steps after it (ruling, review, sign-off, number,
 * issuance, supervised measures) are replayed, with the two rounds before them, by {@code MinutesScenarioBrowserTest}.
 *
 * <p>{@code accord.demo.waterlogging-minutes=false} leaves the seed undrafted, so that the scenario test can replay
 * the minutes from their start in the browser.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "accord.demo.waterlogging-minutes", havingValue = "true", matchIfMissing = true)
@Order(120)
class DemoWaterloggingMinutes implements ApplicationRunner {

    static final String MEETING = "城市排水防涝工作专题会议";
    static final String PASSAGE = "中心城区排水管网日常养护由市住建局负责";

    private static final Logger log = LoggerFactory.getLogger(DemoWaterloggingMinutes.class);
    private static final Duration SEED_WAIT = Duration.ofSeconds(20);

    private final Documents documents;
    private final DocumentStore store;
    private final Directory directory;
    private final UserDetailsService accounts;

    DemoWaterloggingMinutes(
            Documents documents, DocumentStore store, Directory directory, UserDetailsService accounts) {
        this.documents = documents;
        this.store = store;
        this.directory = directory;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        Optional<UnitSummary> office = directory.unitByCode("SZFB");
        Optional<UnitSummary> zjj = directory.unitByCode("ZJJ");
        Optional<UnitSummary> slj = directory.unitByCode("SLJ");
        Optional<UnitSummary> cgj = directory.unitByCode("CGJ");
        if (office.isEmpty() || zjj.isEmpty() || slj.isEmpty() || cgj.isEmpty() || !accountsExist()) {
            return;
        }
        // The seed is written after the meeting's commit, on another thread: wait for it a little.
        Instant until = Instant.now().plus(SEED_WAIT);
        Optional<MinutesSeed> seed = seed();
        while (seed.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            seed = seed();
        }
        if (seed.isEmpty()) {
            log.info("No minutes seed for the demo meeting {}; no demo minutes", MEETING);
            return;
        }
        if (seed.get().documentId() != null) {
            return;
        }
        long seedId = seed.get().id();
        long id = as(
                "huanghaitao",
                () -> draft(
                        seedId,
                        office.get().id(),
                        zjj.get().id(),
                        slj.get().id(),
                        cgj.get().id()));
        log.info("Demo minutes {} awaiting the chairing leader's ruling", id);
    }

    private boolean accountsExist() {
        try {
            for (String username : List.of("huanghaitao", "weilijuan", "yuanying", "panlei")) {
                accounts.loadUserByUsername(username);
            }
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    private Optional<MinutesSeed> seed() {
        return as(
                "huanghaitao",
                () -> documents.seeds().stream()
                        .filter(s -> s.title().equals(MEETING))
                        .findFirst());
    }

    private long draft(long seedId, long office, long zjj, long slj, long cgj) {
        long id = documents.draftFromSeed(seedId, office, "示例府办纪");
        Documents.Draft seeded = Documents.draftOf(documents.current(id));
        String opening = seeded.body().lines().findFirst().orElse("");
        String body2 = opening + "\n一、汛前排水管网清疏和易涝点排查\n会议听取了市水利局关于汛前准备情况的汇报，" + "要求各有关单位在主汛期前完成清疏和排查任务。\n会议明确，" + PASSAGE
                + "，市城管局配合巡查。";
        documents.save(id, withBody(seeded, body2, zjj, slj, cgj), null);

        List<Long> units = List.of(zjj, slj, cgj);
        long round1 = documents.openRound(id, units, 5, true);
        long onPassage = as("weilijuan", () -> {
            long comment = documents.comment(
                    id, round1, PASSAGE, "中心城区排水管网日常养护由市城管局负责", "管网已按2024年移交方案交由城管部门运行管理，住建局只负责新建和改造工程。");
            documents.answer(id, round1, Stance.DISAGREE, "养护主体应为市城管局");
            return comment;
        });
        long onWhole = as("yuanying", () -> {
            long comment = documents.comment(id, round1, null, null, "建议写明易涝点台账每月更新一次，报市防指办公室。");
            documents.answer(id, round1, Stance.AGREE_WITH_CONDITIONS, "增加台账更新要求");
            return comment;
        });
        as("panlei", () -> {
            documents.answer(id, round1, Stance.AGREE, null);
            return null;
        });
        documents.closeRound(id);
        documents.adopt(id, onPassage, Comment.Adoption.PARTLY, "以资产移交办结为界划分养护责任，兼顾两局意见");
        documents.adopt(id, onWhole, Comment.Adoption.ADOPTED, null);

        String body3 = opening + "\n一、汛前排水管网清疏和易涝点排查\n会议听取了市水利局关于汛前准备情况的汇报，"
                + "要求各有关单位在主汛期前完成清疏和排查任务，易涝点台账每月更新一次，报市防指办公室。\n"
                + "会议明确，排水管网资产移交办结前由市住建局负责日常养护，办结后由市城管局负责，市城管局配合巡查。";
        documents.save(id, withBody(seeded, body3, zjj, slj, cgj), null);

        long round2 = documents.openRound(id, units, 3, true);
        as("weilijuan", () -> {
            documents.answer(id, round2, Stance.DISAGREE, "资产移交已于2024年完成，不存在办结前的过渡期");
            return null;
        });
        as("yuanying", () -> {
            documents.answer(id, round2, Stance.AGREE, null);
            return null;
        });
        as("panlei", () -> {
            documents.answer(id, round2, Stance.AGREE, null);
            return null;
        });
        documents.closeRound(id);
        long point = store.rounds(id).get(1).pointId();
        documents.escalate(id, point, "建议以资产移交办结时间为界划分养护责任，移交手续由市住建局年底前办结。");
        return id;
    }

    private static Documents.Draft withBody(Documents.Draft seeded, String body, long zjj, long slj, long cgj) {
        return new Documents.Draft(
                seeded.title(),
                seeded.urgency(),
                seeded.classification(),
                List.of(zjj, slj, cgj),
                seeded.copyTo(),
                seeded.coIssuers(),
                body,
                seeded.attachments(),
                seeded.note(),
                seeded.printingUnit(),
                seeded.present(),
                seeded.excused(),
                seeded.observers(),
                seeded.decisions());
    }

    private <T> T as(String username, Supplier<T> step) {
        var previous = SecurityContextHolder.getContext();
        UserDetails account = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(account, null, account.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
