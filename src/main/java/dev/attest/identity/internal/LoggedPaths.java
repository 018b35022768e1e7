package dev.attest.identity.internal;

import java.util.regex.Pattern;

/**
 * Paths as they may be written to a log: a long random path segment (a client's upload link carries its token as
 * one: {@code /portal/upload/<43 characters>}) is a credential, so it is replaced (UUIDs, which only name a record,
 * stay), and the query string is left out.
 */
public final class LoggedPaths {

    private static final Pattern SECRET_SEGMENT = Pattern.compile("(?<=/)[A-Za-z0-9_~.%-]{24,}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private LoggedPaths() {
    }

    public static String redact(String path) {
        if (path == null) {
            return "";
        }
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        // ids (UUIDs, case references) stay: they name a record, they open nothing
        return SECRET_SEGMENT.matcher(bare).replaceAll(m -> UUID.matcher(m.group()).matches() ? m.group()
                : "[redacted]");
    }
}
