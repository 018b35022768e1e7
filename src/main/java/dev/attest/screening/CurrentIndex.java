package dev.attest.screening;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The index of the lists in force, rebuilt when their generation changes: at the first screening after a new
 * version, or as soon as a version's loading commits.
 */
@Component
class CurrentIndex {

    private final ObjectProvider<ListsInForce> lists;
    private volatile ScreeningIndex index;

    CurrentIndex(ObjectProvider<ListsInForce> lists) {
        this.lists = lists;
    }

    ScreeningIndex get() {
        ListsInForce source = lists.getIfAvailable();
        if (source == null) {
            throw new IllegalStateException("No list store (ListsInForce) in this application: nothing to screen "
                    + "against");
        }
        long generation = source.generation();
        ScreeningIndex current = index;
        if (current != null && current.generation() == generation) {
            return current;
        }
        synchronized (this) {
            current = index;
            if (current == null || current.generation() != generation) {
                current = ScreeningIndex.of(generation, source.entries());
                index = current;
            }
            return current;
        }
    }

    /** A new version came into force: the index is rebuilt now rather than in the next screening. */
    @TransactionalEventListener(fallbackExecution = true)
    void rebuild(ListVersionLoaded loaded) {
        get();
    }
}
