package dev.attest.documents.reading;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.pdf417.PDF417Writer;
import com.google.zxing.pdf417.encoder.Compaction;

/**
 * Identity documents drawn by the tests: passports (TD3) and ID cards (TD1) with a visual zone and a machine-readable
 * zone, US licences with an AAMVA PDF417 barcode, and the degraded copies a phone or scanner makes (turned a few
 * degrees, blurred, JPEG at quality 60). Check digits are computed here by ICAO 9303 part 3's rule, independently of
 * the parser. The zone is drawn in DejaVu Sans Mono unless a font is given: {@link #OCR_B}, the font ICAO 9303
 * prescribes (Matthew Skala's public-domain OCR-B, made from Norbert Schwarz's freely distributable METAFONT
 * sources; Debian's {@code fonts-ocr-b}), is committed as {@code src/test/resources/fonts/OCRB.otf} so that every
 * machine draws the same pages.
 */
final class SpecimenDocuments {

    /** The monospace font the tests' documents print their zone in. */
    static final Font DEJAVU_SANS_MONO = new Font("DejaVu Sans Mono", Font.PLAIN, 1);

    /** OCR-B, the font real documents print their zone in. */
    static final Font OCR_B = ocrB();

    private static final String[] SURNAMES = {"ERIKSSON", "MUELLER", "GARCIA LOPEZ", "O NEILL", "NGUYEN", "SMITH",
            "KOWALSKI", "VAN DER BERG", "ROSSI", "DUBOIS", "JOHANSSON", "PAPADOPOULOS", "TANAKA", "MARTIN", "SILVA"};

    private static final String[] GIVEN = {"ANNA MARIA", "JOHN", "LUCIA", "PETER JAMES", "MEI", "OLIVIA", "KAROL",
            "SOPHIE", "MARCO", "CLAIRE ANNE", "ERIK", "ELENI", "HIROSHI", "LOUIS", "JOAO PEDRO"};

    private static final String[] STATES = {"UTO", "D<<", "FRA", "GBR", "USA", "NLD", "ITA", "ESP", "SWE", "CAN"};

    /** What a document says about its holder. */
    record Holder(String surname, String givenNames, String documentNumber, String state, String nationality,
            LocalDate dateOfBirth, String sex, LocalDate expiresOn) {
    }

    /** A degradation of a rendered page. */
    enum Degradation {
        CLEAN, ROTATED, BLURRED, JPEG_60
    }

    private SpecimenDocuments() {
    }

