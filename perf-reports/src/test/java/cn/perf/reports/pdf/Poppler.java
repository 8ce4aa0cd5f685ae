package cn.perf.reports.pdf;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the poppler-utils tools on a PDF, as a reader's machine would ({@code pdftotext}, {@code pdffonts},
 * {@code pdfinfo}). A missing tool fails the test with what to install: these tests are the proof that the text is
 * extractable, they are never skipped.
 */
final class Poppler {

    private Poppler() {
    }

    /** {@code pdftotext [options] file -}: the text, UTF-8. */
    static String pdftotext(byte[] pdf, String... options) {
        List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
        command.addAll(List.of(options));
        return run(pdf, command, true);
    }

    /**
     * The text without what the renderer prints on every page — the running header line and "第 N 页 共 M 页" —
     * so that a value that runs over a page break reads as one.
     */
    static String body(String text, String runningHeader) {
        String header = runningHeader.replaceAll("\\s+", "");
        StringBuilder out = new StringBuilder();
        for (String line : text.lines().toList()) {
            String flat = line.replaceAll("\\s+", "");
            if (flat.matches("第\\d+页(共\\d+页)?") || flat.matches("共\\d+页")
                    || !header.isEmpty() && flat.startsWith(header)) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** {@code pdffonts file}. */
    static String pdffonts(byte[] pdf) {
        return run(pdf, new ArrayList<>(List.of("pdffonts")), false);
    }

    /** {@code pdfinfo file}. */
    static String pdfinfo(byte[] pdf) {
        return run(pdf, new ArrayList<>(List.of("pdfinfo")), false);
    }

    /** The number of pages {@code pdfinfo} reports. */
    static int pages(byte[] pdf) {
        return pdfinfo(pdf).lines().filter(l -> l.startsWith("Pages:")).map(l -> Integer.parseInt(l.substring(6).trim()))
                .findFirst().orElseThrow();
    }

    private static String run(byte[] pdf, List<String> command, boolean toStdout) {
        Path file = null;
        try {
            file = Files.createTempFile("perf-", ".pdf");
            Files.write(file, pdf);
            command.add(file.toString());
            if (toStdout) {
                command.add("-");
            }
            Process p;
            try {
                p = new ProcessBuilder(command).redirectErrorStream(false).start();
            } catch (IOException e) {
                return fail(command.get(0) + " is not installed: these tests read the PDFs with poppler-utils "
                        + "(apt-get install poppler-utils) — " + e.getMessage());
            }
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return fail(String.join(" ", command) + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
