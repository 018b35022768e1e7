/**
 * Demo data for the embedded default: a dozen cases spread over the processes' states, so that a first
 * look shows a living task list. Loaded once, when demo mode is on and no case exists yet.
 */
package dev.attest.demo;
