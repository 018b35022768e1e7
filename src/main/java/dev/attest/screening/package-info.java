/**
 * Sanctions screening: the official lists (OFAC SDN, UN Security Council, EU financial sanctions, UK sanctions list,
 * OpenSanctions' FollowTheMoney export) loaded as versions, and names screened against them offline, with every hit
 * explained (which of the entry's names matched which of the subject's, the score and what raised or lowered it).
 */
package dev.attest.screening;
