/**
 * Workflow: configuration of the embedded Camunda engine, and nothing else. No business logic lives here.
 */
package dev.attest.workflow;
