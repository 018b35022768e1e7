/**
 * Cases: the case file (client, marketplace account, situation), its intake through the REST API and the
 * intake form, triage, and closing. The case's process runs in the engine through {@link dev.attest.cases.CaseWorkflow};
 * engine glue stays in {@code cases.process}.
 */
package dev.attest.cases;
