package dev.attest.screening.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: comma-separated, double quotes around fields with commas, quotes or line breaks) one record
 * at a time, knowing the line each record starts on. A field longer than {@link #MAX_FIELD}, a record with more
 * than {@link #MAX_FIELDS} fields or longer than {@link #MAX_RECORD} characters in all, or a file ending inside a
 * quoted field is refused.
 */
final class CsvRecords {

    static final int MAX_FIELD = 200_000;
    static final int MAX_FIELDS = 500;
    /** The longest record, all its fields together (a published list's longest is a few thousand characters). */
    static final int MAX_RECORD = 1_000_000;

    private final Reader in;
    private final String field;
    private final String fileName;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;
    private int recordLength;

    CsvRecords(Reader in, String field, String fileName) {
        this.in = in;
        this.field = field;
        this.fileName = fileName;
    }

    /** The line the last record returned started on. */
    int line() {
        return recordLine;
    }

    /** The next record, or null at the end. A blank line is a record with one empty field. */
    List<String> next() {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        recordLength = 0;
        List<String> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw ListRefusal.of(field, "truncated: " + fileName + " ends inside a quoted field of the record"
                            + " starting on line " + recordLine);
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append(value, '"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(value, (char) c);
                }
            } else if (c == ',') {
                add(fields, value);
                value.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                add(fields, value);
                return fields;
            } else if (c == '"' && value.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                append(value, (char) c);
            }
            c = read();
        }
    }

    private void add(List<String> fields, StringBuilder value) {
        if (fields.size() >= MAX_FIELDS) {
            throw ListRefusal.of(field, fileName + " line " + recordLine + ": more than " + MAX_FIELDS + " fields");
        }
        fields.add(value.toString());
    }

    private void append(StringBuilder value, char c) {
        if (value.length() >= MAX_FIELD) {
            throw ListRefusal.of(field, fileName + " line " + recordLine + ": a field longer than " + MAX_FIELD
                    + " characters");
        }
        if (++recordLength > MAX_RECORD) {
            throw ListRefusal.of(field, fileName + " line " + recordLine + ": a record longer than " + MAX_RECORD
                    + " characters");
        }
        value.append(c);
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
