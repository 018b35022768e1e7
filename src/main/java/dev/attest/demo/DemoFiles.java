package dev.attest.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Sample document files for the demo cases, drawn at start-up (nothing is downloaded). */
final class DemoFiles {

    private DemoFiles() {
    }

    /** A JPEG "scan" of an identity card showing the name and address. */
    static byte[] idCard(String title, String name, String address) {
        BufferedImage image = new BufferedImage(1012, 638, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(226, 236, 246));
        g.fillRect(0, 0, 1012, 638);
        g.setColor(new Color(30, 70, 130));
        g.fillRect(0, 0, 1012, 90);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString(title, 30, 60);
        g.setColor(new Color(180, 190, 200));
        g.fillRect(30, 130, 260, 330);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
        g.drawString(name, 320, 180);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        int y = 240;
        for (String line : address.split(", ")) {
            g.drawString(line, 320, y);
            y += 36;
        }
        g.drawString("ID no. ███████", 320, 560);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page PDF utility bill with the name and address. */
    static byte[] utilityBill(String name, String address) {
        return letter("City Power & Water - Statement", name, address, "Amount due: $84.20");
    }

    /** A one-page PDF with a title, a name, an address and a closing line. */
    static byte[] letter(String title, String name, String address, String closing) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                text.newLineAtOffset(60, 700);
                text.showText(title);
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(0, -40);
                text.showText(name);
                for (String line : address.split(", ")) {
                    text.newLineAtOffset(0, -18);
                    text.showText(line);
                }
                text.newLineAtOffset(0, -40);
                text.showText(closing);
                text.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
