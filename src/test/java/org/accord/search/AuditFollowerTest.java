package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.audit.AuditedObjects.AuditedObject;
import org.junit.jupiter.api.Test;

/**
 * The follower's window: records that commit out of id order are handed on once each, late ones included, and a
 * look at a log that did not change reads nothing again.
 */
class AuditFollowerTest {

    /** The audit log as the database shows it: only committed records, read in id order. */
    final TreeMap<Long, AuditedObject> committed = new TreeMap<>();

    final List<Long> asked = new ArrayList<>();
    final AtomicLong clock = new AtomicLong();

    final AuditFollower.AuditLog log = (afterId, limit) -> {
        asked.add(afterId);
        return committed.tailMap(afterId, false).values().stream().limit(limit).toList();
    };

    void commit(long id, String caseId) {
        committed.put(id, new AuditedObject(id, "cases", "case", caseId));
    }

    AuditFollower follower(long after, int pageSize) {
        return new AuditFollower(log, after, after, Duration.ofMinutes(1), pageSize, clock::get);
    }

    List<String> look(AuditFollower follower) {
        List<String> handed = new ArrayList<>();
        int count = follower.follow(object -> handed.add(object.objectId()));
        assertThat(count).isEqualTo(handed.size());
        return handed;
    }

    @Test
    void aRecordCommittedAfterAHigherOneWasReadIsStillHandedOnOnce() {
        AuditFollower follower = follower(10, 100);
        commit(11, "a");
        commit(12, "b");
        commit(14, "d"); // 13 took its id first but has not committed yet
        assertThat(look(follower)).containsExactly("a", "b", "d");
        assertThat(follower.lastSeen()).isEqualTo(14);
        assertThat(follower.missing()).isEqualTo(1);

        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        commit(13, "c");
        commit(15, "e");
        assertThat(look(follower)).as("only the late one and the new one").containsExactly("c", "e");
        assertThat(follower.missing()).isZero();

        asked.clear();
        assertThat(look(follower)).as("nothing changed").isEmpty();
        assertThat(asked).as("one query from the newest record read").containsExactly(15L);
    }

    @Test
    void whileAnIdIsMissingTheLookReadsFromItButHandsOnOnlyWhatIsNew() {
        AuditFollower follower = follower(0, 100);
        commit(1, "a");
        commit(3, "c");
        look(follower);
        asked.clear();
        commit(4, "d");
        assertThat(look(follower)).containsExactly("d");
        assertThat(asked).as("from below the missing id").containsExactly(1L);
    }

    @Test
    void anIdMissingLongerThanTheWindowIsGivenUp() {
        AuditFollower follower = follower(0, 100);
        commit(1, "a");
        commit(3, "c"); // 2 was rolled back: it never comes
        look(follower);
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        asked.clear();
        assertThat(look(follower)).isEmpty();
        assertThat(follower.missing()).isZero();
        assertThat(asked).as("no longer read from below it").containsExactly(3L);
    }

    @Test
    void idsMissingBelowTheStartOfTheWindowAreNotWaitedFor() {
        commit(5, "e");
        commit(9, "i");
        commit(12, "l");
        // Catching up from 4, where the records up to 9 are older than the window.
        AuditFollower follower = new AuditFollower(log, 4, 9, Duration.ofMinutes(1), 100, clock::get);
        assertThat(look(follower)).containsExactly("e", "i", "l");
        assertThat(follower.missing()).as("10 and 11 only").isEqualTo(2);
    }

    @Test
    void recordsAreReadPageByPageAndEachObjectHandedOnOnceAPage() {
        AuditFollower follower = follower(0, 3);
        commit(1, "a");
        commit(2, "a");
        commit(3, "b");
        commit(4, "a");
        commit(5, null); // a record about no object (a sign-in, say) is passed over
        assertThat(look(follower)).containsExactly("a", "b", "a");
        assertThat(asked).containsExactly(0L, 3L);
        assertThat(follower.lastSeen()).isEqualTo(5);
    }

    @Test
    void aPageThatCouldNotBeHandledIsReadAgainAtTheNextLook() {
        AuditFollower follower = follower(0, 100);
        commit(1, "a");
        commit(2, "b");
        assertThatThrownBy(() -> follower.follow(object -> {
                    if ("b".equals(object.objectId())) {
                        throw new IllegalStateException("database gone");
                    }
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(follower.lastSeen()).isZero();
        assertThat(look(follower)).containsExactly("a", "b");
    }
}
