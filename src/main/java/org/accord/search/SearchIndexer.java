package org.accord.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.accord.audit.Audited;
import org.accord.audit.AuditedObjects;
import org.accord.audit.AuditedObjects.AuditedObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Keeps the index in step with the database. Every change is audited inside its transaction; the audited event
 * reaches {@link #on} after commit through the event publication registry (which republishes it after a crash),
 * and the object is read again from its module and replaced in the index. Commits to disk happen every few
 * seconds, each marked with the newest audit record id seen before it; at start-up everything audited since
 * that mark (and since a margin of time before it, for events still in flight then) is indexed again, and an
 * index that was never completed is rebuilt.
 *
 * <p>Events reach only the instance that made the change. So that every instance's index also finds what the
 * others changed, and none silently misses a change whose event was lost, each instance then follows the audit log
 * itself every {@code accord.search.follow-every} ({@link AuditFollower}), on the same thread as the commits.
 */
@Component
class SearchIndexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 500;
    private static final int PAGE = 1000;

    private final SearchIndex index;
    private final List<SearchSource> sources;
    private final AuditedObjects audited;
    private final Duration margin;
    private final int rebuildThreads;
    private final ScheduledExecutorService committer;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final Duration retryEvery;
    private final Duration followEvery;
    private final Duration followWindow;
    /** Set once the start-up catch-up (or rebuild) is done; from then on used by the committing thread only. */
    private volatile @Nullable AuditFollower follower;

    private boolean followFailing;

    SearchIndexer(
            SearchIndex index,
            List<SearchSource> sources,
            AuditedObjects audited,
            @Value("${accord.search.catch-up-margin:PT10M}") Duration margin,
            @Value("${accord.search.commit-every:PT5S}") Duration commitEvery,
            @Value("${accord.search.follow-every:PT5S}") Duration followEvery,
            @Value("${accord.search.follow-window:PT1M}") Duration followWindow,
            @Value("${accord.search.rebuild-threads:0}") int rebuildThreads) {
        this.index = index;
        this.rebuildThreads =
                rebuildThreads > 0 ? rebuildThreads : Runtime.getRuntime().availableProcessors();
        this.sources = sources;
        this.audited = audited;
        this.margin = margin;
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "search-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(
                this::commitIfChanged, commitEvery.toMillis(), commitEvery.toMillis(), TimeUnit.MILLISECONDS);
        this.retryEvery = commitEvery;
        this.followEvery = followEvery;
        this.followWindow = followWindow;
        if (!followEvery.isNegative() && !followEvery.isZero()) {
            committer.scheduleWithFixedDelay(
                    this::followLog, followEvery.toMillis(), followEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @ApplicationModuleListener
    void on(Audited event) {
        if (event.objectId() != null) {
            reindex(event.module(), event.objectType(), event.objectId());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart(ApplicationReadyEvent event) {
        if (event.getArgs().length > 0
                && List.of(event.getArgs()).stream().anyMatch(a -> a.startsWith("--" + SearchRebuildCommand.OPTION))) {
            return;
        }
        if (index.checkpoint() != null) {
            // An index that was complete serves at once; what changed since its last commit (after a crash under
            // load, thousands of objects) is read again behind it, on the thread that commits, so no commit
            // claims more than was caught up.
            committer.execute(this::catchUpLater);
            return;
        }
        try {
            catchUp();
        } catch (RuntimeException e) {
            // The database may be gone for a while (a restart during an outage): the application serves without
            // the missed changes and the index catches up when it can, instead of the whole start failing.
            log.warn("Search index could not catch up at start-up; trying again every {}", retryEvery, e);
            committer.schedule(this::catchUpLater, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void catchUpLater() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("Search index still could not catch up; trying again in {}: {}", retryEvery, e.toString());
            committer.schedule(this::catchUpLater, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reads the object again from every source that handles it and replaces its items. */
    void reindex(String module, String objectType, String objectId) {
        for (SearchSource source : sources) {
            if (source.handles(module, objectType)) {
                index.replace(source.kind(), source.origin(objectId), source.from(objectId));
            }
        }
    }

    /**
     * Indexes an object named in the audit log again. When the database cannot be reached the failure stops the look
     * (the page is read again next time); any other failure concerns this object alone: it is logged and the log
     * followed on, so that one object that cannot be read does not hold up every change after it.
     */
    private void reindex(AuditedObject object) {
        try {
            reindex(object.module(), object.objectType(), object.objectId());
        } catch (TransientDataAccessException
                | DataAccessResourceFailureException
                | CannotCreateTransactionException unreachable) {
            throw unreachable;
        } catch (RuntimeException e) {
            log.error(
                    "Search index could not index {}/{}/{} named in audit record {}; left as it was",
                    object.module(),
                    object.objectType(),
                    object.objectId(),
                    object.recordId(),
                    e);
        }
    }

    /**
     * Indexes again what was audited since the index's last commit; rebuilds an index never completed. Then the
     * audit log is followed from where this left off.
     */
    int catchUp() {
        SearchIndex.Checkpoint checkpoint = index.checkpoint();
        if (checkpoint == null) {
            log.info("Search index has never been completed: rebuilding it");
            SearchIndex.Checkpoint mark = markNow();
            rebuild(mark, progress -> {});
            // Every record up to the mark, visible or still in flight, names a change committed before the mark
            // was read (a record is inserted after its change commits), so the rebuild read all of them.
            follower = new AuditFollower(
                    audited::after, mark.auditId(), mark.auditId(), followWindow, PAGE, System::nanoTime);
            return -1;
        }
        long from = Math.min(
                checkpoint.auditId(),
                audited.lastRecordIdBefore(
                        Instant.ofEpochMilli(checkpoint.atMillis()).minus(margin)));
        // Ids missing among records older than the follow window are not waited for: they will not come.
        long recent = Math.max(from, audited.lastRecordIdBefore(Instant.now().minus(followWindow)));
        SearchIndex.Checkpoint mark = markNow();
        AuditFollower catchingUp =
                new AuditFollower(audited::after, from, recent, followWindow, PAGE, System::nanoTime);
        int objects = catchingUp.follow(this::reindex);
        index.commit(mark);
        follower = catchingUp;
        log.info("Search index caught up: {} objects audited after record {} indexed again", objects, from);
        return objects;
    }

    /**
     * One look at the audit log: the objects audited since the last look (on any instance) are indexed again. A
     * failure (the database gone) is logged once and tried again at the next look.
     */
    void followLog() {
        AuditFollower following = follower;
        if (following == null) {
            return;
        }
        try {
            int objects = following.follow(this::reindex);
            if (followFailing) {
                log.info("Search index follows the audit log again");
                followFailing = false;
            }
            if (objects > 0) {
                log.debug(
                        "Search index followed the audit log: {} objects indexed again, up to record {}",
                        objects,
                        following.lastSeen());
            }
        } catch (RuntimeException e) {
            if (!followFailing) {
                log.warn(
                        "Search index could not follow the audit log; trying again every {}: {}",
                        followEvery,
                        e.toString());
                followFailing = true;
            }
        }
    }

    /**
     * Empties the index and reads every source again, reporting progress after each batch. Analysis (SmartCN above
     * all) costs far more than reading, so batches are indexed on {@code accord.search.rebuild-threads} threads
     * (the writer takes documents from several threads at once) while this thread reads the next; when they all
     * are busy, this thread indexes a batch itself rather than read further ahead.
     */
    RebuildProgress rebuild(Consumer<RebuildProgress> progress) {
        return rebuild(markNow(), progress);
    }

    private synchronized RebuildProgress rebuild(SearchIndex.Checkpoint mark, Consumer<RebuildProgress> progress) {
        // A commit halfway would mark a half-built index as complete. After a failure commits stay off, so the
        // index is never marked complete and the next catch-up (or start) rebuilds it.
        rebuilding.set(true);
        RebuildProgress result = rebuild(index, sources, rebuildThreads, mark, progress);
        rebuilding.set(false);
        return result;
    }

    /** The rebuild itself, on {@code threads} threads; the index is marked with {@code mark} when complete. */
    static RebuildProgress rebuild(
            SearchIndex index,
            List<SearchSource> sources,
            int threads,
            SearchIndex.Checkpoint mark,
            Consumer<RebuildProgress> progress) {
        long total = sources.stream().mapToLong(SearchSource::count).sum();
        long started = System.nanoTime();
        AtomicLong done = new AtomicLong();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads),
                r -> {
                    Thread thread = new Thread(r, "search-rebuild-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        List<Future<?>> indexed = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        index.startRebuild();
        try {
            for (SearchSource source : sources) {
                source.all(BATCH, batch -> {
                    // Stop reading at the first batch that could not be indexed.
                    if (failure.get() != null) {
                        throw failure.get();
                    }
                    indexed.add(workers.submit(() -> {
                        try {
                            index.addDuringRebuild(batch);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                            throw e;
                        }
                        done.addAndGet(batch.size());
                    }));
                    progress.accept(new RebuildProgress(source.kind(), done.get(), total, System.nanoTime() - started));
                });
            }
            workers.shutdown();
            for (Future<?> batch : indexed) {
                waitFor(batch);
            }
            index.finishRebuild(mark);
        } finally {
            // Never interrupt a worker: an interrupt inside Lucene's file I/O closes the index for good. Batches not
            // started are dropped, those running end (they see the failure, if any, only through the rebuild's end).
            workers.getQueue().clear();
            workers.shutdown();
            awaitQuietly(workers);
        }
        RebuildProgress result = new RebuildProgress(null, done.get(), total, System.nanoTime() - started);
        // The reports above were made as pages were handed on, before the last ones were indexed.
        progress.accept(result);
        log.info("Search index rebuilt on {} threads: {}", threads, result);
        return result;
    }

    private static void awaitQuietly(ThreadPoolExecutor workers) {
        try {
            if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("Search index rebuild: indexing threads still running after a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(Future<?> batch) {
        try {
            batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Search index rebuild interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Search index rebuild failed", e.getCause());
        }
    }

    private SearchIndex.Checkpoint markNow() {
        long at = System.currentTimeMillis();
        return new SearchIndex.Checkpoint(audited.lastRecordId(), at);
    }

    void commitIfChanged() {
        try {
            // Until the start-up catch-up (or rebuild) has succeeded, a commit would mark the index as holding
            // everything audited so far and the catch-up, tried again, would start from there: nothing is committed.
            if (follower != null && !rebuilding.get() && index.changedSinceCommit()) {
                index.commit(markNow());
            }
        } catch (RuntimeException e) {
            log.warn("Search index commit failed; it will be tried again", e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // An interrupt in the middle of Lucene's file I/O closes the index's channels: let a commit or a catch-up
        // step end first. A catch-up cut short is done again at the next start.
        committer.shutdown();
        if (!committer.awaitTermination(10, TimeUnit.SECONDS)) {
            committer.shutdownNow();
        }
    }

    /**
     * How far a rebuild has got.
     *
     * @param kind the kind being read, null when finished
     * @param done items indexed
     * @param total items expected
     * @param nanos time taken so far
     */
    record RebuildProgress(
            @org.jspecify.annotations.Nullable SearchKind kind, long done, long total, long nanos) {

        double perSecond() {
            return nanos == 0 ? 0 : done * 1e9 / nanos;
        }

        @Override
        public String toString() {
            return String.format(
                    "%d/%d items (%.0f/s, %.1f s)%s",
                    done, total, perSecond(), nanos / 1e9, kind == null ? "" : " reading " + kind);
        }
    }
}
