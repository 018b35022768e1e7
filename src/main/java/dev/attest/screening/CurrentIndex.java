package dev.attest.screening;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The index of the lists in force, rebuilt when their generation changes: as soon as a version's loading commits,
 * or at the next screening when a version came into force on another node.
 */
@Component
class CurrentIndex {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentIndex.class);

    private final ListsInForce lists;
    private volatile ScreeningIndex index;

    CurrentIndex(ListsInForce lists) {
        this.lists = lists;
    }

    ScreeningIndex get() {
        long generation = lists.generation();
        ScreeningIndex current = index;
        if (current != null && current.generation() == generation) {
            return current;
        }
        synchronized (this) {
            current = index;
            if (current == null || current.generation() != generation) {
                current = ScreeningIndex.of(generation, lists.entries());
                index = current;
            }
            return current;
        }
    }

    /**
     * A new version came into force: the index is rebuilt now rather than in the next screening. A failure here is
     * logged only (the version is committed; the next screening builds the index again).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void rebuild(ListVersionLoaded loaded) {
        try {
            get();
        } catch (RuntimeException e) {
            LOG.warn("The screening index could not be rebuilt after {} version {} came into force; the next "
                    + "screening tries again", loaded.list(), loaded.versionId(), e);
        }
    }
}
