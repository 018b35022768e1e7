package dev.attest.export;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * What the list exports share: a list read page by page in its own order into a {@link CsvTable} (cells
 * neutralised there), at most {@link ExportSettings#maxRows()} rows, and whether it was cut; the download's name
 * with the time it was made; times as the lists show them. Who may export and the audit record stay with the
 * module whose list it is.
 */
public final class ListCsv {

    /** How many rows are read at a time. */
    static final int PAGE = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ListCsv() {
    }

    /** One page of a list: at most {@code limit} rows from {@code offset}, in the list's order. */
    @FunctionalInterface
    public interface Pages<T> {
        List<T> page(int offset, int limit);
    }

    /**
     * The table of a list's first {@code maxRows} rows, read page by page (the last page asks for one row more, to
     * know whether the list goes on).
     */
    public static <T> Table read(List<String> header, int maxRows, Pages<T> pages, Function<T, List<String>> row) {
        CsvTable table = new CsvTable(header);
        boolean truncated = false;
        for (int offset = 0; offset < maxRows; offset += PAGE) {
            int size = Math.min(PAGE, maxRows - offset);
            List<T> page = pages.page(offset, size + (offset + size == maxRows ? 1 : 0));
            for (int i = 0; i < Math.min(size, page.size()); i++) {
                table.row(row.apply(page.get(i)));
            }
            if (page.size() > size) {
                truncated = true;
            }
            if (page.size() < size) {
                break;
            }
        }
        return new Table(table, truncated);
    }

    /** A time as the lists and their exports show it, in the zone given ({@code null} stays empty). */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }

    /**
     * A list's rows as read.
     *
     * @param csv the table
     * @param truncated whether the list was longer and cut at the row cap
     */
    public record Table(CsvTable csv, boolean truncated) {

        /** How many rows it holds, without the header. */
        public int rows() {
            return csv.rows();
        }

        /** " (cut at the limit)" when it was cut, else nothing: for the audit record. */
        public String cut() {
            return truncated ? " (cut at the limit)" : "";
        }

        /** The download, named {@code <name>-<yyyy-MM-dd-HHmm>.csv} by the time now in the zone. */
        public CsvDownload download(String name, Clock clock, ZoneId zone) {
            return new CsvDownload(name + "-" + TIME.format(clock.instant().atZone(zone)).replace(' ', '-')
                    .replace(":", "") + ".csv", csv.bytes(), csv.rows(), truncated);
        }
    }
}
