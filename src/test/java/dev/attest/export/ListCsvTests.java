package dev.attest.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * What the list exports share: a list read page by page up to the row cap, cut there and told so, each row's cells
 * neutralised by the table, the download named by the time in the zone.
 */
class ListCsvTests {

    final List<int[]> asked = new ArrayList<>();

    ListCsv.Pages<String> list(int size) {
        List<String> rows = IntStream.range(0, size).mapToObj(i -> (i == 3 ? "=cmd" : "row") + i).toList();
        return (offset, limit) -> {
            asked.add(new int[] {offset, limit});
            return rows.subList(Math.min(offset, size), Math.min(offset + limit, size));
        };
    }

    @Test
    void aListShorterThanTheCapIsReadWholePageByPage() {
        ListCsv.Table table = ListCsv.read(List.of("Name"), 2000, list(ListCsv.PAGE + 7), r -> List.of(r));

        assertThat(table.rows()).isEqualTo(ListCsv.PAGE + 7);
        assertThat(table.truncated()).isFalse();
        assertThat(table.cut()).isEmpty();
        assertThat(asked).extracting(a -> a[0] + ":" + a[1]).containsExactly("0:500", "500:500");
        assertThat(table.csv().toString()).startsWith("Name\r\nrow0\r\nrow1\r\nrow2\r\n'=cmd3\r\n");
    }

    @Test
    void aListLongerThanTheCapIsCutAndSaysSo() {
        ListCsv.Table table = ListCsv.read(List.of("Name"), 600, list(601), r -> List.of(r));

        assertThat(table.rows()).isEqualTo(600);
        assertThat(table.truncated()).isTrue();
        assertThat(table.cut()).isEqualTo(" (cut at the limit)");
        assertThat(asked).extracting(a -> a[0] + ":" + a[1]).as("the last page asks for one row more")
                .containsExactly("0:500", "500:101");
    }

    @Test
    void aListExactlyAsLongAsTheCapIsNotCut() {
        ListCsv.Table table = ListCsv.read(List.of("Name"), 600, list(600), r -> List.of(r));

        assertThat(table.rows()).isEqualTo(600);
        assertThat(table.truncated()).isFalse();
    }

    @Test
    void theDownloadIsNamedByTheTimeInTheZone() {
        ListCsv.Table table = ListCsv.read(List.of("Name", "At"), 10, list(2), r -> List.of(r,
                ListCsv.time(Instant.parse("2026-12-07T05:30:00Z"), ZoneId.of("Europe/Berlin"))));
        CsvDownload download = table.download("tasks", Clock.fixed(Instant.parse("2026-12-07T23:15:00Z"),
                ZoneId.of("UTC")), ZoneId.of("Europe/Berlin"));

        assertThat(download.fileName()).isEqualTo("tasks-2026-12-08-0015.csv");
        assertThat(download.rows()).isEqualTo(2);
        assertThat(download.truncated()).isFalse();
        assertThat(new String(download.content(), 3, download.content().length - 3, StandardCharsets.UTF_8))
                .isEqualTo("Name,At\r\nrow0,2026-12-07 06:30\r\nrow1,2026-12-07 06:30\r\n");
        assertThat(ListCsv.time(null, ZoneId.of("UTC"))).isNull();
    }
}
