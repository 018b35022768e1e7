package dev.attest.cases.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseFile;
import dev.attest.cases.Client;
import dev.attest.cases.MarketplaceAccount;
import dev.attest.cases.Situation;
import dev.attest.ui.Formats;

/** A case at a glance: reference, type, status, priority, client, account and situation. */
public class CaseSummary extends VerticalLayout {

    public CaseSummary(CaseFile c, ZoneId zone) {
        setPadding(false);
        setSpacing(false);
        Anchor reference = new Anchor("cases/" + c.getReference(), c.getReference());
        reference.setId("case-reference");
        H3 heading = new H3();
        heading.add(reference);
        heading.getStyle().set("margin", "0");
        add(heading);

        Client client = c.getClient();
        MarketplaceAccount account = c.getAccount();
        FlexLayout facts = new FlexLayout();
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.getStyle().set("gap", "var(--lumo-space-m)");
        facts.add(fact("Type", c.getType().label()), fact("Status", Formats.label(c.getStatus())),
                fact("Priority", Formats.label(c.getPriority())),
                fact("Client", client.fullName() + (client.businessName() == null ? "" : " (" + client.businessName() + ")")),
                fact("E-mail", client.email().value()),
                fact("Phone", client.phone() == null ? "—" : client.phone().e164()),
                fact("Marketplace", account.marketplace().domain()
                        + (account.sellerId() == null ? "" : " · " + account.sellerId().value())),
                fact("Address on file", account.addressOnFile().singleLine()),
                fact("Opened", Formats.dateTime(c.getCreatedAt(), zone)));
        if (c.getOutcome() != null) {
            facts.add(fact("Outcome", Formats.label(c.getOutcome())));
        }
        add(facts);
        String flags = flags(c.getSituation(), c.isBusinessAccount());
        if (!flags.isEmpty()) {
            add(fact("Situation", flags));
        }
        if (c.getDescription() != null) {
            add(fact("Description", c.getDescription()));
        }
    }

    static String flags(Situation s, boolean business) {
        StringBuilder b = new StringBuilder();
        append(b, s.lostPhoneAccess(), "lost phone access");
        append(b, s.lostEmailAccess(), "lost e-mail access");
        append(b, s.accountSuspended(), "account suspended");
        append(b, s.usesVoipNumber(), "VoIP number");
        append(b, business, "business account");
        append(b, s.otpProblem() != null, s.otpProblem() == null ? "" : "codes missing: " + Formats.label(s.otpProblem()));
        return b.toString();
    }

    private static void append(StringBuilder b, boolean on, String text) {
        if (on) {
            b.append(b.isEmpty() ? "" : ", ").append(text);
        }
    }

    static Component fact(String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("display", "block");
        Span v = new Span(value);
        v.getStyle().set("white-space", "pre-wrap");
        Div d = new Div(l, v);
        d.getStyle().set("min-width", "10em").set("margin-top", "var(--lumo-space-s)");
        return d;
    }
}
