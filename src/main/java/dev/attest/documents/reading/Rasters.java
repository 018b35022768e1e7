package dev.attest.documents.reading;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The rasters the native readers see: always an 8-bit grey image Attest drew itself, within the pixel limit.
 */
final class Rasters {

    /** Tesseract keeps coordinates in 16 bits; no side may be longer. */
    static final int MAX_SIDE = 32_000;

    /** Sides shorter than this hold no readable character. */
    static final int MIN_SIDE = 8;

    private Rasters() {
    }

    /**
     * A grey copy of the page on white (transparency becomes paper), scaled down to at most {@code maxPixels} and
     * {@link #MAX_SIDE}; {@code null} for no page, or one too small to hold a character.
     */
    static BufferedImage grey(BufferedImage page, long maxPixels) {
        if (page == null || page.getWidth() < MIN_SIDE || page.getHeight() < MIN_SIDE) {
            return null;
        }
        double scale = Math.min(1.0, Math.sqrt((double) maxPixels / ((double) page.getWidth() * page.getHeight())));
        scale = Math.min(scale, Math.min((double) MAX_SIDE / page.getWidth(), (double) MAX_SIDE / page.getHeight()));
        int width = Math.max(1, (int) Math.floor(page.getWidth() * scale));
        int height = Math.max(1, (int) Math.floor(page.getHeight() * scale));
        if (width < MIN_SIDE || height < MIN_SIDE) {
            return null;
        }
        if (scale == 1.0 && page.getType() == BufferedImage.TYPE_BYTE_GRAY && !page.isAlphaPremultiplied()
                && page.getRaster().getParent() == null && packed(page)) {
            return page;
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    private static boolean packed(BufferedImage image) {
        return image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getData().length == image.getWidth() * image.getHeight();
    }

    /** The raw bytes of a grey raster from {@link #grey}, one byte a pixel, rows without padding. */
    static byte[] bytes(BufferedImage grey) {
        if (packed(grey) && grey.getRaster().getParent() == null) {
            return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        }
        byte[] bytes = new byte[grey.getWidth() * grey.getHeight()];
        grey.getRaster().getDataElements(0, 0, grey.getWidth(), grey.getHeight(), bytes);
        return bytes;
    }

    /** A copy of part of a grey raster. */
    static BufferedImage crop(BufferedImage grey, int x, int y, int width, int height) {
        BufferedImage crop = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = crop.createGraphics();
        try {
            g.drawImage(grey, -x, -y, null);
        } finally {
            g.dispose();
        }
        return crop;
    }

    /** A grey raster on a white frame of {@code margin} pixels: Tesseract misses characters touching the edge. */
    static BufferedImage framed(BufferedImage grey, int margin) {
        BufferedImage framed = new BufferedImage(grey.getWidth() + 2 * margin, grey.getHeight() + 2 * margin,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = framed.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, framed.getWidth(), framed.getHeight());
            g.drawImage(grey, margin, margin, null);
        } finally {
            g.dispose();
        }
        return framed;
    }

    /** A grey raster scaled by a factor (bilinear). */
    static BufferedImage scale(BufferedImage grey, double factor) {
        int width = Math.max(1, (int) Math.round(grey.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(grey.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(grey, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    /** A grey raster turned by some degrees about its centre, on white, same size. */
    static BufferedImage rotate(BufferedImage grey, double degrees) {
        BufferedImage turned = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grey.getWidth(), grey.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(grey, AffineTransform.getRotateInstance(Math.toRadians(degrees), grey.getWidth() / 2.0,
                    grey.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /** A grey raster turned by a quarter turn clockwise, {@code quarters} times (0 to 3). */
    static BufferedImage quarterTurns(BufferedImage grey, int quarters) {
        int q = Math.floorMod(quarters, 4);
        if (q == 0) {
            return grey;
        }
        int width = q == 2 ? grey.getWidth() : grey.getHeight();
        int height = q == 2 ? grey.getHeight() : grey.getWidth();
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        AffineTransform turn = new AffineTransform();
        turn.translate(width / 2.0, height / 2.0);
        turn.quadrantRotate(q);
        turn.translate(-grey.getWidth() / 2.0, -grey.getHeight() / 2.0);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(grey, turn, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /**
     * The angle in degrees (within ±{@code maxDegrees}, half-degree steps) that makes the raster's dark rows most
     * distinct: lines of text lie level when each row is either ink or paper. Measured on a copy at most 800 pixels
     * wide.
     */
    static double skew(BufferedImage grey, double maxDegrees) {
        double factor = Math.min(1.0, 800.0 / grey.getWidth());
        BufferedImage small = factor < 1.0 ? scale(grey, factor) : grey;
        int width = small.getWidth();
        int height = small.getHeight();
        byte[] pixels = bytes(small);
        int threshold = otsu(pixels);
        int count = 0;
        int[] xs = new int[Math.min(pixels.length, 400_000)];
        int[] ys = new int[xs.length];
        int step = Math.max(1, pixels.length / xs.length + 1);
        for (int i = 0; i < pixels.length && count < xs.length; i += step) {
            if ((pixels[i] & 0xff) < threshold) {
                xs[count] = i % width;
                ys[count] = i / width;
                count++;
            }
        }
        if (count < 50) {
            return 0.0;
        }
        double best = 0.0;
        double bestScore = -1;
        for (double degrees = -maxDegrees; degrees <= maxDegrees + 1e-9; degrees += 0.5) {
            double tan = Math.tan(Math.toRadians(degrees));
            int pad = (int) Math.ceil(Math.abs(tan) * width) + 1;
            int[] rows = new int[height + 2 * pad];
            for (int i = 0; i < count; i++) {
                int row = (int) Math.round(ys[i] - (xs[i] - width / 2.0) * tan) + pad;
                if (row >= 0 && row < rows.length) {
                    rows[row]++;
                }
            }
            double score = 0;
            for (int r = 1; r < rows.length; r++) {
                double d = rows[r] - rows[r - 1];
                score += d * d;
            }
            if (score > bestScore * 1.0001) {
                bestScore = score;
                best = degrees;
            }
        }
        return best;
    }

    /** Otsu's threshold of grey bytes. */
    static int otsu(byte[] pixels) {
        long[] histogram = new long[256];
        for (byte p : pixels) {
            histogram[p & 0xff]++;
        }
        long total = pixels.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * histogram[i];
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += (double) t * histogram[t];
            double meanBackground = sumBackground / weightBackground;
            double meanForeground = (sum - sumBackground) / weightForeground;
            double variance = (double) weightBackground * weightForeground * (meanBackground - meanForeground)
                    * (meanBackground - meanForeground);
            if (variance > bestVariance) {
                bestVariance = variance;
                threshold = t + 1;
            }
        }
        return threshold;
    }
}
