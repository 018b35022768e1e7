/**
 * The manager's SLA dashboard: figures over the engine's history and runtime tables and Attest's case,
 * document and escalation tables, computed in SQL (aggregates only, never entities in memory), with a daily
 * rollup of completed tasks for long ranges, and the rows behind each figure for drill-down. A read model:
 * it reads other modules' tables and writes only its rollup.
 */
package dev.attest.dashboard;
