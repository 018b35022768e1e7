/**
 * SLA: the business-day calendar that due dates are computed on. Policies per task type, escalation and
 * the manager's dashboard build on it.
 */
package dev.attest.sla;
