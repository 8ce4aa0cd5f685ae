package cn.perf.reports.xlsx;

import cn.perf.reports.SeedForms;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.FormView;
import cn.perf.reports.xlsx.SummaryWorkbook.Column;
import cn.perf.reports.xlsx.SummaryWorkbook.Kind;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Excel export figures of issue 10 (docs/reports.md), a plain main run in a JVM with a 64 MB heap:
 * <pre>./mvnw -o -q -Pxlsx-benchmark -Dexec.skip=true -Dexec.executable=java -pl perf-reports -am test-compile exec:exec</pre>
 * <ol>
 *   <li>the list summary of 10,000 forms ({@link SummaryWorkbook}, SXSSF): time per export (after warm-up), size, and
 *   the peak heap occupancy of the run (the heap pools' peak usage after a reset, garbage included: an upper bound);
 *   it completes inside the 64 MB heap at all, which an in-memory workbook of that size does not;</li>
 *   <li>seed 000's form as Excel ({@link XlsxRenderer}) and as PDF ({@link PdfRenderer}), and that Excel file
 *   imported again ({@link XlsxImport}, its zip checked first), p50 after warm-up;</li>
 *   <li>the way users make a PDF of a form today: {@code soffice --headless --convert-to pdf} on that Excel file, as
 *   a ratio to our PDF render (goal ≥ 50×), when LibreOffice is installed (Debian: {@code libreoffice-calc-nogui}).</li>
 * </ol>
 */
public final class XlsxBenchmark {

    private static final int ROWS = 10_000;

    private XlsxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("JVM max heap %d MB%n%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        summary();
        FormView seed000 = DeclarationViews.of(SeedForms.seed000());
        XlsxRenderer xlsx = new XlsxRenderer();
        PdfRenderer pdf = new PdfRenderer();
        long[] xlsxTimes = times(30, 100, () -> xlsx.render(seed000));
        long[] pdfTimes = times(30, 100, () -> pdf.render(seed000));
        byte[] workbook = xlsx.render(seed000);
        System.out.printf("%nseed 000 as Excel: p50 %.1f ms, p95 %.1f ms, %.1f KB%n", pct(xlsxTimes, 50),
                pct(xlsxTimes, 95), workbook.length / 1024.0);
        System.out.printf("seed 000 as PDF:   p50 %.1f ms, p95 %.1f ms%n", pct(pdfTimes, 50), pct(pdfTimes, 95));
        XlsxImport reader = new XlsxImport();
        long[] importTimes = times(30, 100, () -> reader.read(workbook, "seed000.xlsx"));
        System.out.printf("seed 000's Excel file imported (checked by XlsxGuard, read by its labels): p50 %.1f ms,"
                + " p95 %.1f ms%n", pct(importTimes, 50), pct(importTimes, 95));
        libreOffice(workbook, pct(pdfTimes, 50));
    }

    private static void summary() throws IOException {
        List<Column> columns = List.of(new Column("序号", Kind.INTEGER, 6), new Column("项目名称", Kind.TEXT, 40),
                new Column("单位", Kind.TEXT, 28), new Column("年度", Kind.INTEGER, 8), new Column("模板", Kind.TEXT, 12),
                new Column("资金合计（万元）", Kind.MONEY, 16), new Column("指标数", Kind.INTEGER, 8),
                new Column("状态", Kind.TEXT, 12), new Column("更新时间", Kind.DATE_TIME, 18));
        SummaryWorkbook summary = new SummaryWorkbook("");
        for (int i = 0; i < 3; i++) {
            writeSummary(summary, columns, OutputStream.nullOutputStream());
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] times = new long[5];
        long size = 0;
        for (int i = 0; i < times.length; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            long a = System.nanoTime();
            writeSummary(summary, columns, out);
            times[i] = System.nanoTime() - a;
            size = out.size();
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("summary of %,d forms (SXSSF, %d rows in memory): p50 %.0f ms, max %.0f ms, %.0f KB;"
                        + " peak heap occupancy of the 5 runs %.1f MB (garbage included)%n", ROWS,
                SummaryWorkbook.WINDOW, pct(times, 50), pct(times, 100), size / 1024.0, peak / (1024.0 * 1024));
    }

    private static void writeSummary(SummaryWorkbook summary, List<Column> columns, OutputStream out) {
        try (SummaryWorkbook.Writer w = summary.start("申报汇总", "2026年度绩效目标申报汇总表", columns)) {
            LocalDateTime at = LocalDateTime.of(2026, 11, 30, 9, 0);
            for (int i = 1; i <= ROWS; i++) {
                w.row(Arrays.asList(i, "苏州市城市管理局数字化城管平台运行维护项目第" + i + "期", "苏州市城市管理局（本级）", 2026,
                        "苏州模板", new BigDecimal("1234.56").add(BigDecimal.valueOf(i, 2)), 18 + i % 20, "已提交",
                        at.plusMinutes(i)));
            }
            w.finish(out);
        }
    }

    private static void libreOffice(byte[] workbook, double pdfMillis) throws Exception {
        String soffice = which("soffice");
        if (soffice == null) {
            System.out.println("LibreOffice: soffice not found (Debian: apt-get install libreoffice-calc-nogui); no ratio");
            return;
        }
        Path dir = Files.createTempDirectory("xlsx-bench");
        Path in = dir.resolve("seed000.xlsx");
        Files.write(in, workbook);
        Path profile = dir.resolve("profile");
        long[] times = new long[3];
        for (int i = 0; i < times.length; i++) {
            long a = System.nanoTime();
            Process p = new ProcessBuilder(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
                    "--convert-to", "pdf", "--outdir", dir.toString(), in.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                System.out.println("LibreOffice: conversion failed; see " + dir.resolve("soffice.log"));
                return;
            }
            times[i] = System.nanoTime() - a;
        }
        if (!Files.exists(dir.resolve("seed000.pdf"))) {
            System.out.println("LibreOffice: no PDF produced; see " + dir.resolve("soffice.log"));
            return;
        }
        double median = pct(times, 50);
        System.out.printf("LibreOffice soffice --headless --convert-to pdf of that Excel file: runs %s ms, median %.0f"
                        + " ms (the first run creates its profile); ratio to our PDF p50: %.0f×%n",
                Arrays.toString(Arrays.stream(times).map(t -> t / 1_000_000).toArray()), median, median / pdfMillis);
    }

    private static long[] times(int warmup, int measured, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long[] out = new long[measured];
        for (int i = 0; i < measured; i++) {
            long a = System.nanoTime();
            work.run();
            out[i] = System.nanoTime() - a;
        }
        return out;
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(i, 0)] / 1e6;
    }

    private static String which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
