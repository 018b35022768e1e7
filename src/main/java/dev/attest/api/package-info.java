/**
 * REST conventions shared by every module's API: errors as RFC 9457 problem details, with every bad field
 * named for 400s.
 */
package dev.attest.api;
