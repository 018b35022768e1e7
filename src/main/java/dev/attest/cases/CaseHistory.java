package dev.attest.cases;

import java.util.List;

/**
 * Entries other modules add to a case's timeline (the notes written on it), without the cases module knowing them:
 * every Spring bean of this type is asked by {@link CaseLookup#timeline}. An implementation answers only what the
 * current user may read.
 */
public interface CaseHistory {

    /** What happened on the case, in words, in any order. */
    List<CaseWorkflow.TimelineEntry> of(CaseFile caseFile);
}
