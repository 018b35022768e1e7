/**
 * Audit: who did and saw what. Records are append-only; reading any document writes one.
 */
package dev.attest.audit;
