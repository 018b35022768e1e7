package dev.attest.cases.ui;

import com.vaadin.flow.component.Component;

import dev.attest.cases.CaseFile;

/**
 * A section other modules add to the case view (documents, ownership, …) without the cases module
 * knowing them: every Spring bean of this type is asked for its section, in {@link #order()}.
 */
public interface CaseViewSection {

    /** Where the section goes: lower first. */
    int order();

    /** The section for a case, or {@code null} when it has nothing to show to this user. */
    Component render(CaseFile caseFile);
}
