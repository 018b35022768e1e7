package dev.attest.bench;

/**
 * The calls a client makes to take a 2FA case from intake to closed, each timed on its own: through Attest's
 * services, or the bare engine's equivalent (start, message correlation, task query, claim, complete).
 */
enum CaseCall {

    OPEN_CASE("open case"),
    UPLOAD("upload ID (correlate DocumentReceived)"),
    FIND_TASK("find the case's open task"),
    CLAIM("claim (each of the 4 tasks)"),
    COMPLETE_REVIEW("complete Review document"),
    COMPLETE_PREPARATION("complete Prepare the submission"),
    COMPLETE_SUBMISSION("complete Submit at the marketplace"),
    RECORD_DECISION("record marketplace decision (correlate)"),
    COMPLETE_SWITCH("complete Confirm the switch");

    final String label;

    CaseCall(String label) {
        this.label = label;
    }
}
