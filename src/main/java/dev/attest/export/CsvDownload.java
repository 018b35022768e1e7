package dev.attest.export;

/**
 * A CSV file to download.
 *
 * @param fileName its name
 * @param content the CSV, UTF-8
 * @param rows how many rows it holds, without the header
 * @param truncated whether the list was longer and cut at {@link ExportSettings#maxRows()}
 */
public record CsvDownload(String fileName, byte[] content, int rows, boolean truncated) {
}
