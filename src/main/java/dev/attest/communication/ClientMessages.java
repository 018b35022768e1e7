package dev.attest.communication;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import dev.attest.cases.CaseProgress;
import dev.attest.cases.CaseRecords;
import dev.attest.communication.internal.OutboxMessages;

/**
 * Writes to clients: renders a template, stores the e-mail in the outbox in the caller's transaction and wakes
 * the {@link MailRelay} once that transaction commits (a rolled-back step sends nothing). Called by the engine's
 * delegates (a request for a document, the marketplace's approval), so the writing carries no role check; reading
 * the outbox does.
 */
@Service
public class ClientMessages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z",
            Locale.US);

    private final OutboxMessages outbox;
    private final UploadLinks links;
    private final CaseProgress cases;
    private final CaseRecords records;
    private final MailRelay relay;
    private final Clock clock;
    private final ZoneId zone;
    private final PortalSettings portal;
    private final UploadSizeLimit sizeLimit;
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(false).emptyStringIsFalse(true)
            .defaultValue("");
    private final Map<MailTemplate, Template> bodies = new ConcurrentHashMap<>();
    private final Map<MailTemplate, Template> subjects = new ConcurrentHashMap<>();

    ClientMessages(OutboxMessages outbox, UploadLinks links, CaseProgress cases, CaseRecords records,
            MailRelay relay, Clock clock, ZoneId zone, PortalSettings portal, UploadSizeLimit sizeLimit) {
        this.portal = portal;
        this.sizeLimit = sizeLimit;
        this.outbox = outbox;
        this.links = links;
        this.cases = cases;
        this.records = records;
        this.relay = relay;
        this.clock = clock;
        this.zone = zone;
    }

    /** Why the client is asked for a document. */
    public enum RequestKind {
        /** The first request. */
        FIRST,
        /** The document sent was refused; the reasons say why. */
        REJECTED,
        /** The client has not answered in time. */
        REMINDER
    }

    /**
     * Asks the client for one document of a group, of any kind.
     *
     * @see #requestDocument(UUID, String, String, List, String, Instant, RequestKind)
     */
    @Transactional
    public OutboxMessage requestDocument(UUID caseId, String documentGroup, String reasons, Instant replyDue,
            RequestKind kind) {
        return requestDocument(caseId, documentGroup, reasons,
                List.of(new RequestedItem("The requested document", reasons, List.of())), null, replyDue, kind);
    }

    /**
     * Asks the client for documents: creates an upload link with one slot per item (an older link's open slots
     * for the same items stop working) and queues the e-mail carrying it.
     *
     * @param documentGroup {@code IDENTITY}, {@code ADDRESS}, {@code COMPANY} or {@code OTHER}
     * @param reasons why the documents are needed, for the client
     * @param items what to send, one upload slot each
     * @param requestedBy who asks (a display name), or {@code null} for the case team
     * @param replyDue when the reply is due
     */
    @Transactional
    public OutboxMessage requestDocument(UUID caseId, String documentGroup, String reasons, List<RequestedItem> items,
            String requestedBy, Instant replyDue, RequestKind kind) {
        return requestDocument(caseId, documentGroup, reasons, items, requestedBy, null, replyDue, kind);
    }

    /**
     * Asks the client for documents as {@link #requestDocument(UUID, String, String, List, String, Instant,
     * RequestKind)} does, recording on the link the user name of who asks (told when the client's document arrives).
     *
     * @param requestedByUser the user name of who asks, or {@code null} for the case team
     */
    @Transactional
    public OutboxMessage requestDocument(UUID caseId, String documentGroup, String reasons, List<RequestedItem> items,
            String requestedBy, String requestedByUser, Instant replyDue, RequestKind kind) {
        records.requireOpen(caseId, "ask the client for a document");
        CaseProgress.Contact contact = cases.contact(caseId);
        UploadLinks.NewLink link = links.create(caseId, contact.reference(), documentGroup, reasons, requestedBy,
                requestedByUser, items);
        Map<String, Object> model = new HashMap<>();
        model.put("reasons", reasons);
        model.put("items", items.stream().map(i -> Map.of("title", i.title(), "explanation", i.explanation()))
                .toList());
        model.put("several", items.size() > 1);
        model.put("requestedBy", requestedBy);
        model.put("uploadUrl", link.url());
        model.put("linkExpires", DATE_TIME.format(link.expiresAt().atZone(zone)));
        model.put("replyDue", DATE.format(replyDue.atZone(zone)));
        MailTemplate template = template(kind);
        return queue(contact, template, model, link.url());
    }

    /** Queues an e-mail without a link, e.g. the authenticator guidance. */
    @Transactional
    public OutboxMessage send(UUID caseId, MailTemplate template, Map<String, Object> values) {
        return queue(cases.contact(caseId), template, new HashMap<>(values), null);
    }

    /** The e-mails of a case, oldest first. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_ADMIN"})
    public List<OutboxMessage> ofCase(String caseReference) {
        return outbox.findByCaseReferenceOrderByCreatedAtAsc(caseReference);
    }

    private OutboxMessage queue(CaseProgress.Contact contact, MailTemplate template, Map<String, Object> model,
            String link) {
        addWhoIsWriting(contact, model);
        String subject = subjects.computeIfAbsent(template, t -> compiler.compile(t.subject())).execute(model);
        String body = bodies.computeIfAbsent(template, this::load).execute(model);
        OutboxMessage message = outbox.save(new OutboxMessage(contact.reference(), template, contact.email(), subject,
                body, link, clock.instant()));
        relay.wakeAfterCommit();
        return message;
    }

    /** What every e-mail to a client says besides its own text: to whom, about which case, from whom. */
    private void addWhoIsWriting(CaseProgress.Contact contact, Map<String, Object> model) {
        model.put("clientName", contact.fullName());
        model.put("caseReference", contact.reference());
        model.put("marketplace", contact.marketplace());
        model.put("organisation", portal.organisationName());
        model.put("contactEmail", portal.contactEmail().isEmpty() ? null : portal.contactEmail());
        model.put("contactPhone", portal.contactPhone().isEmpty() ? null : portal.contactPhone());
        model.put("maxFileSize", UploadSizeLimit.describe(sizeLimit.maxFileSize()));
    }

    private Template load(MailTemplate template) {
        return load(template.resource());
    }

    private Template load(String resource) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Mail template missing: " + resource, e);
        }
    }

    /** The template of the plain sentences that tell a client why a document was refused. */
    static final String REFUSAL_REASONS = "mail/rejection-reasons.mustache";

    /**
     * Why a document was refused, in the plain sentences of {@code mail/rejection-reasons.mustache}: one per reason
     * (the names of its sections: the reviewer's rejection reasons and the automated checks' client reasons), then the
     * reviewer's note, if any. A reason the template has no sentence for adds nothing, so no code reaches the client.
     *
     * @param reasons the sections to render
     * @param note the reviewer's note for the client, or {@code null}
     */
    public String refusalReasons(Collection<String> reasons, String note) {
        Map<String, Object> model = new HashMap<>();
        reasons.forEach(r -> model.put(r, Boolean.TRUE));
        if (note != null && !note.isBlank()) {
            model.put("note", note.strip());
        }
        String text = refusalTemplate().execute(model).strip();
        return text.replaceAll("\\n{2,}", "\n");
    }

    private Template refusalTemplate() {
        return refusal.updateAndGet(t -> t != null ? t : load(REFUSAL_REASONS));
    }

    private final AtomicReference<Template> refusal =
            new AtomicReference<>();

    /**
     * The e-mail a request would send, rendered as it will go out but not stored: the subject, then the body, with
     * a placeholder where the upload link will be (it is made only when the request is sent).
     *
     * @param replyDue when the reply will be due
     * @param requestedBy who asks (a display name), or {@code null} for the case team
     */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public String preview(UUID caseId, String reasons, Instant replyDue, RequestKind kind, String requestedBy) {
        CaseProgress.Contact contact = cases.contact(caseId);
        Map<String, Object> model = new HashMap<>();
        model.put("reasons", reasons);
        model.put("uploadUrl", "[a secure upload link, made when the e-mail is sent]");
        model.put("linkExpires", "[the link's expiry]");
        model.put("replyDue", DATE.format(replyDue.atZone(zone)));
        model.put("requestedBy", requestedBy);
        addWhoIsWriting(contact, model);
        return render(template(kind), model);
    }

    /** A template rendered with a model, as "Subject: ...", a blank line and the body. */
    String render(MailTemplate template, Map<String, Object> model) {
        String subject = subjects.computeIfAbsent(template, t -> compiler.compile(t.subject())).execute(model);
        return "Subject: " + subject + "\n\n" + bodies.computeIfAbsent(template, this::load).execute(model);
    }

    private static MailTemplate template(RequestKind kind) {
        return switch (kind) {
            case FIRST -> MailTemplate.DOCUMENT_REQUEST;
            case REJECTED -> MailTemplate.DOCUMENT_REJECTED;
            case REMINDER -> MailTemplate.REMINDER;
        };
    }
}
