/**
 * The manager's SLA dashboard: figures over the engine's history and runtime tables and Attest's case,
 * document and escalation tables, computed in SQL (aggregates only, never entities in memory), with a daily
 * rollup of completed tasks for long ranges, and the rows behind each figure for drill-down. A read model that
 * writes only its rollup. It reads the SLA module's task records through {@link dev.attest.sla.OpenTaskFigures}
 * and the case files through {@link dev.attest.cases.CaseFigures}, and the screening hits waiting for a reviewer
 * through {@link dev.attest.screening.CaseScreenings#openHits}; the queries that join a case to its escalations,
 * client waits, documents or open screening hits (and their screening task), and the rollup's day queries
 * ({@code internal.DailyRollup}), still read those tables directly.
 */
package dev.attest.dashboard;
