package dev.attest.screening.ui;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.identity.Role;
import dev.attest.screening.Screening;
import dev.attest.screening.ScreeningSearch;
import dev.attest.screening.SubjectType;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;

/**
 * An analyst's ad-hoc search of the sanctions lists in force: a name (any script), optionally a date of birth, a
 * country and whether it is a person or an organisation; each hit with its score and the reasons for it.
 */
@Route("screening/search")
@PageTitle("Sanctions search · Attest")
@RolesAllowed({Role.Names.ANALYST, Role.Names.SENIOR_ANALYST, Role.Names.MANAGER})
public class ScreeningSearchView extends VerticalLayout {

    final TextField name = new TextField("Name");
    final DatePicker dateOfBirth = new DatePicker("Date of birth");
    final TextField country = new TextField("Country");
    final Select<SubjectType> type = new Select<>();
    final Button search = new Button("Search");
    final Paragraph outcome = new Paragraph();
    final Grid<ScreeningSearch.Hit> hits = new Grid<>();

    private final Screening screening;

    public ScreeningSearchView(Screening screening) {
        this.screening = screening;
        name.setId("screening-name");
        name.setMaxLength(Screening.MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        name.setWidth("24em");
        dateOfBirth.setId("screening-date-of-birth");
        country.setId("screening-country");
        country.setPlaceholder("e.g. RU or Russia");
        country.setMaxLength(100);
        type.setId("screening-type");
        type.setLabel("Type");
        type.setItems(SubjectType.values());
        type.setValue(SubjectType.UNKNOWN);
        type.setItemLabelGenerator(t -> switch (t) {
            case PERSON -> "Person";
            case ORGANISATION -> "Organisation";
            case UNKNOWN -> "Person or organisation";
        });
        search.setId("screening-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.addClickListener(e -> search());
        HorizontalLayout form = new HorizontalLayout(name, dateOfBirth, country, type, search);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        outcome.setId("screening-outcome");
        hits.setId("screening-hits");
        hits.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        hits.addColumn(h -> String.format(Locale.ROOT, "%.2f", h.score())).setHeader("Score").setAutoWidth(true)
                .setFlexGrow(0);
        hits.addColumn(h -> h.list().label()).setHeader("List").setAutoWidth(true).setFlexGrow(0);
        hits.addColumn(ScreeningSearch.Hit::entryId).setHeader("Entry").setAutoWidth(true).setFlexGrow(0);
        hits.addColumn(ScreeningSearch.Hit::entryName).setHeader("Name on the list").setFlexGrow(1);
        hits.addColumn(ScreeningSearch.Hit::matchedName).setHeader("Name that matched").setFlexGrow(1);
        hits.addComponentColumn(h -> {
            Div reasons = new Div();
            reasons.addClassName("screening-reasons");
            h.reasons().forEach(r -> reasons.add(new Paragraph(r)));
            return reasons;
        }).setKey("reasons").setHeader("Why").setFlexGrow(3);
        hits.setVisible(false);

        add(new H2("Sanctions search"), new Paragraph("Searches the sanctions lists in force. A name in another "
                + "script is transliterated; a date of birth or a country, when the list gives one too, raises or "
                + "lowers the score. Only hits from the threshold (" + String.format(Locale.ROOT, "%.2f",
                        screening.threshold()) + ") are shown."), form, outcome, hits);
    }

    void search() {
        Map<String, HasValidation> fields = Map.of("name", name, "dateOfBirth", dateOfBirth, "country", country,
                "type", type);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            LocalDate dob = dateOfBirth.getValue();
            ScreeningSearch.Result result = screening.search(new ScreeningSearch(name.getValue(),
                    dob == null ? null : dob.toString(), country.getValue(),
                    type.getValue() == null || type.getValue() == SubjectType.UNKNOWN ? null : type.getValue().name()));
            hits.setItems(result.hits());
            hits.setVisible(!result.hits().isEmpty());
            outcome.setText(result.hits().isEmpty() ? "No entry of the lists in force matches." : result.hits().size()
                    + (result.hits().size() == 1 ? " possible match, best first." : " possible matches, best first."));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                HasValidation field = fields.get(error.field());
                if (field != null) {
                    field.setErrorMessage(error.message());
                    field.setInvalid(true);
                }
            }
            hits.setItems();
            hits.setVisible(false);
            outcome.setText("Please correct the marked fields.");
        }
    }
}
