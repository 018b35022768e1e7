package dev.attest.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV as RFC 4180 says, with formula cells neutralised. */
class CsvTableTests {

    @Test
    void cellsAreQuotedOnlyWhenTheyMustBeAndLinesEndInCrLf() {
        CsvTable table = new CsvTable(List.of("a", "b", "c"));
        table.row(List.of("plain", "with, comma", "say \"hi\""));
        table.row(Arrays.asList("two\nlines", null, ""));
        assertThat(table.toString()).isEqualTo("a,b,c\r\nplain,\"with, comma\",\"say \"\"hi\"\"\"\r\n"
                + "\"two\nlines\",,\r\n");
        assertThat(table.rows()).isEqualTo(2);
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasStayText() {
        assertThat(CsvTable.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(CsvTable.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvTable.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvTable.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvTable.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvTable.cell("Jane = Seller")).isEqualTo("Jane = Seller");
        assertThat(CsvTable.cell("O'Brien")).isEqualTo("O'Brien");
    }

    @Test
    void formulasHiddenBehindSpacesQuotesOrLineBreaksStayText() {
        assertThat(CsvTable.cell(" =1+1")).isEqualTo("' =1+1");
        assertThat(CsvTable.cell("   @SUM(A1)")).isEqualTo("'   @SUM(A1)");
        assertThat(CsvTable.cell("\u00A0+cmd")).isEqualTo("'\u00A0+cmd");
        assertThat(CsvTable.cell("\"=HYPERLINK(1)")).isEqualTo("\"'\"\"=HYPERLINK(1)\"");
        assertThat(CsvTable.cell("'=1+1")).isEqualTo("''=1+1");
        assertThat(CsvTable.cell("\n=1+1")).isEqualTo("\"'\n=1+1\"");
        assertThat(CsvTable.cell(" \t-1")).isEqualTo("' \t-1");
        assertThat(CsvTable.cell("\uFF1DSUM(A1)")).isEqualTo("'\uFF1DSUM(A1)");
        assertThat(CsvTable.cell("  Jane Seller")).isEqualTo("  Jane Seller");
        assertThat(CsvTable.cell("\"quoted\" name")).isEqualTo("\"\"\"quoted\"\" name\"");
    }

    @Test
    void theFileIsUtf8WithAByteOrderMark() {
        byte[] bytes = new CsvTable(List.of("Name")).row(List.of("Zoë")).bytes();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("Name\r\nZoë\r\n");
    }

    @Test
    void aRowMustHaveTheHeadersCells() {
        assertThatThrownBy(() -> new CsvTable(List.of("a", "b")).row(List.of("only one")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
