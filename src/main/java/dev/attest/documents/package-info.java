/**
 * Documents: uploads refused whole when they are not what they claim or carry active content, storage
 * encrypted at rest with a checksum verified on every read, the automated checks (official document,
 * screenshot, signature, expiry, issuer, name and address match) and the review of each document.
 */
package dev.attest.documents;
