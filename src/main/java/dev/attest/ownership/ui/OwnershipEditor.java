package dev.attest.ownership.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.attest.cases.CountryCode;
import dev.attest.ownership.OwnershipInput;
import dev.attest.ownership.OwnershipInput.HoldingInput;
import dev.attest.ownership.OwnershipInput.PartyInput;
import dev.attest.validation.InvalidValueException;

/**
 * Edits an ownership structure: parties and holdings, each checked as it is typed; the whole structure is
 * checked again by the server when saved. Fires the structure to save; knows nothing of services.
 */
class OwnershipEditor extends VerticalLayout {

    final List<PartyInput> parties = new ArrayList<>();
    final List<HoldingInput> holdings = new ArrayList<>();
    final Grid<PartyInput> partyGrid = new Grid<>();
    final Grid<HoldingInput> holdingGrid = new Grid<>();
    final TextField partyId = new TextField("Id");
    final Select<String> partyKind = new Select<>();
    final TextField partyName = new TextField("Name");
    final ComboBox<String> partyCountry = new ComboBox<>("Country");
    final Checkbox partyDocumented = new Checkbox("Documentation on file");
    final Button addParty = new Button("Add party");
    final ComboBox<String> holdingOwner = new ComboBox<>("Owner");
    final ComboBox<String> holdingOwned = new ComboBox<>("Owned company");
    final NumberField holdingPercent = new NumberField("Percent");
    final Button addHolding = new Button("Add holding");
    final Select<String> subject = new Select<>();
    final Select<String> controlPerson = new Select<>();
    final Button save = new Button("Save and analyse");

