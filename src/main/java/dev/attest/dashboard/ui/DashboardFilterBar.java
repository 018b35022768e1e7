package dev.attest.dashboard.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;

import dev.attest.cases.CaseType;
import dev.attest.dashboard.DashboardFilter;
import dev.attest.validation.InvalidInputException;

/** The dashboard's range and case type, with a button that shows them; a bad range is refused on the field. */
class DashboardFilterBar extends HorizontalLayout {

    static final String ALL_TYPES = "All case types";

    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Select<String> caseType = new Select<>();

    DashboardFilterBar(DashboardFilter initial, Runnable onShow) {
        from.setValue(initial.from());
        to.setValue(initial.to());
        from.setId("dashboard-from");
        to.setId("dashboard-to");
        caseType.setLabel("Case type");
        List<String> types = new ArrayList<>(List.of(ALL_TYPES));
        for (CaseType t : CaseType.values()) {
            types.add(t.label());
        }
        caseType.setItems(types);
        caseType.setValue(ALL_TYPES);
        caseType.setId("dashboard-case-type");
        Button show = new Button("Show", e -> onShow.run());
        show.setId("dashboard-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(from, to, caseType, show);
        setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    /** The filter the fields describe, or {@code null} after marking the range invalid. */
    DashboardFilter read() {
        from.setInvalid(false);
        try {
            return new DashboardFilter(from.getValue(), to.getValue(), selectedType());
        } catch (InvalidInputException e) {
            from.setErrorMessage(e.errors().get(0).message());
            from.setInvalid(true);
            return null;
        }
    }

    private CaseType selectedType() {
        for (CaseType t : CaseType.values()) {
            if (t.label().equals(caseType.getValue())) {
                return t;
            }
        }
        return null;
    }
}
