package dev.attest.screening;

import java.util.Collection;
import java.util.List;

/**
 * The entries of the list versions in force: what screening matches against. Implemented by the list store; the
 * matcher keeps its index up to date with {@link #generation()}.
 */
public interface ListsInForce {

    /** Every entry of every list's version in force. */
    List<SanctionsEntry> entries();

    /** Some entries of a list's version in force, by id (ids not on it are skipped). */
    List<SanctionsEntry> entries(SanctionsList list, Collection<String> entryIds);

    /** A number that changes whenever a version comes into force (for caches). */
    long generation();
}
