package dev.attest.worklist.internal.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;

import dev.attest.validation.FieldErrors;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;
import dev.attest.worklist.FormFieldSpec;

/**
 * Reads the form fields a BPMN user task declares ({@code camunda:formData}) and checks submitted values
 * against them: unknown fields, missing required ones, enum values outside the list, wrong types and
 * texts over their maximum length are all refused, each by name. Date fields record when something happened
 * (an ISO date, {@code 2026-11-26}): a date in the future is refused.
 */
final class TaskForms {

    private static final int DEFAULT_MAX_TEXT = 4000;

    private final Clock clock;
    private final ZoneId zone;

    TaskForms(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    List<FormFieldSpec> specs(List<FormField> fields) {
        return fields.stream().map(this::spec).toList();
    }

    private FormFieldSpec spec(FormField f) {
        return new FormFieldSpec(f.getId(), f.getLabel() == null ? f.getId() : f.getLabel(), f.getTypeName(),
                constraint(f, "required") != null, maxLength(f), options(f), f.getDefaultValue());
    }

    /** Checks values against the fields and converts them to the engine's variable types. */
    Map<String, Object> validate(List<FormFieldSpec> fields, Map<String, Object> values) {
        FieldErrors errors = new FieldErrors();
        Set<String> known = fields.stream().map(FormFieldSpec::id).collect(Collectors.toSet());
        values.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> errors.add(k, "is not a field of this task"));
        Map<String, Object> variables = new HashMap<>();
        for (FormFieldSpec f : fields) {
            Object raw = values.get(f.id());
            boolean blank = raw == null || (raw instanceof String s && s.isBlank());
            if (blank) {
                if (f.required()) {
                    errors.add(f.id(), "is required");
                }
                continue;
            }
            Object value = errors.capture(f.id(), () -> convert(f, raw));
            if (value != null) {
                variables.put(f.id(), value);
            }
        }
        errors.throwIfAny();
        return variables;
    }

    private Object convert(FormFieldSpec f, Object raw) {
        switch (f.type()) {
            case "enum" -> {
                String v = String.valueOf(raw);
                Map<String, String> options = f.options();
                if (!(raw instanceof String) || !options.containsKey(v)) {
                    throw new InvalidValueException("must be one of " + options.keySet());
                }
                return v;
            }
            case "boolean" -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                throw new InvalidValueException("must be true or false");
            }
            case "long" -> {
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    return n.longValue();
                }
                throw new InvalidValueException("must be a whole number");
            }
            case "date" -> {
                LocalDate date;
                try {
                    date = raw instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(raw));
                } catch (DateTimeParseException e) {
                    throw new InvalidValueException("must be a date like 2026-11-26");
                }
                if (date.isAfter(LocalDate.now(clock.withZone(zone)))) {
                    throw new InvalidValueException("cannot be in the future");
                }
                return Date.from(date.atStartOfDay(zone).toInstant());
            }
            case "string" -> {
                if (!(raw instanceof String s)) {
                    throw new InvalidValueException("must be text");
                }
                Integer max = f.maxLength();
                return Text.optional(s, max == null ? DEFAULT_MAX_TEXT : max);
            }
            default -> throw new InvalidValueException("has a type this form cannot take: " + f.type());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> options(FormField f) {
        if (!"enum".equals(f.getTypeName())) {
            return Map.of();
        }
        Object values = f.getType().getInformation("values");
        return values instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, String>) m) : Map.of();
    }

    private static Integer maxLength(FormField f) {
        FormFieldValidationConstraint c = constraint(f, "maxlength");
        if (c == null || c.getConfiguration() == null) {
            return null;
        }
        return Integer.valueOf(String.valueOf(c.getConfiguration()));
    }

    private static FormFieldValidationConstraint constraint(FormField f, String name) {
        for (FormFieldValidationConstraint c : f.getValidationConstraints()) {
            if (name.equals(c.getName())) {
                return c;
            }
        }
        return null;
    }
}
