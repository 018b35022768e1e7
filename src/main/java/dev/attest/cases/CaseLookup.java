package dev.attest.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.internal.CaseFiles;

/**
 * Reads case files. Only roles that work on cases may read them: analysts, senior analysts, managers,
 * intake and administrators; designers see process definitions, not personal data.
 */
@Service
@Transactional(readOnly = true)
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_INTAKE", "ROLE_ADMIN"})
public class CaseLookup {

    /** At most this many cases found by other modules' text ({@link CaseTextSearch}) join a search. */
    static final int MAX_OTHER_TEXT_MATCHES = 1_000;
    /** Stands for "no case" in the query's list of cases found elsewhere (an empty list is no valid SQL). */
    private static final UUID NO_CASE = new UUID(0, 0);

    private final CaseFiles caseFiles;
    private final CaseWorkflow workflow;
    private final ObjectProvider<CaseDocuments> documents;
    private final ObjectProvider<CaseTextSearch> texts;
    private final ObjectProvider<CaseHistory> histories;

    CaseLookup(CaseFiles caseFiles, CaseWorkflow workflow,
            ObjectProvider<CaseDocuments> documents, ObjectProvider<CaseTextSearch> texts,
            ObjectProvider<CaseHistory> histories) {
        this.caseFiles = caseFiles;
        this.workflow = workflow;
        this.documents = documents;
        this.texts = texts;
        this.histories = histories;
    }

    /** A case by its public id (a UUID) or its reference ({@code CASE-2026-000123}). */
    public Optional<CaseFile> find(String idOrReference) {
        return CaseRecords.find(caseFiles, idOrReference);
    }

    /** A case by id or reference, or {@link CaseNotFoundException}. */
    public CaseFile get(String idOrReference) {
        return find(idOrReference).orElseThrow(() -> new CaseNotFoundException(idOrReference));
    }

    /** The cases with the given references, keyed by reference. */
    public Map<String, CaseFile> byReferences(Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return caseFiles.findByReferenceIn(references).stream()
                .collect(Collectors.toMap(CaseFile::getReference, Function.identity()));
    }

    /** The case's open tasks, oldest first. */
    public List<CaseWorkflow.OpenTask> openTasks(CaseFile caseFile) {
        return caseFile.getReference() == null ? List.of() : workflow.openTasks(caseFile.getReference());
    }

    /**
     * One page of cases, newest first, filtered by free text (reference, client, e-mail, and the text other modules
     * keep about cases that the caller may read, such as notes: see {@link CaseTextSearch}), type and status.
     */
    public List<CaseFile> search(String text, CaseType type, CaseStatus status, int offset, int limit) {
        int size = Math.max(1, limit);
        String like = like(text);
        return caseFiles.search(like, otherMatches(like), type, status,
                new OffsetPage(offset, size, Sort.by(Sort.Direction.DESC, "createdAt")));
    }

    /** How many cases {@link #search} would list. */
    public long count(String text, CaseType type, CaseStatus status) {
        String like = like(text);
        return caseFiles.countSearch(like, otherMatches(like), type, status);
    }

    /** The cases other modules' text matches (at most {@value #MAX_OTHER_TEXT_MATCHES}), or a list naming none. */
    private Collection<UUID> otherMatches(String like) {
        if (like == null) {
            return List.of(NO_CASE);
        }
        Set<UUID> found = new LinkedHashSet<>();
        texts.orderedStream().forEach(t -> found.addAll(t.caseIdsMatching(like, MAX_OTHER_TEXT_MATCHES)));
        return found.isEmpty() ? List.of(NO_CASE) : found.stream().limit(MAX_OTHER_TEXT_MATCHES).toList();
    }

    /**
     * The case's history, oldest first: what happened to its documents in words (from the documents module), and
     * the rest from the engine's history, its audit records, escalations and waits, without the process steps the
     * documents' events already tell.
     */
    public List<CaseWorkflow.TimelineEntry> timeline(CaseFile caseFile) {
        if (caseFile.getReference() == null) {
            return List.of();
        }
        CaseDocuments docs = documents.getIfAvailable();
        Set<String> told = docs == null ? Set.of() : docs.toldSteps();
        List<CaseWorkflow.TimelineEntry> entries = new ArrayList<>(workflow.timeline(caseFile.getReference())
                .stream().filter(e -> e.activityId() == null || !told.contains(e.activityId())).toList());
        if (docs != null) {
            entries.addAll(docs.history(caseFile.getId()));
        }
        histories.orderedStream().forEach(h -> entries.addAll(h.of(caseFile)));
        entries.sort(Comparator.comparing(CaseWorkflow.TimelineEntry::at));
        return entries;
    }

    static String like(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
        return escaped.isEmpty() ? null : "%" + escaped + "%";
    }
}
