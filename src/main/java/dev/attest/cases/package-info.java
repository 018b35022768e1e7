/**
 * Cases: the case file (client, marketplace account, situation), its intake through the REST API and the
 * intake form, triage, and closing. The case's process runs in the engine through {@link dev.attest.cases.CaseWorkflow};
 * its engine adapter lives in {@code cases.internal.engine}, the delegates its models call in {@code cases.process}.
 */
package dev.attest.cases;
