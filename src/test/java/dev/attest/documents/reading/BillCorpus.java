package dev.attest.documents.reading;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import dev.attest.cases.CountryCode;
import dev.attest.documents.AddressComparison.Written;

/**
 * Bills and bank statements made by the tests: text PDFs in the layouts of a US utility, a UK bank, a Canadian
 * utility and German, French, Spanish, Italian and Dutch utilities, each with the values a reader should find; and
 * the same pages as scans: clean, rotated a few degrees, blurred, and saved as JPEG of quality 60.
 */
public final class BillCorpus {

    /**
     * One bill and what it says.
     *
     * @param id a short name
     * @param lines the page's lines, top to bottom; a line starting with {@code >} is set to the right
     * @param fullName the holder
     * @param address the holder's address
     * @param documentDate the bill's date
     * @param issuer the issuer
     * @param issuingCountry the issuing country
     */
    public record Bill(String id, List<String> lines, String fullName, Written address, LocalDate documentDate,
            String issuer, CountryCode issuingCountry) {

        @Override
        public String toString() {
            return id;
        }
    }

    /** How a page is scanned. */
    public enum Scan {
        CLEAN, ROTATED, BLURRED, JPEG_60;

        public boolean degraded() {
            return this != CLEAN;
        }
    }

    private BillCorpus() {
    }

    public static List<Bill> bills() {
        return List.of(
                new Bill("us-utility", List.of(
                        "Lone Star Power & Light Co.",
                        "PO Box 4000, Austin, TX 78711",
                        "",
                        "ELECTRIC SERVICE BILL",
                        ">Account number: 1234-5678-90",
                        ">Bill date: 12/01/2026",
                        ">Due date: 12/21/2026",
                        "",
                        "John Q. Smith",
                        "1200 Barton Springs Road",
                        "Apt 4B",
                        "Austin, TX 78704",
                        "",
                        "Previous balance            $98.20",
                        "Payment received           -$98.20",
                        "Current charges            $123.45",
                        "Amount due                 $123.45"),
                        "John Q. Smith",
                        new Written("1200 Barton Springs Road", "Apt 4B", "Austin", "TX", "78704", "US"),
                        LocalDate.of(2026, 12, 1), "Lone Star Power & Light Co.", new CountryCode("US")),
                new Bill("uk-bank", List.of(
                        "Northbridge Bank plc",
                        "1 Threadneedle Street, London EC2R 8AH",
                        "",
                        "Statement of account",
                        "",
                        "Mrs Eleanor Whitfield",
                        "Flat 3",
                        "27 Kingsway Road",
                        "Manchester",
                        "M1 4BT",
                        "",
                        "Statement date: 1 December 2026",
                        "Sort code 20-00-00   Account number 12345678",
                        "",
                        "Date         Description              Amount",
                        "03 Nov       Card payment Tesco        42.10",
                        "15 Nov       Salary                 2,400.00"),
                        "Eleanor Whitfield",
                        new Written("27 Kingsway Road", "Flat 3", "Manchester", null, "M1 4BT", "GB"),
                        LocalDate.of(2026, 12, 1), "Northbridge Bank plc", new CountryCode("GB")),
                new Bill("ca-utility", List.of(
                        "Maple Hydro Inc.",
                        "",
                        "Statement date: December 1, 2026",
                        "Account: 55-2231",
                        "",
                        "Mr. Pierre Tremblay",
                        "88 Queen Street West",
                        "Toronto, ON M5H 2N2",
                        "Canada",
                        "",
                        "Electricity used: 612 kWh",
                        "Total due: $88.10 CAD"),
                        "Pierre Tremblay",
                        new Written("88 Queen Street West", null, "Toronto", "ON", "M5H 2N2", "CA"),
                        LocalDate.of(2026, 12, 1), "Maple Hydro Inc.", new CountryCode("CA")),
                new Bill("de-utility", List.of(
                        "Stadtwerke Musterstadt GmbH",
                        "Hafenstraße 1, 20457 Hamburg",
                        "",
                        "Herrn",
                        "Max Mustermann",
                        "Friedrichstraße 123",
                        "10117 Berlin",
                        "",
                        "Rechnung Strom",
                        "Rechnungsdatum: 01.12.2026",
                        "Kundennummer: 4711 0815",
                        "Abrechnungszeitraum: 01.11.2026 bis 30.11.2026",
                        "Rechnungsbetrag: 84,20 EUR"),
                        "Max Mustermann",
                        new Written("Friedrichstraße 123", null, "Berlin", null, "10117", "DE"),
                        LocalDate.of(2026, 12, 1), "Stadtwerke Musterstadt GmbH", new CountryCode("DE")),
                new Bill("fr-utility", List.of(
                        "Électricité de Provence SA",
                        "",
                        "Facture",
                        "Date de facture : 1 décembre 2026",
                        "Référence client : 5521 8890",
                        "",
                        "M. Jean Dupont",
                        "12 bis rue de la République",
                        "69002 Lyon",
                        "France",
                        "",
                        "Montant à payer : 64,90 €",
                        "Date d'échéance : 15/12/2026"),
                        "Jean Dupont",
                        new Written("12 bis rue de la République", null, "Lyon", null, "69002", "FR"),
                        LocalDate.of(2026, 12, 1), "Électricité de Provence SA", new CountryCode("FR")),
                new Bill("es-utility", List.of(
                        "Aguas de Valencia S.A.",
                        "",
                        "Factura",
                        "",
                        "Sra. María García López",
                        "Calle Mayor 15",
                        "28013 Madrid",
                        "",
                        "Fecha de emisión: 01/12/2026",
                        "Número de factura: FV-2026-118",
                        "Importe total: 38,75 €"),
                        "María García López",
                        new Written("Calle Mayor 15", null, "Madrid", null, "28013", "ES"),
                        LocalDate.of(2026, 12, 1), "Aguas de Valencia S.A.", new CountryCode("ES")),
                new Bill("it-utility", List.of(
                        "Acea Energia S.p.A.",
                        "",
                        "Fattura",
                        "Data di emissione: 01/12/2026",
                        "",
                        "Sig. Mario Rossi",
                        "Via del Corso 12",
                        "00186 Roma RM",
                        "",
                        "Codice cliente: 300 112 554",
                        "Totale da pagare: 71,30 €"),
                        "Mario Rossi",
                        new Written("Via del Corso 12", null, "Roma", "RM", "00186", "IT"),
                        LocalDate.of(2026, 12, 1), "Acea Energia S.p.A.", new CountryCode("IT")),
                new Bill("nl-utility", List.of(
                        "Vitens N.V.",
                        "",
                        "Factuur",
                        "",
                        "Dhr. Jan de Vries",
                        "Keizersgracht 123",
                        "1015 CJ Amsterdam",
                        "",
                        "Factuurdatum: 1 december 2026",
                        "Klantnummer: 88 1234",
                        "Te betalen: € 42,15"),
                        "Jan de Vries",
                        new Written("Keizersgracht 123", null, "Amsterdam", null, "1015 CJ", "NL"),
                        LocalDate.of(2026, 12, 1), "Vitens N.V.", new CountryCode("NL")),
                new Bill("us-bank", List.of(
                        "First Harbor Federal Credit Union",
                        "",
                        "Account Statement",
                        "Statement period: 11/01/2026 - 11/30/2026",
                        "Statement date: 2026-12-01",
                        "",
                        "Account holder: Sarah Connor",
                        "",
                        "Sarah Connor",
                        "1450 Fifth Avenue",
                        "New York, NY 10035",
                        "",
                        "Beginning balance   $1,200.00",
                        "Ending balance      $1,310.55"),
                        "Sarah Connor",
                        new Written("1450 Fifth Avenue", null, "New York", "NY", "10035", "US"),
                        LocalDate.of(2026, 12, 1), "First Harbor Federal Credit Union", new CountryCode("US")));
    }

