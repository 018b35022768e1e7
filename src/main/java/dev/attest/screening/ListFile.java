package dev.attest.screening;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of a list version, read as a stream as often as needed (once for its SHA-256, once to parse it).
 *
 * @param name the file's name, for messages ({@code sdn.xml})
 * @param size its size in bytes, as far as known before reading (the reading is bounded again)
 * @param content opens the file
 */
public record ListFile(String name, long size, Content content) {

    /** Opens the file's bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public ListFile {
        name = name == null || name.isBlank() ? "file" : cleanName(name);
    }

    /** A file on this server. */
    public static ListFile of(Path path) throws IOException {
        return new ListFile(path.getFileName().toString(), Files.size(path), () -> Files.newInputStream(path));
    }

    /** Bytes in memory (tests, small uploads). */
    public static ListFile of(String name, byte[] bytes) {
        return new ListFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static String cleanName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder();
        base.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(100).forEach(out::appendCodePoint);
        return out.isEmpty() ? "file" : out.toString();
    }
}
