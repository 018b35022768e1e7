package dev.attest.screening.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code max} bytes; one more is refused, naming the file and the limit. */
final class BoundedInputStream extends FilterInputStream {

    private final long max;
    private final String field;
    private final String fileName;
    private long count;

    BoundedInputStream(InputStream in, long max, String field, String fileName) {
        super(in);
        this.max = max;
        this.field = field;
        this.fileName = fileName;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) {
        count += n;
        if (count > max) {
            throw ListRefusal.of(field, fileName + " is larger than the " + (max / (1024 * 1024))
                    + " MB a list file may have (attest.screening.max-file-size)");
        }
    }
}
