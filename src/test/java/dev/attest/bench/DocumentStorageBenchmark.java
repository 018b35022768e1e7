package dev.attest.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.FileInspection;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * How long checking and storing a document takes: a PDF just under the 10 MiB limit (incompressible content,
 * so encryption and hashing see every byte), through the inspection alone and through the whole upload
 * (inspection, checks, AES-GCM encryption, write, metadata, engine hand-over). Prints a table; asserts
 * nothing about time. Run with {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
@AttestTest
class DocumentStorageBenchmark {

    static final int WARM_UP = 3;
    static final int RUNS = 15;

    @Autowired Documents documents;
    @Autowired FileInspection inspection;
    @Autowired CaseIntake intake;

    @Test
    void checkAndStoreA10MibPdf() throws Exception {
        byte[] pdf = pdfOfSize(10 * 1024 * 1024 - 64 * 1024);
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper().convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        DocumentMetadata metadata = new DocumentMetadata("PROOF_OF_ADDRESS", "Jane Seller", null, null, null, null);

        List<String> rows = new ArrayList<>();
        rows.add(row("inspect (Tika type, PDFBox active-content walk)", time(() -> inspection.inspect("big.pdf", pdf))));
        rows.add(row("upload: inspect + checks + encrypt + write + store + hand-over", time(() -> RunAs.user("intake",
                () -> documents.upload(c.getReference(), "big.pdf", pdf, metadata), Role.INTAKE))));
        var stored = RunAs.user("analyst", () -> documents.list(c.getReference()), Role.ANALYST).get(0);
        rows.add(row("read: decrypt + SHA-256 verify + audit", time(() -> RunAs.user("analyst",
                () -> documents.read(c.getReference(), stored.getId(), "benchmark"), Role.ANALYST))));

        Runtime rt = Runtime.getRuntime();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Document storage benchmark: PDF of %.2f MiB, %d runs after %d warm-up, "
                + "%d cores", pdf.length / 1048576.0, RUNS, WARM_UP, rt.availableProcessors()));
        lines.add(String.format(Locale.ROOT, "%-66s %8s %8s %8s", "operation", "p50 ms", "p95 ms", "max ms"));
        lines.addAll(rows);
        lines.add(String.format(Locale.ROOT, "heap used after: %d MiB of %d MiB max",
                (rt.totalMemory() - rt.freeMemory()) / 1048576, rt.maxMemory() / 1048576));
        System.out.println();
        lines.forEach(System.out::println);
        write("documents", lines);
    }

    /** Writes a benchmark's lines to target/benchmarks/NAME.md as a preformatted block, for BENCHMARKS.md. */
    static void write(String name, List<String> lines) throws IOException {
        Path out = Path.of("target", "benchmarks", name + ".md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines.stream().map(l -> "    " + l).toList());
    }

    static List<Double> time(Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    public static String row(String name, List<Double> sorted) {
        double p50 = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        return String.format(Locale.ROOT, "%-66s %8.1f %8.1f %8.1f", name, p50, p95, sorted.get(sorted.size() - 1));
    }

    /** A one-page PDF padded with an incompressible stream to about the given size. */
    static byte[] pdfOfSize(int bytes) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            byte[] noise = new byte[bytes];
            new Random(42).nextBytes(noise);
            PDStream stream = new PDStream(doc);
            try (var os = stream.createOutputStream()) {
                os.write(noise);
            }
            page.getCOSObject().setItem(COSName.getPDFName("PieceInfo"), stream.getCOSObject());
            doc.save(out);
            return out.toByteArray();
        }
    }
}