    /** The bill as a one-page text PDF (A4 or Letter). */
    public static byte[] pdf(Bill bill) {
        try (PDDocument document = new PDDocument()) {
            PDRectangle size = bill.issuingCountry().value().equals("US")
                    || bill.issuingCountry().value().equals("CA") ? PDRectangle.LETTER : PDRectangle.A4;
            PDPage page = new PDPage(size);
            document.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = size.getHeight() - 60;
                boolean first = true;
                for (String line : bill.lines()) {
                    if (!line.isEmpty()) {
                        boolean right = line.startsWith(">");
                        String text = right ? line.substring(1) : line;
                        PDType1Font font = first ? bold : regular;
                        float fontSize = first ? 15 : 11;
                        float x = right ? size.getWidth() - 60 - font.getStringWidth(text) / 1000 * fontSize : 60;
                        content.beginText();
                        content.setFont(font, fontSize);
                        content.newLineAtOffset(x, y);
                        content.showText(text);
                        content.endText();
                    }
                    y -= first ? 24 : 16;
                    first = false;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bill's page as a scanner would give it, at 200 dpi. */
    public static BufferedImage scan(Bill bill, Scan scan) {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf(bill))) {
            page = new PDFRenderer(document).renderImage(0, 200 / 72f, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switch (scan) {
            case CLEAN, JPEG_60 -> page;
            case ROTATED -> rotate(page, bill.id().hashCode() % 2 == 0 ? 3.0 : -2.5);
            case BLURRED -> blur(page);
        };
    }

    /** The scan as an image file: PNG, or JPEG of quality 60 for {@link Scan#JPEG_60}. */
    public static byte[] scanFile(Bill bill, Scan scan) {
        BufferedImage image = scan(bill, scan);
        return scan == Scan.JPEG_60 ? jpeg(image, 0.6f) : png(image);
    }

    /** The scan as an image-only PDF (no text layer), as a scanner's PDF is. */
    public static byte[] scannedPdf(Bill bill, Scan scan) {
        BufferedImage image = scan(bill, scan);
        try (PDDocument document = new PDDocument()) {
            PDRectangle size = new PDRectangle(image.getWidth() * 72f / 200, image.getHeight() * 72f / 200);
            PDPage page = new PDPage(size);
            document.addPage(page);
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xobject, 0, 0, size.getWidth(), size.getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage rotate(BufferedImage image, double degrees) {
        BufferedImage rotated = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rotated.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, rotated.getWidth(), rotated.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
                    image.getHeight() / 2.0));
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rotated;
    }

    static BufferedImage blur(BufferedImage image) {
        float[] kernel = new float[9];
        java.util.Arrays.fill(kernel, 1f / 9);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
        return out;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
