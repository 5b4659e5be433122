package org.accord.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the database. Every change is audited inside its transaction; the audited event
 * reaches {@link #on} after commit through the event publication registry (which republishes it after a crash),
 * and the object is read again from its module and replaced in the index. Commits to disk happen every few
 * seconds, each marked with the newest audit record id seen before it; at start-up everything audited since
 * that mark (and since a margin of time before it, for events still in flight then) is indexed again, and an
 * index that was never completed is rebuilt.
 */
@Component
class SearchIndexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 500;

    private final SearchIndex index;
    private final List<SearchSource> sources;
    private final AuditedObjects audited;
    private final Duration margin;
    private final int rebuildThreads;
    private final ScheduledExecutorService committer;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final Duration retryEvery;

    SearchIndexer(
            SearchIndex index,
            List<SearchSource> sources,
            AuditedObjects audited,
            @Value("${accord.search.catch-up-margin:PT10M}") Duration margin,
            @Value("${accord.search.commit-every:PT5S}") Duration commitEvery,
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

    /** Indexes again what was audited since the index's last commit; rebuilds an index never completed. */
    int catchUp() {
        SearchIndex.Checkpoint checkpoint = index.checkpoint();
        if (checkpoint == null) {
            log.info("Search index has never been completed: rebuilding it");
            rebuild(progress -> {});
            return -1;
        }
        long from = Math.min(
                checkpoint.auditId(),
                audited.lastRecordIdBefore(
                        Instant.ofEpochMilli(checkpoint.atMillis()).minus(margin)));
        SearchIndex.Checkpoint mark = markNow();
        Set<String> done = new LinkedHashSet<>();
        long after = from;
        while (true) {
            List<AuditedObject> page = audited.after(after, 1000);
            if (page.isEmpty()) {
                break;
            }
            for (AuditedObject object : page) {
                if (object.objectId() != null
                        && done.add(object.module() + "/" + object.objectType() + "/" + object.objectId())) {
                    reindex(object.module(), object.objectType(), object.objectId());
                }
            }
            after = page.get(page.size() - 1).recordId();
        }
        index.commit(mark);
        log.info("Search index caught up: {} objects audited after record {} indexed again", done.size(), from);
        return done.size();
    }

    /**
     * Empties the index and reads every source again, reporting progress after each batch. Analysis (SmartCN above
     * all) costs far more than reading, so batches are indexed on {@code accord.search.rebuild-threads} threads
     * (the writer takes documents from several threads at once) while this thread reads the next; when they all
     * are busy, this thread indexes a batch itself rather than read further ahead.
     */
    synchronized RebuildProgress rebuild(Consumer<RebuildProgress> progress) {
        SearchIndex.Checkpoint mark = markNow();
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
            workers.shutdownNow();
        }
        RebuildProgress result = new RebuildProgress(null, done.get(), total, System.nanoTime() - started);
        // The reports above were made as pages were handed on, before the last ones were indexed.
        progress.accept(result);
        log.info("Search index rebuilt on {} threads: {}", threads, result);
        return result;
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
            if (!rebuilding.get() && index.changedSinceCommit()) {
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
