package dev.attest.designer;

import java.time.Instant;

/**
 * A draft in the designer.
 *
 * @param id its id
 * @param name what the designer called it
 * @param kind BPMN or DMN
 * @param resourceName the file name it deploys as
 * @param basedOn the definition id it started from, if any
 * @param xml the model
 * @param updatedBy who saved it last
 * @param updatedAt when
 * @param version its optimistic-lock version (a save with an older one is refused)
 */
public record DraftModel(long id, String name, ModelKind kind, String resourceName, String basedOn, String xml,
        String updatedBy, Instant updatedAt, long version) {
}
