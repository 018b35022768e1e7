package dev.attest.worklist;

import java.util.Map;

/**
 * One field of a task's form, as the BPMN declares it.
 *
 * @param id the variable it sets
 * @param label what the user sees
 * @param type {@code string}, {@code long}, {@code boolean}, {@code date} or {@code enum}
 * @param required whether a value is needed
 * @param maxLength the longest text accepted, or {@code null}
 * @param options for enums: value to label, in order
 * @param defaultValue the value shown at first, if any
 */
public record FormFieldSpec(String id, String label, String type, boolean required, Integer maxLength,
        Map<String, String> options, Object defaultValue) {
}
