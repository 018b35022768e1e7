/**
 * Sanctions screening: the official lists (OFAC SDN, UN Security Council, EU financial sanctions, UK sanctions list,
 * OpenSanctions' FollowTheMoney export) loaded as versions, and names screened against them offline, with every hit
 * explained (which of the entry's names matched which of the subject's, the score and what raised or lowered it).
 * <p>
 * Lists: {@link dev.attest.screening.SanctionsLists} loads a file (upload, API or a configured path read at start-up
 * and nightly) as a version with its entries and the delta against the list's previous version, refusing a
 * malformed, truncated or empty file whole; the parsers (streaming, bounded, XML without DTDs) and the stored
 * versions live in {@code internal}, which also implements {@link dev.attest.screening.ListsInForce} over the
 * database for the matcher.
 */
package dev.attest.screening;
