package dev.attest.documents.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import com.vaadin.flow.component.upload.Receiver;

/**
 * Receives one upload in memory, refusing to hold more than the limit (plus one byte, so that the service
 * can say "too large"): the browser's own size check can be bypassed, this one cannot.
 */
@SuppressWarnings("deprecation")
class LimitedBuffer implements Receiver {

    private final long limit;
    private ByteArrayOutputStream bytes;
    private String fileName;
    private boolean overflow;

    LimitedBuffer(long limit) {
        this.limit = limit;
    }

    @Override
    public OutputStream receiveUpload(String fileName, String mimeType) {
        this.fileName = fileName;
        this.bytes = new ByteArrayOutputStream();
        this.overflow = false;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                check(1);
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                check(len);
                bytes.write(b, off, len);
            }

            private void check(int more) throws IOException {
                if (bytes.size() + (long) more > limit + 1) {
                    overflow = true;
                    throw new IOException("The file is larger than " + limit + " bytes");
                }
            }
        };
    }

    String fileName() {
        return fileName;
    }

    byte[] bytes() {
        return bytes == null ? new byte[0] : bytes.toByteArray();
    }

    boolean overflowed() {
        return overflow;
    }
}
