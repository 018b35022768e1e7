package dev.attest.screening.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives one list file into a temporary file, writing no more than the limit plus one byte: the browser's own size
 * check can be bypassed, this one cannot. What arrived is handed to the view under the session's lock; the view
 * deletes the file when it is loaded, replaced or the view closes.
 */
final class ListFileUpload implements UploadHandler {

    /**
     * One received file.
     *
     * @param fileName its name as the browser sent it
     * @param path the temporary file, or {@code null} when it was too large
     * @param size its size
     */
    record Received(String fileName, Path path, long size) {

        boolean tooLarge() {
            return path == null;
        }

        void delete() {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // left to the temporary folder's clean-up
                }
            }
        }
    }

    private final long limit;
    private final SerializableConsumer<Received> onReceived;

    ListFileUpload(long limit, SerializableConsumer<Received> onReceived) {
        this.limit = limit;
        this.onReceived = onReceived;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        Path tmp = Files.createTempFile("attest-list-upload-", ".part");
        long total = 0;
        boolean tooLarge = false;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    tooLarge = true;
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        if (tooLarge) {
            Files.deleteIfExists(tmp);
        }
        Received received = new Received(event.getFileName(), tooLarge ? null : tmp, total);
        event.getUI().access(() -> onReceived.accept(received));
    }
}
