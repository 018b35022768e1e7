package dev.attest.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;

/**
 * One number of the dashboard as a button: reachable with Tab, and Enter, Space or a click lists what is behind it.
 * {@link #setPressed} marks the card whose list is open.
 */
class NumberCard extends Button {

    private final Drill drill;

    NumberCard(String id, String caption, String value, Drill drill) {
        this.drill = drill;
        setId("number-" + id);
        addClassName("attest-number-card");
        Span big = new Span(value);
        big.addClassName("attest-number-value");
        Span small = new Span(caption);
        small.addClassName("attest-number-caption");
        getElement().appendChild(big.getElement(), small.getElement());
        getElement().setAttribute("aria-label", caption + ": " + value + ". List them");
        getElement().setAttribute("title", "List them");
        setPressed(false);
    }

    Drill drill() {
        return drill;
    }

    void setPressed(boolean pressed) {
        getElement().setAttribute("aria-pressed", String.valueOf(pressed));
    }

    boolean isPressed() {
        return "true".equals(getElement().getAttribute("aria-pressed"));
    }
}
