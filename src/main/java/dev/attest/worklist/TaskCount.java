package dev.attest.worklist;

/**
 * How many tasks a filter lists, counted only up to a cap: beyond it the exact number costs more than it tells.
 *
 * @param count the number of tasks, or the cap when there are more
 * @param more whether there are more than {@code count}
 */
public record TaskCount(long count, boolean more) {

    /** "12", or "1000+" beyond the cap. */
    public String label() {
        return count + (more ? "+" : "");
    }
}
