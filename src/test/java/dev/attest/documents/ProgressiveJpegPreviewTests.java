package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.junit.jupiter.api.Test;

/**
 * A progressive JPEG is decoded with all its coefficients in native memory, outside the heap's limit and whatever
 * the subsampling (before the fix: a 587 KB progressive JPEG of 10000 × 10000, accepted at upload, took 430 MB of
 * native memory per preview; two preview workers). A large one gets a notice instead; small ones and baseline ones
 * are previewed as before.
 */
class ProgressiveJpegPreviewTests {

    final PagePreviews previews = new PagePreviews(PagePreviews.DEFAULT_MAX_PIXELS, 20_000, 64L * 1024 * 1024, 1);

    static byte[] jpeg(int width, int height, boolean progressive) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void aLargeProgressiveJpegGetsANotice() throws IOException {
        byte[] large = jpeg(6_000, 5_000, true);
        assertThat(PagePreviews.progressiveJpeg(large)).isTrue();
        PagePreviews.Preview preview = previews.render("image/jpeg", large);
        assertThat(preview.rendered()).isFalse();
        assertThat(preview.problem()).contains("progressive JPEG of 6000 × 5000 pixels");
    }

    @Test
    void smallProgressiveAndBaselineJpegsAreStillPreviewed() throws IOException {
        assertThat(previews.render("image/jpeg", jpeg(800, 600, true)).rendered()).isTrue();
        byte[] baseline = jpeg(6_000, 5_000, false);
        assertThat(PagePreviews.progressiveJpeg(baseline)).isFalse();
        assertThat(previews.render("image/jpeg", baseline).rendered()).isTrue();
        assertThat(PagePreviews.progressiveJpeg(TestFiles.png(10, 10))).isFalse();
    }

    @Test
    void aLargeProgressiveJpegInAPdfPageGetsANotice() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            var image = JPEGFactory.createFromByteArray(doc,
                    jpeg(6_000, 5_000, true));
            try (var content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, 612, 510);
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        PagePreviews.Preview preview = previews.render("application/pdf", pdf);
        assertThat(preview.rendered()).isFalse();
        assertThat(preview.problem()).contains("image too large to draw");
    }
}
