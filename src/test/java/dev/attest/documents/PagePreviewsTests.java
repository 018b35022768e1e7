package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Previews stay within their budget whatever the document claims, and say why when there is none. */
class PagePreviewsTests {

    static final long BUDGET = 4_000_000;
    final PagePreviews previews = new PagePreviews(BUDGET, 20_000, 64L * 1024 * 1024, 2);

    static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void aHugePageIsScaledIntoThePixelBudget() throws IOException {
        PagePreviews.Preview preview = previews.render("application/pdf", TestFiles.pdfWithPage(36_000, 36_000));
        assertThat(preview.rendered()).as(preview.problem()).isTrue();
        BufferedImage image = decode(preview.png());
        assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(BUDGET);
        assertThat(image.getWidth()).isGreaterThan(1000);
    }

    @Test
    void aLongThinPageIsCappedOnEveryEdge() throws IOException {
        PagePreviews.Preview preview = previews.render("application/pdf", TestFiles.pdfWithPage(14_400, 3));
        assertThat(preview.rendered()).isTrue();
        BufferedImage image = decode(preview.png());
        assertThat(image.getWidth()).isLessThanOrEqualTo(8_000);
        assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void anOrdinaryPageIsRenderedAtPreviewResolution() throws IOException {
        BufferedImage image = decode(previews.png("application/pdf", TestFiles.pdf()));
        assertThat(image.getWidth()).isEqualTo(765); // 8.5 in × 90 dpi
    }

    @Test
    void scaleNeverLetsAnAbsurdBoxThrough() {
        assertThat(previews.scale(1e9, 1e-3)).isPositive();
        assertThat((double) previews.scale(1e9, 1e-3) * 1e9).isLessThanOrEqualTo(8_000.5);
        double scale = previews.scale(1e12, 1e12);
        assertThat(Math.floor(1e12 * scale) * Math.floor(1e12 * scale)).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void aPageThatTakesTooLongIsStoppedAndSaysSo() {
        PagePreviews impatient = new PagePreviews(BUDGET, 1, 64L * 1024 * 1024, 1);
        PagePreviews.Preview preview = impatient.render("application/pdf", TestFiles.pdfWithManyOperators(200_000));
        assertThat(preview.rendered()).isFalse();
        assertThat(preview.problem()).contains("took too long");
    }

    @Test
    void anImageOverTheBudgetIsSubsampledWhileDecoding() throws IOException {
        PagePreviews small = new PagePreviews(1_000_000, 20_000, 64L * 1024 * 1024, 1);
        BufferedImage image = decode(small.png("image/png", TestFiles.png(2_000, 1_500)));
        assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(1_000_000);
        assertThat(image.getWidth()).isGreaterThan(500);
    }

    @Test
    void anImageWithinTheBudgetIsServedAsItIs() {
        byte[] png = TestFiles.png(300, 200);
        assertThat(previews.png("image/png", png)).isEqualTo(png);
    }

    @Test
    void aPixelFloodHeaderIsNeverDecodedWhole() throws IOException {
        PagePreviews.Preview preview = previews.render("image/png", TestFiles.pixelFloodPng(100_000, 100_000));
        if (preview.rendered()) {
            BufferedImage image = decode(preview.png());
            assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(BUDGET);
        } else {
            assertThat(preview.problem()).isNotBlank();
        }
        assertThat(decode(previews.png("image/png", TestFiles.pixelFloodPng(100_000, 100_000)))).isNotNull();
    }

    @Test
    void whatCannotBePreviewedGetsAPictureThatSaysWhy() throws IOException {
        PagePreviews.Preview preview = previews.render("application/pdf", "not a pdf".getBytes());
        assertThat(preview.rendered()).isFalse();
        assertThat(preview.problem()).contains("cannot be drawn");
        BufferedImage notice = decode(previews.png("application/pdf", "not a pdf".getBytes()));
        assertThat(notice.getWidth()).isEqualTo(640);
    }
}
