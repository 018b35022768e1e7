/**
 * Ownership: a case's ownership structure (parties and holdings, versioned) and its analysis — the
 * effective ownership of every individual in the subject company through all chains, exact for circular
 * structures (solved as linear systems per strongly connected component, never by walking paths), the
 * beneficial owners at the threshold and the findings of RULES.md.
 */
package dev.attest.ownership;
