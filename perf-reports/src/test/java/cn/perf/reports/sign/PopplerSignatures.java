package cn.perf.reports.sign;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * poppler-utils on a signed PDF, as an archive's or a reader's machine checks it: {@code pdfsig} (signature
 * validation), {@code pdftotext}, {@code pdftoppm}. A missing tool fails the test with what to install: the
 * signature tests are never skipped.
 */
public final class PopplerSignatures {

    private PopplerSignatures() {
    }

    /** {@code pdfsig file}: its report (its exit status is not the verdict; the report is). */
    public static String pdfsig(byte[] pdf) {
        return run(pdf, List.of("pdfsig"), List.of(), false);
    }

    /** {@code pdftotext -enc UTF-8 file -}. */
    public static String pdftotext(byte[] pdf) {
        return run(pdf, List.of("pdftotext", "-enc", "UTF-8"), List.of("-"), true);
    }

    /** {@code pdftoppm -r dpi -png -f page -l page file prefix}: the page as a PNG file in {@code dir}. */
    public static Path pdftoppm(byte[] pdf, int page, int dpi, Path dir, String name) {
        Path prefix = dir.resolve(name);
        run(pdf, List.of("pdftoppm", "-r", String.valueOf(dpi), "-png", "-singlefile", "-f", String.valueOf(page),
                "-l", String.valueOf(page)), List.of(prefix.toString()), true);
        return dir.resolve(name + ".png");
    }

    private static String run(byte[] pdf, List<String> head, List<String> tail, boolean mustSucceed) {
        Path file = null;
        try {
            file = Files.createTempFile("perf-signed-", ".pdf");
            Files.write(file, pdf);
            List<String> command = new ArrayList<>(head);
            command.add(file.toString());
            command.addAll(tail);
            Process p;
            try {
                p = new ProcessBuilder(command).redirectErrorStream(!mustSucceed).start();
            } catch (IOException e) {
                return fail(command.get(0) + " is not installed: the signature tests check the PDFs with "
                        + "poppler-utils (apt-get install poppler-utils) — " + e.getMessage());
            }
            byte[] out = p.getInputStream().readAllBytes();
            String err = mustSucceed ? new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8) : "";
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish in 60 s");
            }
            if (mustSucceed && p.exitValue() != 0) {
                return fail(String.join(" ", command) + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }
}
