/**
 * Export: lists downloaded as CSV (RFC 4180), with cells a spreadsheet would run as formulas neutralised, and the
 * row cap every export keeps to ({@link dev.attest.export.ExportSettings}). What a list holds and who may export it
 * is decided by the module whose list it is; each export is audited there.
 */
package dev.attest.export;
