package dev.attest.documents.reading;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ETEXT_DESC;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.attest.documents.reading.TextRecognition.Glyph;

/**
 * Tesseract 5 in-process (JavaCPP's build, which ships the native library), with the English model
 * ({@code tessdata/eng.traineddata.gz}, from tessdata_best's integer model, Apache-2.0) unpacked once into a
 * temporary folder. Engines are not thread-safe: a bounded pool of them ({@link OcrSettings#engines()}) is made on
 * first use. Tesseract only ever sees the bytes of a grey raster drawn here ({@link Rasters#grey}), within the pixel
 * limit, and each page has a deadline (Tesseract's own monitor) after which its result is dropped.
 */
@Component
@EnableConfigurationProperties(OcrSettings.class)
class TesseractRecognition implements TextRecognition, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TesseractRecognition.class);

    private static final String MODEL = "tessdata/eng.traineddata.gz";

    /** The most pixels a run of digit cells is recognised at. */
    static final long MAX_DIGITS_PIXELS = 250_000;

    /** The number of characters of a zone recognition from which none of their boxes is kept (the text alone is). */
    static final int MAX_GLYPHS = 2_000;

    private static final String MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private final OcrSettings settings;

    private final Object startUp = new Object();

    private volatile BlockingQueue<TessBaseAPI> pool;

    private final List<TessBaseAPI> engines = new ArrayList<>();

    private Path dataPath;

    private volatile boolean closed;

    TesseractRecognition(OcrSettings settings) {
        this.settings = settings;
    }

    @Override
    public Recognised recognise(BufferedImage page, Profile profile) {
        // a run of a zone's digit cells is a strip of a few thousand pixels: a larger raster is scaled down to the
        // strip's bound (line mode has no deadline for what it does before recognition)
        BufferedImage grey = Rasters.grey(page, profile == Profile.DIGITS ? Math.min(settings.maxPixels(),
                MAX_DIGITS_PIXELS) : settings.maxPixels());
        if (grey == null) {
            return new Recognised("", 0.0, false);
        }
        BlockingQueue<TessBaseAPI> engines = engines();
        TessBaseAPI engine;
        try {
            engine = engines.poll(2 * settings.pageTimeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Recognised("", 0.0, true);
        }
        if (engine == null) {
            return new Recognised("", 0.0, true);
        }
        try {
            return recognise(engine, grey, profile);
        } finally {
            engines.add(engine);
        }
    }

    private Recognised recognise(TessBaseAPI engine, BufferedImage grey, Profile profile) {
        byte[] pixels = Rasters.bytes(grey);
        ETEXT_DESC monitor = new ETEXT_DESC();
        try {
            engine.SetVariable("tessedit_char_whitelist", switch (profile) {
                case MRZ -> MRZ_ALPHABET;
                case DIGITS -> "0123456789";
                case TEXT -> "";
            });
            engine.SetPageSegMode(switch (profile) {
                case MRZ -> tesseract.PSM_SINGLE_BLOCK;
                case DIGITS -> tesseract.PSM_SINGLE_LINE;
                case TEXT -> tesseract.PSM_AUTO;
            });
            engine.SetImage(pixels, grey.getWidth(), grey.getHeight(), 1, grey.getWidth());
            engine.SetSourceResolution(300);
            monitor.set_deadline_msecs((int) Math.min(Integer.MAX_VALUE, settings.pageTimeLimit().toMillis()));
            int failed = engine.Recognize(monitor);
            if (monitor.deadline_exceeded()) {
                return new Recognised("", 0.0, true);
            }
            if (failed != 0) {
                return new Recognised("", 0.0, false);
            }
            BytePointer utf8 = engine.GetUTF8Text();
            String text;
            try {
                text = utf8 == null || utf8.isNull() ? "" : utf8.getString(StandardCharsets.UTF_8);
            } finally {
                if (utf8 != null && !utf8.isNull()) {
                    // Tesseract allocated the text: its own function frees it
                    tesseract.TessDeleteText(utf8);
                }
            }
            text = text.strip();
            int confidence = engine.MeanTextConf();
            return new Recognised(text, text.isEmpty() ? 0.0 : Math.max(0, Math.min(100, confidence)) / 100.0, false,
                    profile == Profile.MRZ ? glyphs(engine) : List.of());
        } finally {
            engine.Clear();
            monitor.close();
        }
    }

    /**
     * Each line's characters with their boxes; none when there are {@link #MAX_GLYPHS} or more (a zone has at most 90;
     * a hostile page of tiny print is not walked to its end, and its text alone is read).
     */
    private static List<List<Glyph>> glyphs(TessBaseAPI engine) {
        List<List<Glyph>> lines = new ArrayList<>();
        ResultIterator symbols = engine.GetIterator();
        if (symbols == null || symbols.isNull()) {
            return lines;
        }
        int level = tesseract.RIL_SYMBOL;
        int[] left = new int[1];
        int[] top = new int[1];
        int[] right = new int[1];
        int[] bottom = new int[1];
        int count = 0;
        try {
            List<Glyph> line = null;
            do {
                if (line == null || symbols.IsAtBeginningOf(tesseract.RIL_TEXTLINE)) {
                    line = new ArrayList<>();
                    lines.add(line);
                }
                BytePointer symbol = symbols.GetUTF8Text(level);
                if (symbol == null || symbol.isNull()) {
                    continue;
                }
                String character;
                try {
                    character = symbol.getString(StandardCharsets.UTF_8);
                } finally {
                    tesseract.TessDeleteText(symbol);
                }
                if (character.length() == 1 && symbols.BoundingBox(level, left, top, right, bottom)) {
                    double confidence = Math.max(0, Math.min(100, symbols.Confidence(level))) / 100.0;
                    line.add(new Glyph(character.charAt(0), confidence, left[0], top[0], right[0], bottom[0]));
                }
            } while (++count < MAX_GLYPHS && symbols.Next(level));
        } finally {
            tesseract.TessResultIteratorDelete(symbols);
        }
        if (count >= MAX_GLYPHS) {
            return List.of(); // a page this full is read from its text alone
        }
        lines.removeIf(List::isEmpty);
        return lines;
    }

    private BlockingQueue<TessBaseAPI> engines() {
        BlockingQueue<TessBaseAPI> ready = pool;
        if (ready != null) {
            return ready;
        }
        synchronized (startUp) {
            if (closed) {
                throw new IllegalStateException("text recognition has been shut down");
            }
            if (pool == null) {
                dataPath = unpackModel();
                BlockingQueue<TessBaseAPI> made = new ArrayBlockingQueue<>(settings.engines());
                for (int i = 0; i < settings.engines(); i++) {
                    TessBaseAPI engine = new TessBaseAPI();
                    if (engine.Init(dataPath.toString(), "eng", tesseract.OEM_LSTM_ONLY) != 0) {
                        engine.close();
                        throw new IllegalStateException("Tesseract could not load its English model from " + dataPath);
                    }
                    engine.SetVariable("debug_file", "/dev/null");
                    engines.add(engine);
                    made.add(engine);
                }
                log.info("Text recognition ready: {} Tesseract {} engine(s)", settings.engines(), engines.get(0).Version()
                        .getString());
                pool = made;
            }
            return pool;
        }
    }

    private static Path unpackModel() {
        try {
            Path folder = Files.createTempDirectory("attest-tessdata");
            Path model = folder.resolve("eng.traineddata");
            try (InputStream packed = TesseractRecognition.class.getClassLoader().getResourceAsStream(MODEL)) {
                if (packed == null) {
                    throw new IllegalStateException("the English model " + MODEL + " is missing from the class path");
                }
                try (InputStream unpacked = new GZIPInputStream(packed)) {
                    Files.copy(unpacked, model, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("the English model could not be unpacked", e);
        }
    }

    @Override
    public void destroy() {
        synchronized (startUp) {
            closed = true;
            BlockingQueue<TessBaseAPI> ready = pool;
            if (ready == null) {
                return;
            }
            // engines in use finish their page first (at most the page time limit)
            for (int i = 0; i < engines.size(); i++) {
                try {
                    TessBaseAPI engine = ready.poll(2 * settings.pageTimeLimit().toMillis(), TimeUnit.MILLISECONDS);
                    if (engine != null) {
                        engine.End();
                        engine.close();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pool = null;
            engines.clear();
            if (dataPath != null) {
                try (Stream<Path> files = Files.walk(dataPath)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    log.debug("The unpacked model in {} could not be removed", dataPath, e);
                }
            }
        }
    }
}
