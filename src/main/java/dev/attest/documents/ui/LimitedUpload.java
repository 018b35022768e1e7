package dev.attest.documents.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives one upload in memory, holding no more than the limit plus one byte (so that the checks can say "too
 * large"): the browser's own size check can be bypassed, this one cannot. A larger file is cut off there and
 * reported as too large, its bytes dropped. What arrived is handed to the view under the session's lock.
 */
final class LimitedUpload implements UploadHandler {

    /**
     * One received file.
     *
     * @param bytes its content, or {@code null} when it was too large
     */
    record Received(String fileName, byte[] bytes) {

        boolean tooLarge() {
            return bytes == null;
        }
    }

    private final long limit;
    private final SerializableConsumer<Received> onReceived;

    LimitedUpload(long limit, SerializableConsumer<Received> onReceived) {
        this.limit = limit;
        this.onReceived = onReceived;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        Received received = new Received(event.getFileName(), read(event.getInputStream(), limit + 1));
        event.getUI().access(() -> onReceived.accept(received));
    }

    /** The stream's bytes, or {@code null} when it holds more than {@code max}. */
    static byte[] read(InputStream stream, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = stream) {
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > max) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
