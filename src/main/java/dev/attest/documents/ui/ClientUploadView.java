package dev.attest.documents.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import dev.attest.cases.CaseClosedException;
import dev.attest.communication.PortalSettings;
import dev.attest.communication.PortalThrottle;
import dev.attest.communication.UploadLinkRefusedException;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.FileInspection;

/**
 * The client's upload page, reached from the link in an e-mail; no login, often on a phone. It says who is asking
 * (the consultancy, the case, the analyst, how to reach them), then has one card per requested item, each taking
 * one file through the same checks as an analyst's upload. A bad link gets one plain page that tells nothing about
 * any case; an address that tries many bad links is refused for a while.
 */
@Route(value = "portal/upload/:token", autoLayout = false)
@PageTitle("Send your documents")
@AnonymousAllowed
public class ClientUploadView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z",
            Locale.US);

    private final Documents documents;
    private final FileInspection limits;
    private final PortalThrottle throttle;
    private final PortalSettings portal;
    private final ZoneId zone;

    final List<RequestedItemCard> cards = new ArrayList<>();
    private Documents.ClientRequest request;
    private String token;

    ClientUploadView(Documents documents, FileInspection limits, PortalThrottle throttle, PortalSettings portal,
            ZoneId zone) {
        this.documents = documents;
        this.limits = limits;
        this.throttle = throttle;
        this.portal = portal;
        this.zone = zone;
        setMaxWidth("720px");
        setWidthFull();
        getStyle().set("margin", "0 auto").set("box-sizing", "border-box");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        cards.clear();
        token = event.getRouteParameters().get("token").orElse("");
        String address = address();
        var wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            tooMany(wait.get());
            return;
        }
        documents.clientRequest(token).ifPresentOrElse(this::show, () -> {
            throttle.failed(address);
            invalid();
        });
    }

    private void show(Documents.ClientRequest request) {
        this.request = request;
        add(organisation());
        if (request.caseClosed()) {
            closed();
            return;
        }
        int open = (int) request.items().stream().filter(Documents.ClientItem::open).count();
        H1 title = new H1(open == 1 ? "Please send us one document" : "Please send us " + open + " documents");
        title.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("margin-bottom", "0");
        add(title);
        Paragraph asked = new Paragraph(request.requested());
        asked.setId("portal-requested");
        Paragraph who = new Paragraph("Case " + request.reference() + " · asked by "
                + (request.requestedBy() == null ? "your case team at " + portal.organisationName()
                        : request.requestedBy() + " of " + portal.organisationName()));
        who.setId("portal-case");
        Paragraph rules = new Paragraph("Each item below takes one file: a photo, a scan or the original file "
                + "(JPG, PNG, PDF, DOC or DOCX, up to " + limits.maxBytes() / (1024 * 1024) + " MB); the whole "
                + "document, in colour, not a screenshot. This link works until every item has arrived, or until "
                + UNTIL.format(request.expiresAt().atZone(zone)) + ".");
        rules.setId("portal-rules");
        add(who, asked, rules);
        for (Documents.ClientItem item : request.items()) {
            RequestedItemCard card = new RequestedItemCard(item, limits.maxBytes(), this::send, this::read,
                    name -> arrived());
            cards.add(card);
            add(card);
        }
        add(contact());
    }

    private DocumentReading read(int slot, String fileName, byte[] bytes, DocumentKind kind) {
        return documents.readChosenFileForClient(token, slot, fileName, bytes, kind);
    }

    private void send(int slot, String fileName, byte[] bytes, DocumentMetadata metadata) {
        try {
            documents.uploadByClient(token, slot, fileName, bytes, metadata);
        } catch (UploadLinkRefusedException ex) {
            if (ex.reason() != UploadLinkRefusedException.Reason.LINK_NOT_VALID) {
                throw ex;
            }
            removeAll();
            invalid();
            throw ex;
        } catch (CaseClosedException ex) {
            removeAll();
            add(organisation());
            closed();
            throw new UploadLinkRefusedException();
        }
    }

    private void arrived() {
        boolean waiting = cards.stream().anyMatch(c -> c.send != null && c.send.getParent().isPresent());
        if (!waiting) {
            thanks();
        }
    }

    private Div organisation() {
        Div header = new Div();
        header.setId("portal-organisation");
        header.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-m)")
                .set("width", "100%").set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("padding-bottom", "var(--lumo-space-s)");
        if (!portal.logoUrl().isEmpty()) {
            Image logo = new Image(portal.logoUrl(), portal.organisationName() + " logo");
            logo.setId("portal-logo");
            logo.setHeight("40px");
            header.add(logo);
        }
        Span name = new Span(portal.organisationName());
        name.setId("portal-organisation-name");
        name.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        header.add(name);
        return header;
    }

    private Div contact() {
        Div contact = new Div();
        contact.setId("portal-contact");
        contact.add(new Span("Questions? "));
        if (!portal.contactEmail().isEmpty()) {
            contact.add(new Span("Write to "), new Anchor("mailto:" + portal.contactEmail(), portal.contactEmail()));
            if (!portal.contactPhone().isEmpty()) {
                contact.add(new Span(" or call "), phone());
            }
        } else if (!portal.contactPhone().isEmpty()) {
            contact.add(new Span("Call "), phone());
        } else {
            contact.add(new Span("Reply to the e-mail that brought you here"));
        }
        contact.add(new Span(request == null ? "." : ", quoting case " + request.reference() + "."));
        contact.add(new Paragraph("We will never ask for your password or a one-time code."));
        return contact;
    }

    private Anchor phone() {
        return new Anchor("tel:" + portal.contactPhone().replaceAll("[^0-9+]", ""), portal.contactPhone());
    }

    private void thanks() {
        removeAll();
        H1 title = new H1("Thank you: everything has arrived");
        title.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        add(organisation(), title);
        Paragraph done = new Paragraph("Your case team will review what you sent and write to you. You can close "
                + "this page.");
        done.setId("portal-thanks");
        UnorderedList list = new UnorderedList();
        list.setId("portal-received");
        for (RequestedItemCard card : cards) {
            list.add(new ListItem(card.item.title() + (card.receivedName == null ? "" : ": " + card.receivedName)));
        }
        add(done, list, contact());
    }

    private void invalid() {
        Paragraph text = new Paragraph(new UploadLinkRefusedException().getMessage());
        text.setId("portal-invalid");
        add(new H1("This link cannot be used"), text);
    }

    private void closed() {
        Paragraph text = new Paragraph("Your case has been closed, so it takes no more documents and nothing was "
                + "sent. If you still need help, please reply to our latest e-mail.");
        text.setId("portal-closed");
        add(new H1("This case is closed"), text);
    }

    private void tooMany(Duration wait) {
        Paragraph text = new Paragraph("Too many invalid links were tried from your network. Please try again in "
                + Math.max(1, wait.toMinutes() + 1) + " minutes.");
        text.setId("portal-throttled");
        add(new H1("Please wait"), text);
    }

    private static String address() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }
}