    OwnershipEditor(OwnershipInput start, Consumer<OwnershipInput> onSave) {
        setPadding(false);
        if (start.parties() != null) {
            parties.addAll(start.parties());
        }
        if (start.holdings() != null) {
            holdings.addAll(start.holdings());
        }
        partyGrid.setId("ownership-parties");
        partyGrid.addColumn(PartyInput::id).setHeader("Id").setAutoWidth(true);
        partyGrid.addColumn(PartyInput::kind).setHeader("Kind").setAutoWidth(true);
        partyGrid.addColumn(PartyInput::name).setHeader("Name").setFlexGrow(1);
        partyGrid.addColumn(PartyInput::country).setHeader("Country").setAutoWidth(true);
        partyGrid.addColumn(p -> Boolean.TRUE.equals(p.documented()) ? "yes" : "no").setHeader("Documented");
        partyGrid.addComponentColumn(p -> new Button("Remove", e -> {
            parties.remove(p);
            holdings.removeIf(h -> p.id().equals(h.owner()) || p.id().equals(h.owned()));
            refresh();
        })).setAutoWidth(true).setFlexGrow(0);
        holdingGrid.setId("ownership-holdings");
        holdingGrid.addColumn(HoldingInput::owner).setHeader("Owner");
        holdingGrid.addColumn(HoldingInput::owned).setHeader("Owns");
        holdingGrid.addColumn(h -> h.percent() + " %").setHeader("Share");
        holdingGrid.addComponentColumn(h -> new Button("Remove", e -> {
            holdings.remove(h);
            refresh();
        })).setAutoWidth(true).setFlexGrow(0);
        for (Grid<?> g : List.of(partyGrid, holdingGrid)) {
            g.setAllRowsVisible(true);
            g.addThemeVariants(GridVariant.LUMO_COMPACT);
        }

        partyId.setId("party-id");
        partyId.setValueChangeMode(ValueChangeMode.EAGER);
        partyId.addValueChangeListener(e -> check(partyId, partyIdProblem(e.getValue())));
        partyKind.setLabel("Kind");
        partyKind.setItems("PERSON", "ORGANIZATION");
        partyKind.setValue("PERSON");
        partyKind.setId("party-kind");
        partyName.setId("party-name");
        partyCountry.setItems(CountryCode.all());
        partyCountry.setId("party-country");
        partyCountry.addValueChangeListener(e -> check(partyCountry, countryProblem(e.getValue())));
        addParty.setId("add-party");
        addParty.addClickListener(e -> addParty());

        holdingOwner.setId("holding-owner");
        holdingOwned.setId("holding-owned");
        holdingPercent.setId("holding-percent");
        holdingPercent.setMin(0.01);
        holdingPercent.setMax(100);
        holdingPercent.setValueChangeMode(ValueChangeMode.EAGER);
        holdingPercent.addValueChangeListener(e -> check(holdingPercent, percentProblem(e.getValue())));
        addHolding.setId("add-holding");
        addHolding.addClickListener(e -> addHolding());

        subject.setLabel("Subject company");
        subject.setId("ownership-subject");
        controlPerson.setLabel("Control person");
        controlPerson.setId("ownership-control");
        controlPerson.setEmptySelectionAllowed(true);
        save.setId("ownership-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> onSave.accept(structure()));

        HorizontalLayout partyRow = new HorizontalLayout(partyId, partyKind, partyName, partyCountry, partyDocumented, addParty);
        HorizontalLayout holdingRow = new HorizontalLayout(holdingOwner, holdingOwned, holdingPercent, addHolding);
        for (HorizontalLayout row : List.of(partyRow, holdingRow)) {
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
        }
        add(new H4("Parties"), partyGrid, partyRow, new H4("Holdings"), holdingGrid, holdingRow,
                new HorizontalLayout(subject, controlPerson), save);
        refresh();
        subject.setValue(start.subject());
        controlPerson.setValue(start.controlPerson());
    }

    OwnershipInput structure() {
        return new OwnershipInput(subject.getValue(), controlPerson.getValue(), List.copyOf(parties), List.copyOf(holdings));
    }

    private void addParty() {
        String idProblem = partyIdProblem(partyId.getValue());
        String countryProblem = countryProblem(partyCountry.getValue());
        check(partyId, idProblem);
        check(partyCountry, countryProblem);
        boolean nameMissing = partyName.getValue().isBlank();
        check(partyName, nameMissing ? "A name is required" : null);
        if (idProblem != null || countryProblem != null || nameMissing) {
            return;
        }
        parties.add(new PartyInput(partyId.getValue().strip(), partyKind.getValue(), partyName.getValue().strip(),
                partyCountry.getValue(), partyDocumented.getValue()));
        partyId.clear();
        partyName.clear();
        partyId.setInvalid(false);
        refresh();
    }

    private void addHolding() {
        String owner = holdingOwner.getValue();
        String owned = holdingOwned.getValue();
        check(holdingOwner, owner == null ? "Choose the owner" : null);
        check(holdingOwned, owned == null ? "Choose the owned company"
                : owned.equals(owner) ? "A party cannot own itself" : null);
        String percent = percentProblem(holdingPercent.getValue());
        check(holdingPercent, percent);
        if (owner == null || owned == null || owned.equals(owner) || percent != null) {
            return;
        }
        holdings.add(new HoldingInput(owner, owned, holdingPercent.getValue()));
        holdingPercent.clear();
        holdingPercent.setInvalid(false);
        refresh();
    }

    private String partyIdProblem(String id) {
        if (id == null || id.isBlank()) {
            return "An id is required";
        }
        return parties.stream().anyMatch(p -> p.id().equals(id.strip())) ? "'" + id.strip() + "' is already a party" : null;
    }

    private static String countryProblem(String code) {
        try {
            CountryCode.of(code);
            return null;
        } catch (InvalidValueException e) {
            return "Country " + e.getMessage();
        }
    }

    private static String percentProblem(Double percent) {
        return percent == null || percent <= 0 || percent > 100 ? "More than 0 and at most 100" : null;
    }

    private static void check(HasValidation field, String problem) {
        field.setInvalid(problem != null);
        field.setErrorMessage(problem);
    }

    private void refresh() {
        partyGrid.setItems(parties);
        holdingGrid.setItems(holdings);
        List<String> ids = parties.stream().map(PartyInput::id).toList();
        List<String> organizations = parties.stream().filter(p -> "ORGANIZATION".equals(p.kind())).map(PartyInput::id).toList();
        List<String> persons = parties.stream().filter(p -> "PERSON".equals(p.kind())).map(PartyInput::id).toList();
        holdingOwner.setItems(ids);
        holdingOwned.setItems(organizations);
        String s = subject.getValue();
        subject.setItems(organizations);
        subject.setValue(organizations.contains(s) ? s : null);
        String c = controlPerson.getValue();
        controlPerson.setItems(persons);
        controlPerson.setValue(persons.contains(c) ? c : null);
    }
}
