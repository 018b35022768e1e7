package dev.attest.worklist.ui;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.attest.validation.FieldError;
import dev.attest.worklist.FormFieldSpec;

/**
 * A task's form, built from the fields its BPMN declares: choices as radio buttons, texts as text areas,
 * yes/no as check boxes, numbers as number fields, dates as date pickers (today at first). Values are checked again by the worklist on completion.
 */
class TaskFormPanel extends FormLayout {

    private final Map<String, AbstractField<?, ?>> fields = new LinkedHashMap<>();
    /** Today in the consultancy's zone: date fields start at it and go no further (the service checks the same). */
    private final LocalDate today;

    TaskFormPanel(List<FormFieldSpec> specs, LocalDate today) {
        this.today = today;
        setResponsiveSteps(new ResponsiveStep("0", 1));
        for (FormFieldSpec spec : specs) {
            AbstractField<?, ?> field = field(spec);
            fields.put(spec.id(), field);
            ((Component) field).setId("field-" + spec.id());
            add((Component) field);
        }
    }

    private AbstractField<?, ?> field(FormFieldSpec spec) {
        String label = spec.label() + (spec.required() ? " *" : "");
        switch (spec.type()) {
            case "enum" -> {
                RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
                group.setItems(spec.options().keySet());
                group.setItemLabelGenerator(k -> spec.options().getOrDefault(k, k));
                if (spec.defaultValue() != null) {
                    group.setValue(String.valueOf(spec.defaultValue()));
                }
                return group;
            }
            case "boolean" -> {
                Checkbox box = new Checkbox(label);
                box.setValue(Boolean.TRUE.equals(spec.defaultValue()));
                return box;
            }
            case "long" -> {
                return new IntegerField(label);
            }
            case "date" -> {
                DatePicker date =
                        new DatePicker(label);
                date.setMax(today);
                date.setValue(today);
                return date;
            }
            default -> {
                if (spec.maxLength() != null && spec.maxLength() <= 200) {
                    TextField text = new TextField(label);
                    text.setMaxLength(spec.maxLength());
                    return text;
                }
                TextArea area = new TextArea(label);
                area.setMaxLength(spec.maxLength() == null ? 4000 : spec.maxLength());
                area.setMinHeight("6em");
                return area;
            }
        }
    }

    /** The values entered, by field id; empty fields are left out. */
    Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        fields.forEach((id, field) -> {
            Object v = field.getValue();
            if (v instanceof Integer i) {
                v = i.longValue();
            }
            if (v != null && !(v instanceof String s && s.isBlank())) {
                values.put(id, v);
            }
        });
        return values;
    }

    void setReadOnly(boolean readOnly) {
        fields.values().forEach(f -> f.setReadOnly(readOnly));
    }

    @SuppressWarnings("unchecked")
    <T> AbstractField<?, T> field(String id) {
        return (AbstractField<?, T>) fields.get(id);
    }

    void showErrors(List<FieldError> errors) {
        fields.values().forEach(f -> ((HasValidation) f).setInvalid(false));
        for (FieldError e : errors) {
            if (fields.get(e.field()) instanceof HasValidation v) {
                v.setErrorMessage(e.message());
                v.setInvalid(true);
            }
        }
    }
}
