package dev.attest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.cases.ui.CaseView;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * Script and HTML typed into text fields come back on screen as the text that was typed: the case view and the
 * case list show the client's name and the description as text nodes, and no element takes them as HTML.
 */
class EscapedTextViewTests extends KaribuTest {

    static final String PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>";

    @Autowired CaseIntake intake;

    static void collect(Element element, List<Element> out) {
        out.add(element);
        element.getChildren().forEach(child -> collect(child, out));
    }

    static void assertShownAsText(Component root) {
        List<Element> all = new ArrayList<>();
        collect(root.getElement(), all);
        assertThat(all).filteredOn(e -> !e.isTextNode()).allSatisfy(e -> {
            String html = e.getProperty("innerHTML");
            assertThat(html == null || !html.contains("<script")).as(e.getTag() + " innerHTML").isTrue();
        });
        assertThat(all).as("the payload is on screen, in text nodes")
                .anySatisfy(e -> assertThat(e.isTextNode() && e.getText().contains(PAYLOAD)).isTrue());
    }

    @Test
    void scriptInTheDescriptionAndNameIsShownAsText() {
        var body = CaseRequests.with("description", "Before " + PAYLOAD + " after");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("businessName", PAYLOAD);
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(body, CaseIntakeRequest.class)), Role.INTAKE);
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertShownAsText(LocatorJ._get(CaseView.class));
    }
}
