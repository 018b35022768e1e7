/**
 * REST conventions shared by every module's API: errors as RFC 9457 problem details, with every bad field
 * named for 400s; an unknown path under {@code /api} is 404 and a known one with another method 405, never the
 * UI's page.
 */
package dev.attest.api;