    private static Font ocrB() {
        try (InputStream font = SpecimenDocuments.class.getResourceAsStream("/fonts/OCRB.otf")) {
            if (font == null) {
                throw new IllegalStateException("fonts/OCRB.otf is missing from the test class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, font);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("fonts/OCRB.otf could not be loaded", e);
        }
    }

    static Holder holder(Random random) {
        String number = alphanumeric(random, 9);
        String state = STATES[random.nextInt(STATES.length)];
        return new Holder(SURNAMES[random.nextInt(SURNAMES.length)], GIVEN[random.nextInt(GIVEN.length)], number,
                state, state, LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                random.nextBoolean() ? "F" : "M", LocalDate.of(2027 + random.nextInt(10), 1 + random.nextInt(12),
                        1 + random.nextInt(28)));
    }

    static String alphanumeric(Random random, int length) {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    // ICAO 9303 part 3, 4.9: weights 7, 3, 1; 0-9 as themselves, A-Z as 10-35, < as 0; the sum modulo 10
    static char check(String data) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : Character.isLetter(c) ? c - 'A' + 10 : 0;
            sum += value * weights[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    static String pad(String s, int length) {
        String f = s.replace(' ', '<');
        return f.length() >= length ? f.substring(0, length) : f + "<".repeat(length - f.length());
    }

    static String yymmdd(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("yyMMdd"));
    }

    static List<String> td3(Holder h) {
        String upper = pad("P<" + pad(h.state(), 3) + h.surname().replace(' ', '<') + "<<"
                + h.givenNames().replace(' ', '<'), 44);
        String number = pad(h.documentNumber(), 9);
        String birth = yymmdd(h.dateOfBirth());
        String expiry = yymmdd(h.expiresOn());
        String personal = pad("", 14);
        String personalCheck = "<";
        String lower = number + check(number) + pad(h.nationality(), 3) + birth + check(birth) + h.sex() + expiry
                + check(expiry) + personal + personalCheck;
        String composite = lower.substring(0, 10) + lower.substring(13, 20) + lower.substring(21, 43);
        return List.of(upper, lower + check(composite));
    }

    static List<String> td1(Holder h) {
        String number = pad(h.documentNumber(), 9);
        String first = pad("I<" + pad(h.state(), 3) + number + check(number), 30);
        String birth = yymmdd(h.dateOfBirth());
        String expiry = yymmdd(h.expiresOn());
        String second = birth + check(birth) + h.sex() + expiry + check(expiry) + pad(h.nationality(), 3)
                + pad("", 11);
        String composite = first.substring(5, 30) + second.substring(0, 7) + second.substring(8, 15)
                + second.substring(18, 29);
        second = second + check(composite);
        String third = pad(h.surname().replace(' ', '<') + "<<" + h.givenNames().replace(' ', '<'), 30);
        return List.of(first, second, third);
    }

    /** The zone with one character changed: the one at {@code position} of {@code line} becomes {@code by}. */
    static List<String> altered(List<String> lines, int line, int position, char by) {
        List<String> changed = new ArrayList<>(lines);
        String l = changed.get(line);
        changed.set(line, l.substring(0, position) + by + l.substring(position + 1));
        return changed;
    }

    /** A passport's data page (125 × 88 mm at 10 pixels a millimetre), the zone at its foot. */
    static BufferedImage passport(Holder h, List<String> mrz) {
        return passport(h, mrz, DEJAVU_SANS_MONO);
    }

    /** A passport's data page, its zone in the font given. */
    static BufferedImage passport(Holder h, List<String> mrz, Font mrzFont) {
        BufferedImage page = new BufferedImage(1250, 880, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper(page, new Color(0xe8, 0xf0, 0xf8), new Color(0xf6, 0xf0, 0xe4));
        g.setColor(new Color(0x20, 0x30, 0x60));
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 34));
        g.drawString("PASSPORT  ·  PASSEPORT  ·  " + h.state().replace("<", ""), 60, 70);
        photo(g, 60, 120, 300, 380);
        String[][] fields = {{"Type / Type", "P"}, {"Surname / Nom", h.surname()}, {"Given names / Prénoms",
                h.givenNames()}, {"Nationality / Nationalité", h.nationality().replace("<", "")},
                {"Date of birth / Date de naissance", visualDate(h.dateOfBirth())}, {"Sex / Sexe", h.sex()},
                {"Date of expiry / Date d'expiration", visualDate(h.expiresOn())},
                {"Passport No. / N° du passeport", h.documentNumber()}};
        fields(g, fields, 400, 130, 50);
        zone(g, mrz, mrzFont, 40, 760, 44, 1170);
        g.dispose();
        return page;
    }

    /** An ID card (85.6 × 54 mm at 12 pixels a millimetre), the zone's three lines at its foot. */
    static BufferedImage idCard(Holder h, List<String> mrz) {
        return idCard(h, mrz, DEJAVU_SANS_MONO);
    }

    /** An ID card, its zone in the font given. */
    static BufferedImage idCard(Holder h, List<String> mrz, Font mrzFont) {
        BufferedImage page = new BufferedImage(1027, 648, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper(page, new Color(0xf0, 0xe8, 0xf4), new Color(0xe4, 0xf4, 0xee));
        g.setColor(new Color(0x40, 0x20, 0x50));
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 28));
        g.drawString("IDENTITY CARD  ·  " + h.state().replace("<", ""), 40, 50);
        photo(g, 40, 80, 200, 250);
        String[][] fields = {{"Surname", h.surname()}, {"Given names", h.givenNames()}, {"Date of birth",
                visualDate(h.dateOfBirth())}, {"Expiry", visualDate(h.expiresOn())}, {"Document No.",
                        h.documentNumber()}};
        fields(g, fields, 270, 85, 44);
        zone(g, mrz, mrzFont, 30, 480, 30, 967);
        g.dispose();
        return page;
    }

    private static Graphics2D paper(BufferedImage page, Color from, Color to) {
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, from, page.getWidth(), page.getHeight(), to));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        // guilloche-like security lines
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0, 0, 0, 18));
        for (int i = 0; i < page.getWidth(); i += 14) {
            g.drawArc(i - 200, -100, 400, page.getHeight() / 2, 0, 180);
        }
        return g;
    }

    private static void photo(Graphics2D g, int x, int y, int width, int height) {
        g.setColor(new Color(0xb8, 0xb8, 0xc0));
        g.fillRect(x, y, width, height);
        g.setColor(new Color(0x70, 0x70, 0x80));
        g.fillOval(x + width / 4, y + height / 8, width / 2, height / 2);
        g.fillRoundRect(x + width / 8, y + height * 5 / 8, width * 3 / 4, height / 2, 60, 60);
    }

    private static void fields(Graphics2D g, String[][] fields, int x, int y, int step) {
        for (String[] field : fields) {
            g.setColor(new Color(0x50, 0x50, 0x70));
            g.setFont(new Font("DejaVu Sans", Font.PLAIN, 15));
            g.drawString(field[0], x, y);
            g.setColor(Color.BLACK);
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 24));
            g.drawString(field[1], x, y + 26);
            y += step + 22;
        }
    }

    /**
     * The zone in its monospace font, one character a pitch across the layout's width, each glyph as wide as the
     * font's own advance makes it at that pitch.
     */
    private static void zone(Graphics2D g, List<String> lines, Font mrzFont, int x, int y, int characters,
            int width) {
        g.setColor(Color.WHITE);
        g.fillRect(0, y - 55, g.getDeviceConfiguration().getBounds().width, 400);
        g.setColor(Color.BLACK);
        double pitch = (double) width / characters;
        double advance = g.getFontMetrics(mrzFont.deriveFont(100f)).charWidth('0') / 100.0;
        Font font = mrzFont.deriveFont((float) Math.round(pitch / advance));
        g.setFont(font);
        int lineStep = (int) Math.round(pitch * 1.65);
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                g.drawString(String.valueOf(line.charAt(i)), (float) (x + i * pitch), y);
            }
            y += lineStep;
        }
    }

    private static String visualDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH)).toUpperCase(Locale.ROOT);
    }

    /** The AAMVA data of a US licence (2016 edition, version 08), the issuer and jurisdiction given. */
    static String aamva(Holder h, String issuer, String jurisdiction, boolean canadian) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern(canadian ? "yyyyMMdd" : "MMddyyyy");
        String subfile = "DL" + "DAQ" + h.documentNumber() + "\n" + "DCS" + h.surname() + "\n" + "DAC"
                + h.givenNames().split(" ")[0] + "\n" + "DAD" + (h.givenNames().contains(" ")
                        ? h.givenNames().substring(h.givenNames().indexOf(' ') + 1) : "NONE") + "\n" + "DBD"
                + LocalDate.of(2024, 3, 1).format(date) + "\n" + "DBB" + h.dateOfBirth().format(date) + "\n" + "DBA"
                + h.expiresOn().format(date) + "\n" + "DBC" + (h.sex().equals("M") ? "1" : "2") + "\n" + "DAU"
                + "070 IN\n" + "DAG" + "1234 MAIN ST\n" + "DAI" + "AUSTIN\n" + "DAJ" + jurisdiction + "\n" + "DAK"
                + "787010000  \n" + "DCF" + "1234567890\n" + "DCG" + (canadian ? "CAN" : "USA") + "\n" + "DDE"
                + "N\n" + "DDF" + "N\n" + "DDG" + "N\r";
        String header = "@\n\u001e\rANSI " + issuer + "08" + "00" + "01";
        int offset = header.length() + 10;
        String designator = "DL" + String.format("%04d", offset) + String.format("%04d", subfile.length());
        return header + designator + subfile;
    }

    /** A licence's back: the PDF417 barcode of its AAMVA data, drawn 3 pixels a module. */
    static BufferedImage licenceBack(String data) {
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.PDF417_COMPACTION, Compaction.BYTE);
            hints.put(EncodeHintType.ERROR_CORRECTION, 3);
            hints.put(EncodeHintType.MARGIN, 10);
            BitMatrix matrix = new PDF417Writer().encode(data, BarcodeFormat.PDF_417, 900, 480, hints);
            BufferedImage code = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    code.setRGB(x, y, matrix.get(x, y) ? 0 : 0xffffff);
                }
            }
            BufferedImage page = new BufferedImage(1050, 660, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = paper(page, new Color(0xf4, 0xf4, 0xf8), new Color(0xe8, 0xee, 0xf4));
            g.setColor(Color.BLACK);
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 22));
            g.drawString("This card is the property of the issuing state.", 40, 50);
            double scale = Math.min(980.0 / code.getWidth(), 520.0 / code.getHeight());
            int width = (int) (code.getWidth() * scale);
            int height = (int) (code.getHeight() * scale);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(code, (1050 - width) / 2, 100, width, height, null);
            g.dispose();
            return page;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage degrade(BufferedImage page, Degradation degradation, Random random) {
        return switch (degradation) {
            case CLEAN -> page;
            case ROTATED -> rotate(page, (random.nextBoolean() ? 1 : -1) * (2 + 2 * random.nextDouble()));
            case BLURRED -> blur(page, 1.2);
            case JPEG_60 -> jpeg(page, 0.6f);
        };
    }

    /** The page turned on a larger white sheet, as a scan put in crooked. */
    static BufferedImage rotate(BufferedImage page, double degrees) {
        int margin = (int) (Math.max(page.getWidth(), page.getHeight()) * 0.08);
        BufferedImage sheet = new BufferedImage(page.getWidth() + 2 * margin, page.getHeight() + 2 * margin,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(degrees), sheet.getWidth() / 2.0,
                sheet.getHeight() / 2.0);
        turn.translate(margin, margin);
        g.drawImage(page, turn, null);
        g.dispose();
        return sheet;
    }

    static BufferedImage blur(BufferedImage page, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        int size = 2 * radius + 1;
        float[] kernel = new float[size];
        float sum = 0;
        for (int i = 0; i < size; i++) {
            kernel[i] = (float) Math.exp(-((i - radius) * (i - radius)) / (2 * sigma * sigma));
            sum += kernel[i];
        }
        for (int i = 0; i < size; i++) {
            kernel[i] /= sum;
        }
        BufferedImage rgb = copy(page);
        BufferedImage across = new ConvolveOp(new Kernel(size, 1, kernel), ConvolveOp.EDGE_NO_OP, null).filter(rgb,
                null);
        return new ConvolveOp(new Kernel(1, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(across, null);
    }

    static BufferedImage jpeg(BufferedImage page, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(copy(page), null, null), param);
            }
            writer.dispose();
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage copy(BufferedImage page) {
        BufferedImage rgb = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
