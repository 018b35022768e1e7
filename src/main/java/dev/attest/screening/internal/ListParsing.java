package dev.attest.screening.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import dev.attest.screening.ListFile;
import dev.attest.screening.ListFormat;
import dev.attest.validation.InvalidInputException;

/**
 * Reads a list file of a format: a zip is unpacked first (bounded), the SHA-256 is taken, and the file is parsed
 * as a stream, every read bounded by the size limit.
 */
public final class ListParsing {

    static final int MAX_ZIP_ENTRIES = 100;

    private ListParsing() {
    }

    /** The file (and for OFAC's CSV its aliases) ready to read, with temporary files to delete on close. */
    public record Prepared(ListFile file, ListFile aliases, List<Path> temporary) implements AutoCloseable {

        @Override
        public void close() {
            for (Path p : temporary) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    /** Checks the sizes and unpacks a zip ({@code sdn.csv} and {@code alt.csv} for OFAC's CSV, else its one file). */
    public static Prepared prepare(ListFormat format, ListFile file, ListFile aliases, long maxBytes) {
        checkSize("file", file, maxBytes);
        if (aliases != null) {
            checkSize("aliases", aliases, maxBytes);
        }
        if (!isZip(file)) {
            return new Prepared(file, aliases, List.of());
        }
        if (aliases != null) {
            throw ListRefusal.of("aliases", "give either a zip with sdn.csv and alt.csv, or the two files");
        }
        List<Path> temporary = new ArrayList<>();
        ListFile main = null;
        ListFile alt = null;
        List<String> candidates = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new BoundedInputStream(file.content().open(), maxBytes, "file",
                file.name()))) {
            long inflated = 0;
            int count = 0;
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++count > MAX_ZIP_ENTRIES) {
                    throw ListRefusal.of("file", file.name() + " holds more than " + MAX_ZIP_ENTRIES + " files");
                }
                String name = entry.getName().replace('\\', '/');
                String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                boolean wanted = !entry.isDirectory() && !name.startsWith("__MACOSX/") && !base.startsWith(".")
                        && (format == ListFormat.OFAC_SDN_CSV ? base.equals("sdn.csv") || base.equals("alt.csv")
                                : base.endsWith(extension(format))
                                        || format == ListFormat.FTM_JSON && base.endsWith(".jsonl"));
                if (!wanted) {
                    // skipping an entry inflates it too: a bomb among the files we leave counts against the limit
                    inflated = skip(zip, inflated, maxBytes, file.name());
                    continue;
                }
                candidates.add(base);
                Path tmp = Files.createTempFile("attest-list-", ".part");
                temporary.add(tmp);
                long written = 0;
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while ((n = zip.read(buffer)) > 0) {
                        written += n;
                        inflated += n;
                        if (inflated > maxBytes) {
                            throw tooLarge(file.name(), maxBytes);
                        }
                        out.write(buffer, 0, n);
                    }
                }
                ListFile unpacked = new ListFile(base, written, () -> Files.newInputStream(tmp));
                if (format == ListFormat.OFAC_SDN_CSV && base.equals("alt.csv")) {
                    alt = unpacked;
                } else {
                    main = unpacked;
                }
            }
        } catch (ZipException e) {
            new Prepared(null, null, temporary).close();
            throw ListRefusal.of("file", file.name() + " is not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            new Prepared(null, null, temporary).close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            new Prepared(null, null, temporary).close();
            throw e;
        }
        long distinct = candidates.stream().distinct().count();
        if (main == null || distinct != candidates.size()
                || format != ListFormat.OFAC_SDN_CSV && candidates.size() != 1) {
            new Prepared(null, null, temporary).close();
            throw ListRefusal.of("file", file.name() + " must hold " + (format == ListFormat.OFAC_SDN_CSV
                    ? "sdn.csv (and alt.csv)" : "exactly one " + extension(format) + " file") + ", it holds "
                    + (candidates.isEmpty() ? "none" : String.join(", ", candidates)));
        }
        return new Prepared(main, alt, temporary);
    }

    /** Reads past the current entry of a zip, counting what it inflates to against the limit. */
    private static long skip(ZipInputStream zip, long inflated, long maxBytes, String fileName) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = zip.read(buffer)) > 0) {
            inflated += n;
            if (inflated > maxBytes) {
                throw tooLarge(fileName, maxBytes);
            }
        }
        return inflated;
    }

    private static InvalidInputException tooLarge(String fileName, long maxBytes) {
        return ListRefusal.of("file", fileName + " unpacks to more than " + maxBytes / (1024 * 1024)
                + " MB (attest.screening.max-file-size)");
    }

    /** Hex SHA-256 over the file's bytes, followed by the aliases file's. */
    public static String sha256(Prepared files, long maxBytes) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest(sha, "file", files.file(), maxBytes);
        if (files.aliases() != null) {
            digest(sha, "aliases", files.aliases(), maxBytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Parses the files; a malformed, truncated or empty one is refused whole. */
    public static ParsedList parse(ListFormat format, Prepared files, long maxBytes, int maxEntries) {
        ListFile file = files.file();
        try (InputStream in = open("file", file, maxBytes)) {
            return switch (format) {
                case OFAC_SDN_XML -> OfacXmlParser.parse(in, file.name(), maxEntries);
                case UN_XML -> UnXmlParser.parse(in, file.name(), maxEntries);
                case EU_XML -> EuXmlParser.parse(in, file.name(), maxEntries);
                case UK_CSV -> UkCsvParser.parse(in, file.name(), maxEntries);
                case FTM_JSON -> FtmJsonParser.parse(in, file.name(), maxEntries);
                case OFAC_SDN_CSV -> {
                    if (files.aliases() == null) {
                        yield OfacCsvParser.parse(in, file.name(), null, null, maxEntries);
                    }
                    try (InputStream alt = open("aliases", files.aliases(), maxBytes)) {
                        yield OfacCsvParser.parse(in, file.name(), alt, files.aliases().name(), maxEntries);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String field, ListFile file, long maxBytes) throws IOException {
        return new BufferedInputStream(new BoundedInputStream(file.content().open(), maxBytes, field, file.name()),
                64 * 1024);
    }

    private static void digest(MessageDigest sha, String field, ListFile file, long maxBytes) {
        try (InputStream in = new DigestInputStream(open(field, file, maxBytes), sha)) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) != -1) {
                // the digest reads along
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkSize(String field, ListFile file, long maxBytes) {
        if (file.size() > maxBytes) {
            throw ListRefusal.of(field, file.name() + " is larger than the " + maxBytes / (1024 * 1024)
                    + " MB a list file may have (attest.screening.max-file-size)");
        }
        if (file.size() == 0) {
            throw ListRefusal.of(field, file.name() + " is empty");
        }
    }

    private static boolean isZip(ListFile file) {
        try (InputStream in = file.content().open()) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(ListFormat format) {
        return switch (format) {
            case OFAC_SDN_XML, UN_XML, EU_XML -> ".xml";
            case OFAC_SDN_CSV, UK_CSV -> ".csv";
            case FTM_JSON -> ".json";
        };
    }
}
