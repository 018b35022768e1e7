/**
 * Operations: the business counters Attest exports as Prometheus metrics ({@code /actuator/prometheus}) beside
 * Spring Boot's HTTP, JVM and database metrics and the engine's job and incident gauges.
 */
package dev.attest.operations;
