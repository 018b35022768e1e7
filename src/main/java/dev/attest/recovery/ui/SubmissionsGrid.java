package dev.attest.recovery.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;

import dev.attest.recovery.Submission;
import dev.attest.ui.Formats;

/** The submissions of a 2FA reset to the marketplace with the decisions and their reasons. */
class SubmissionsGrid extends Grid<Submission> {

    SubmissionsGrid(List<Submission> submissions, ZoneId zone) {
        setId("recovery-submissions");
        addColumn(Submission::getRound).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        addColumn(Submission::getSubmittedOn).setHeader("Submitted on").setAutoWidth(true);
        addColumn(Submission::getSubmittedBy).setHeader("By").setAutoWidth(true);
        addColumn(s -> s.getDecision() == null ? "Waiting for the marketplace" : Formats.label(s.getDecision()))
                .setHeader("Decision").setAutoWidth(true);
        addColumn(s -> s.getReason() == null ? "" : Formats.label(s.getReason())).setHeader("Reason").setAutoWidth(true);
        addColumn(s -> s.getDecisionNote() == null ? "" : s.getDecisionNote()).setHeader("Marketplace's note")
                .setFlexGrow(1);
        addColumn(s -> Formats.dateTime(s.getDecidedAt(), zone)).setHeader("Recorded").setAutoWidth(true);
        setItems(submissions);
        setAllRowsVisible(true);
    }
}
