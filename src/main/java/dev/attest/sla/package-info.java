/**
 * SLA: the business-day calendar (weekends and holidays) and the SLA policies per task type that set the due
 * and follow-up dates of tasks. Escalation and the manager's dashboard build on them.
 */
package dev.attest.sla;
