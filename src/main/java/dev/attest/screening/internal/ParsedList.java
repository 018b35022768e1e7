package dev.attest.screening.internal;

import java.time.LocalDate;
import java.util.List;

import dev.attest.screening.SanctionsEntry;

/**
 * What a list file holds.
 *
 * @param publishedOn the publication date it states, if any
 * @param entries its entries, each id once
 */
public record ParsedList(LocalDate publishedOn, List<SanctionsEntry> entries) {
}
