package cn.perf.web.signing;

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
 * poppler-utils on a PDF the application served: {@code pdfsig} (its report: the exit status is not the verdict),
 * {@code pdftotext}, {@code pdftoppm}. A missing tool fails the test with what to install; never skipped.
 */
public final class Poppler {

    private Poppler() {
    }

    public static String pdfsig(byte[] pdf) {
        return run(pdf, List.of("pdfsig"), List.of(), false);
    }

    /** The text, whitespace removed. */
    public static String pdftotext(byte[] pdf) {
        return run(pdf, List.of("pdftotext", "-enc", "UTF-8"), List.of("-"), true).replaceAll("\\s+", "");
    }

    /** Page {@code page} as {@code dir/name.png} at {@code dpi}. */
    public static Path pdftoppm(byte[] pdf, int page, int dpi, Path dir, String name) {
        run(pdf, List.of("pdftoppm", "-r", String.valueOf(dpi), "-png", "-singlefile", "-f", String.valueOf(page),
                "-l", String.valueOf(page)), List.of(dir.resolve(name).toString()), true);
        return dir.resolve(name + ".png");
    }

    private static String run(byte[] pdf, List<String> head, List<String> tail, boolean mustSucceed) {
        Path file = null;
        try {
            file = Files.createTempFile("perf-web-", ".pdf");
            Files.write(file, pdf);
            List<String> command = new ArrayList<>(head);
            command.add(file.toString());
            command.addAll(tail);
            Process p;
            try {
                p = new ProcessBuilder(command).redirectErrorStream(!mustSucceed).start();
            } catch (IOException e) {
                return fail(command.get(0) + " is not installed (apt-get install poppler-utils): " + e.getMessage());
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
