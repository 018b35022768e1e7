package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * PDFBox decodes a whole stream into the heap before anyone reads it: a file of a few megabytes asks for gigabytes,
 * and the node exits on the OutOfMemoryError ({@code -XX:+ExitOnOutOfMemoryError}). Before the fix, with a heap of
 * 1 GiB: a 5 MB PDF whose object stream inflates to 4 GiB ended the JVM at inspection (a portal upload), and a 3 MB
 * PDF with a 30000 × 30000 image ended it when its preview was drawn. Every stream's decoding is bounded now: the
 * upload is refused, or the preview says why there is none, and nothing runs out.
 */
class PdfDecompressionBombTests {

    static final long GIB = 1024L * 1024 * 1024;

    static final long MAX = 10L * 1024 * 1024;
    final FileInspection inspection = new FileInspection(MAX, 100_000_000, 2000,
            200L * 1024 * 1024, 100);
    final PagePreviews previews = new PagePreviews(PagePreviewsTests.BUDGET, 20_000, 64L * 1024 * 1024, 2);

    @Test
    void anImageWhoseSamplesInflateToGigabytesGetsANoticeNotAnOutOfMemoryError() throws IOException {
        // 30000 × 30000 RGB samples (2.7 GB) in 3 MB, drawn at page size: PDFBox inflates the whole stream first
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(
                    flateBomb(2_700_000_000L)), COSName.FLATE_DECODE, 30_000, 30_000, 8,
                    PDDeviceRGB.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, 612, 792);
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertThat(pdf.length).isLessThan((int) MAX);
        assertThat(inspection.inspect("statement.pdf", pdf).mediaType()).as("nothing active: accepted")
                .isEqualTo("application/pdf");
        long before = usedHeap();
        PagePreviews.Preview preview = previews.render("application/pdf", pdf);
        assertThat(preview.rendered()).isFalse();
        assertThat(preview.problem()).contains("stream too large");
        assertThat(usedHeap() - before).isLessThan(GIB);
    }

    @Test
    void anObjectStreamThatInflatesToGigabytesIsRefusedAtUpload() {
        byte[] pdf = objectStreamBomb(4 * GIB);
        assertThat(pdf.length).isLessThan((int) MAX);
        assertThatThrownBy(() -> inspection.inspect("statement.pdf", pdf))
                .isInstanceOf(DocumentRefusedException.class);
    }

    @Test
    void ordinaryPdfsStillPassAndRender() {
        assertThat(inspection.inspect("bill.pdf", TestFiles.pdf()).mediaType()).isEqualTo("application/pdf");
        assertThat(inspection.inspect("bill.pdf", compressedPdf()).mediaType())
                .isEqualTo("application/pdf");
        assertThat(previews.render("application/pdf", TestFiles.pdf()).rendered()).isTrue();
    }

    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * Zlib data that inflates to {@code inflated} spaces: one compressed block of 64 KiB after a full flush (which
     * forgets the window), repeated; the checksum at the end is not that of the whole (PDFBox has decoded it all by
     * then).
     */
    static byte[] flateBomb(long inflated) {
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        Deflater deflater = new Deflater(9);
        byte[] buffer = new byte[64 * 1024];
        deflater.setInput(spaces);
        int first = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
        byte[] head = Arrays.copyOf(buffer, first);
        deflater.setInput(spaces);
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
        byte[] block = Arrays.copyOf(buffer, n);
        deflater.finish();
        int end = deflater.deflate(buffer, 0, buffer.length);
        byte[] tail = Arrays.copyOf(buffer, end);
        deflater.end();
        long blocks = inflated / spaces.length - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        for (long i = 0; i < blocks; i++) {
            out.writeBytes(block);
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }

    /** A classic PDF of the given objects (1, 2, …) and one Flate stream as the last object. */
    static byte[] pdf(List<String> objects, byte[] flate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj " + objects.get(i) + " endobj\n");
        }
        offsets.add(out.size());
        write(out, (objects.size() + 1) + " 0 obj << /Length " + flate.length + " /Filter /FlateDecode >> stream\n");
        out.writeBytes(flate);
        write(out, "\nendstream endobj\n");
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        write(out, table + "trailer << /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        return out.toByteArray();
    }

    /**
     * A PDF with a cross-reference stream whose object 4 (the page's resources) sits in object stream 5, which
     * inflates to {@code inflated} bytes (the object, then spaces).
     */
    static byte[] objectStreamBomb(long inflated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[7];
        write(out, "%PDF-1.7\n");
        offsets[1] = out.size();
        write(out, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        offsets[2] = out.size();
        write(out, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        offsets[3] = out.size();
        write(out, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 4 0 R >> endobj\n");
        // object stream: "4 0 " then the object at /First, then the bomb's spaces
        byte[] objects = "4 0 << >>".getBytes(StandardCharsets.US_ASCII);
        byte[] spaces = flateBombAfter(objects, inflated);
        offsets[5] = out.size();
        write(out, "5 0 obj << /Type /ObjStm /N 1 /First 4 /Length " + spaces.length + " /Filter /FlateDecode >> "
                + "stream\n");
        out.writeBytes(spaces);
        write(out, "\nendstream endobj\n");
        offsets[6] = out.size();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (int i = 0; i < 7; i++) {
            int type = i == 0 ? 0 : i == 4 ? 2 : 1;
            long second = i == 0 ? 0 : i == 4 ? 5 : offsets[i];
            int third = i == 0 ? 0xFFFF : 0;
            entries.write(type);
            for (int shift = 24; shift >= 0; shift -= 8) {
                entries.write((int) (second >> shift) & 0xff);
            }
            entries.write(third >> 8 & 0xff);
            entries.write(third & 0xff);
        }
        byte[] xref = entries.toByteArray();
        write(out, "6 0 obj << /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length " + xref.length + " >> stream\n");
        out.writeBytes(xref);
        write(out, "\nendstream endobj\nstartxref\n" + offsets[6] + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** Zlib data of {@code prefix} followed by spaces up to {@code inflated} bytes. */
    static byte[] flateBombAfter(byte[] prefix, long inflated) {
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        Deflater deflater = new Deflater(9);
        byte[] buffer = new byte[64 * 1024];
        deflater.setInput(prefix);
        int first = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
        byte[] head = Arrays.copyOf(buffer, first);
        deflater.setInput(spaces);
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
        byte[] block = Arrays.copyOf(buffer, n);
        deflater.finish();
        int end = deflater.deflate(buffer, 0, buffer.length);
        byte[] tail = Arrays.copyOf(buffer, end);
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        for (long i = 0; i < inflated / spaces.length; i++) {
            out.writeBytes(block);
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A PDF saved with PDFBox's default compression (object and cross-reference streams), nothing active. */
    static byte[] compressedPdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.LETTER));
            doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
