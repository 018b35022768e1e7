package dev.attest.worklist;

/**
 * A task-list filter saved under a name, as its owner and the team see it.
 *
 * @param id its id
 * @param name its name (unique per owner, and among team filters)
 * @param team whether a manager published it to all staff
 * @param owner who saved it
 * @param filter the filter
 * @param count how many tasks it lists for the caller, capped; {@code null} when the caller may not run it (a team
 *        filter over all open tasks, for someone who is not a manager)
 */
public record SavedFilter(long id, String name, boolean team, String owner, TaskFilter filter, TaskCount count) {
}
