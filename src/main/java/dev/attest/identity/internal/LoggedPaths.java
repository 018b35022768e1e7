package dev.attest.identity.internal;

import java.util.regex.Pattern;

/**
 * Paths as they may be written to a log: a long random path segment (a client's upload link carries its token as
 * one: {@code /portal/upload/<43 characters>}) is a credential, so it is replaced, and the query string is left out.
 */
public final class LoggedPaths {

    private static final Pattern SECRET_SEGMENT = Pattern.compile("(?<=/)[A-Za-z0-9_~.%-]{24,}");

    private LoggedPaths() {
    }

    public static String redact(String path) {
        if (path == null) {
            return "";
        }
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        return SECRET_SEGMENT.matcher(bare).replaceAll("[redacted]");
    }
}
