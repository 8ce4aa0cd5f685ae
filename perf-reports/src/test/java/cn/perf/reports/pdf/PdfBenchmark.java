package cn.perf.reports.pdf;

import cn.perf.reports.SeedForms;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.EvaluationViews;
import cn.perf.reports.view.FormView;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PDF render time and size per form type (issue 10: p50 ≤ 30 ms warm, ≤ 150 KB for seed 000). A plain main, not a
 * test (docs/reports.md):
 * <pre>./mvnw -o -q -Ppdf-benchmark -Dexec.skip=true -Dexec.executable=java -pl perf-reports -am test-compile exec:exec</pre> Arguments: warm-up renders and measured renders per form (default 300 and 300).
 * <p>
 * Measures, for each seed form: building the export view from the read model, and rendering it to an in-memory
 * stream, one thread, after the warm-up; and once, the cold start (reading the font, first document).
 */
public final class PdfBenchmark {

    private PdfBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Map<String, Supplier<FormView>> forms = new LinkedHashMap<>();
        var d000 = SeedForms.seed000();
        var d001 = SeedForms.seed001();
        var history = SeedForms.seed001History();
        var e002 = SeedForms.seed002();
        var d003 = SeedForms.seed003();
        var n2020 = SeedForms.national2020();
        forms.put("seed 000 Suzhou 申报表", () -> DeclarationViews.of(d000));
        forms.put("seed 001 Suzhou 申报表 + 审核记录", () -> DeclarationViews.of(d001, history));
        forms.put("seed 002 Suzhou 自评表", () -> EvaluationViews.of(e002));
        forms.put("seed 003 national 申报表", () -> DeclarationViews.of(d003));
        forms.put("national 自评表 (from seed 003)", () -> EvaluationViews.of(n2020));

        long t0 = System.nanoTime();
        PdfRenderer renderer = new PdfRenderer();
        long font = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        renderer.render(forms.values().iterator().next().get());
        long first = System.nanoTime() - t1;
        System.out.printf("cold: font read and parsed %.0f ms, first document %.0f ms%n", font / 1e6, first / 1e6);

        for (int i = 0; i < warmup; i++) {
            for (Supplier<FormView> f : forms.values()) {
                renderer.render(f.get());
            }
        }
        System.out.printf("%n%d warm-up renders of each form, then %d measured, one thread%n%n", warmup, measured);
        System.out.println("| form | pages | size | view p50 | render p50 | render p95 | render max |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Supplier<FormView>> e : forms.entrySet()) {
            long[] view = new long[measured];
            long[] render = new long[measured];
            int size = 0;
            byte[] last = null;
            for (int i = 0; i < measured; i++) {
                long a = System.nanoTime();
                FormView v = e.getValue().get();
                long b = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream(160 * 1024);
                renderer.render(v, out);
                long c = System.nanoTime();
                view[i] = b - a;
                render[i] = c - b;
                size = out.size();
                if (i == measured - 1) {
                    last = out.toByteArray();
                }
            }
            System.out.printf("| %s | %d | %.1f KB | %.2f ms | %.1f ms | %.1f ms | %.1f ms |%n", e.getKey(),
                    pages(last), size / 1024.0, pct(view, 50), pct(render, 50), pct(render, 95),
                    pct(render, 100));
        }
        sign(renderer, forms.get("seed 001 Suzhou 申报表 + 审核记录").get(), warmup, measured);
    }

    /**
     * Seed 001 with its history drawn with the signature field and signed (detached SHA-256 CMS, the demo's RSA 2048
     * key), against the plain render of the same view.
     */
    private static void sign(PdfRenderer renderer, FormView view, int warmup, int measured) {
        long k0 = System.nanoTime();
        cn.perf.reports.sign.SigningKey key = cn.perf.reports.sign.DemoSigningKey.create(java.time.Instant.now())
                .decode();
        long keyMillis = (System.nanoTime() - k0) / 1_000_000;
        cn.perf.reports.sign.PdfSigner signer = new cn.perf.reports.sign.PdfSigner(renderer);
        cn.perf.reports.sign.SignatureBlock block = new cn.perf.reports.sign.SignatureBlock("财政局审核人（演示）",
                "苏州市财政局", java.time.Instant.parse("2021-03-01T06:15:00Z"), "财政审核通过", "优", null);
        java.time.Instant at = java.time.Instant.now();
        for (int i = 0; i < warmup; i++) {
            signer.sign(view, block, key, at);
        }
        long[] plain = new long[measured];
        long[] signed = new long[measured];
        int size = 0;
        for (int i = 0; i < measured; i++) {
            long a = System.nanoTime();
            renderer.render(view);
            long b = System.nanoTime();
            size = signer.sign(view, block, key, at).length;
            long c = System.nanoTime();
            plain[i] = b - a;
            signed[i] = c - b;
        }
        System.out.printf("%nsigning (seed 001 + 审核记录, demo RSA 2048 key made in %d ms): plain render p50 %.1f ms,"
                        + " p95 %.1f ms; render + signature field + CMS p50 %.1f ms, p95 %.1f ms; signed %.1f KB%n",
                keyMillis, pct(plain, 50), pct(plain, 95), pct(signed, 50), pct(signed, 95), size / 1024.0);
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(i, 0)] / 1e6;
    }

    private static int pages(byte[] pdf) {
        try {
            com.lowagie.text.pdf.PdfReader r = new com.lowagie.text.pdf.PdfReader(pdf);
            int n = r.getNumberOfPages();
            r.close();
            return n;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
