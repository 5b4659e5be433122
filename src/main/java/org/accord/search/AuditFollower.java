package org.accord.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.accord.audit.AuditedObjects.AuditedObject;

/**
 * Which audited objects are new since the last look at the audit log, for an index that follows it.
 *
 * <p>An audit record's id is taken when the record is inserted but can be read only once its transaction commits,
 * so a record may become visible after one with a higher id was already read (two instances, or two threads of
 * one, recording at the same moment). Reading again a fixed time back at every look would read every record of
 * that time again and again. Instead the follower remembers the ids missing below the highest one it has read
 * (the gaps) and when it noticed each: a look reads from the lowest gap still open, hands on the records above the
 * highest id read and those that fill a gap, and skips the rest, which were handled before. A gap is given up once
 * it has been open for the window: the audit module records in a short transaction of its own after the change
 * committed, so an id missing that long was rolled back or skipped by the sequence, not still in flight. With no
 * gap open, a look is one query on the primary key that finds nothing.
 *
 * <p>A record names a change that committed before the record was inserted, so reading the object after the
 * record is visible sees that change. Within one page every record was visible when the page was read, so each
 * object is handed on once a page; a later page may name it again (it may have changed in between).
 *
 * <p>Not thread-safe: one thread looks at a time (the indexer's committing thread).
 */
final class AuditFollower {

    /** The part of the audit module's {@code AuditedObjects} the follower reads. */
    @FunctionalInterface
    interface AuditLog {
        List<AuditedObject> after(long afterId, int limit);
    }

    private record Gap(long last, long noticedAt) {}

    private final AuditLog log;
    private final long ignoreGapsUpTo;
    private final long windowNanos;
    private final int pageSize;
    private final LongSupplier nanoClock;
    /** First id of each open gap, to its last id and when it was noticed. */
    private final NavigableMap<Long, Gap> gaps = new TreeMap<>();

    private long lastSeen;

    /**
     * @param after the id after which every record is new
     * @param ignoreGapsUpTo ids missing at or below it are not waited for (they are older than the window)
     * @param window how long a missing id is waited for
     */
    AuditFollower(
            AuditLog log, long after, long ignoreGapsUpTo, Duration window, int pageSize, LongSupplier nanoClock) {
        this.log = log;
        this.lastSeen = after;
        this.ignoreGapsUpTo = ignoreGapsUpTo;
        this.windowNanos = window.toNanos();
        this.pageSize = pageSize;
        this.nanoClock = nanoClock;
    }

    /**
     * Hands every object of a new record with an object id to {@code handle}, and returns how many were handed.
     * The follower moves on only after a whole page was handled: when {@code handle} throws, the page is read
     * again at the next look.
     */
    int follow(Consumer<AuditedObject> handle) {
        giveUpOldGaps();
        long cursor = gaps.isEmpty() ? lastSeen : Math.min(lastSeen, gaps.firstKey() - 1);
        int handed = 0;
        while (true) {
            List<AuditedObject> page = log.after(cursor, pageSize);
            List<Long> fresh = new ArrayList<>();
            Set<String> objects = new HashSet<>();
            for (AuditedObject record : page) {
                if (!isNew(record.recordId())) {
                    continue;
                }
                fresh.add(record.recordId());
                if (record.objectId() != null
                        && objects.add(record.module() + "/" + record.objectType() + "/" + record.objectId())) {
                    handle.accept(record);
                    handed++;
                }
            }
            fresh.forEach(this::seen);
            if (page.size() < pageSize) {
                return handed;
            }
            cursor = page.get(page.size() - 1).recordId();
        }
    }

    /** The highest id read so far. */
    long lastSeen() {
        return lastSeen;
    }

    /** How many ids below {@link #lastSeen()} are still waited for. */
    long missing() {
        return gaps.entrySet().stream()
                .mapToLong(gap -> gap.getValue().last() - gap.getKey() + 1)
                .sum();
    }

    private boolean isNew(long id) {
        if (id > lastSeen) {
            return true;
        }
        Map.Entry<Long, Gap> gap = gaps.floorEntry(id);
        return gap != null && gap.getValue().last() >= id;
    }

    /** Records a new id (in increasing order within a page): it opens a gap above the last one or fills one. */
    private void seen(long id) {
        if (id > lastSeen) {
            long first = Math.max(lastSeen, ignoreGapsUpTo) + 1;
            if (first < id) {
                gaps.put(first, new Gap(id - 1, nanoClock.getAsLong()));
            }
            lastSeen = id;
            return;
        }
        Map.Entry<Long, Gap> entry = gaps.floorEntry(id);
        Gap gap = entry.getValue();
        gaps.remove(entry.getKey());
        if (entry.getKey() < id) {
            gaps.put(entry.getKey(), new Gap(id - 1, gap.noticedAt()));
        }
        if (id < gap.last()) {
            gaps.put(id + 1, new Gap(gap.last(), gap.noticedAt()));
        }
    }

    private void giveUpOldGaps() {
        long now = nanoClock.getAsLong();
        gaps.values().removeIf(gap -> now - gap.noticedAt() > windowNanos);
    }
}
