package org.accord.search;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rebuild command: {@code java -jar accord.jar --accord.search.rebuild} empties the index, reads every item
 * again from the database, prints progress (items/total, rate) and exits. Run it with the application stopped: the
 * index takes one writer at a time. {@link SearchRebuildCommandEnvironment} keeps such a run off the server's port.
 */
@Component
@Order(Integer.MAX_VALUE)
class SearchRebuildCommand implements ApplicationRunner {

    static final String OPTION = "accord.search.rebuild";

    private final SearchIndexer indexer;
    private final ConfigurableApplicationContext context;

    SearchRebuildCommand(SearchIndexer indexer, ConfigurableApplicationContext context) {
        this.indexer = indexer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int status = rebuild(System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    int rebuild(PrintStream out) {
        out.println("Rebuilding the search index…");
        long[] lastPrinted = {0};
        SearchIndexer.RebuildProgress done = indexer.rebuild(progress -> {
            long now = System.nanoTime();
            if (now - lastPrinted[0] > 1_000_000_000L) {
                lastPrinted[0] = now;
                out.println(progress);
            }
        });
        out.println("Done: " + done);
        return 0;
    }
}
