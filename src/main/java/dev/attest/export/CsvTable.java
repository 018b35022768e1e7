package dev.attest.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table written as CSV per RFC 4180: comma-separated, CRLF line ends, a cell quoted when it holds a comma, a
 * quote, CR or LF (quotes doubled). A cell a spreadsheet would read as a formula (starting with {@code = + - @},
 * tab, CR or LF, also after leading spaces or quotes, and the full-width forms of those signs) gets a leading
 * apostrophe, so that a client's name such as {@code =HYPERLINK(…)} or {@code " =HYPERLINK(…)"} stays text.
 */
public final class CsvTable {

    /** The media type of the downloads. */
    public static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder text = new StringBuilder();
    private final int columns;
    private int rows;

    /** A table with its header row. */
    public CsvTable(List<String> header) {
        this.columns = header.size();
        line(header);
    }

    /** Adds a row; {@code null} cells are empty. */
    public CsvTable row(List<String> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("A row of " + cells.size() + " cells in a table of " + columns);
        }
        line(cells);
        rows++;
        return this;
    }

    /** The rows added, without the header. */
    public int rows() {
        return rows;
    }

    /** The CSV in UTF-8, with a byte order mark so that spreadsheets read the accents right. */
    public byte[] bytes() {
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void line(List<String> cells) {
        List<String> escaped = new ArrayList<>(cells.size());
        for (String cell : cells) {
            escaped.add(cell(cell));
        }
        text.append(String.join(",", escaped)).append("\r\n");
    }

    /** One cell, neutralised and quoted as needed. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = formula(value) ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /**
     * Whether a spreadsheet could read the cell as a formula: it starts with tab, CR or LF, or its first character
     * that is not white space, a control character or a quote is {@code = + - @} (or their full-width forms, which
     * some spreadsheets take for them): {@code " =cmd"} and {@code "\"=cmd"} are formulas once trimmed or unquoted.
     */
    static boolean formula(String value) {
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || c == '"'
                    || c == '\'' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019' || c == '\uFEFF') {
                continue;
            }
            return c == '=' || c == '+' || c == '-' || c == '@' || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D'
                    || c == '\uFF20' || c == '\u2212';
        }
        return false;
    }
}
