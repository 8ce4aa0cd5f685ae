package cn.perf.scoring.bench;

import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.sheet.IndicatorRow;
import cn.perf.scoring.sheet.Sheet;
import cn.perf.scoring.sheet.SheetResult;
import cn.perf.scoring.sheet.SheetScorer;
import cn.perf.scoring.target.ParseResult;
import cn.perf.scoring.target.TargetValueParser;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of perf-scoring. Not a test: it never runs during {@code verify}. Run with
 * {@code cd perf-scoring && ../mvnw -Pbenchmark test-compile exec:exec} (see docs/scoring.md).
 *
 * <p>One operation = scoring 10,000 sheets of 30 rows each, or parsing 100,000 target texts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScoringBenchmark {

    static final int SHEETS = 10_000;
    static final int ROWS = 30;
    static final int TEXTS = 100_000;

    /** Target and actual texts seen in the seeds, plus variants (full width, phrases, placeholders, rejects). */
    static final String[] TEXT_POOL = {
        "100%", "=100%", "=93%", "15%及其以下", "=6个", "=1套", "≥35 个", "≥500000 个", "=2690000 个", "<700万",
        "≥85%", "140000", "=4台", "=1份", "每月一次", "健全", "合规", "规范", "充分", "提升", "建立", "落实", "稳定",
        "安全", "显著", "提供78个就业机会", "提升城市形象，促进新动能转换，促进经济发展", "＞３０个", "不低于90%",
        "不超过5%", "90%及以上", "2,690,000个", "*", "-", "", "80%-90%", "≥", "好", "较好", "≤41.86万元"
    };

    List<Sheet> sheets;
    String[] texts;
    SheetScorer suzhou;
    TargetValueParser parser;

    @Setup(Level.Trial)
    public void setUp() {
        suzhou = new SheetScorer(ScoringRegimes.SUZHOU_2017);
        parser = new TargetValueParser();
        sheets = sheets(SHEETS, 42);
        SplittableRandom random = new SplittableRandom(7);
        texts = new String[TEXTS];
        for (int i = 0; i < TEXTS; i++) {
            texts[i] = TEXT_POOL[random.nextInt(TEXT_POOL.length)];
        }
    }

    /** Deterministic sheets: 8 投入, 10 产出, 8 结果, 4 影响力; quantitative and qualitative; weights filed or split. */
    static List<Sheet> sheets(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] categories = {"投入", "产出", "结果", "影响力"};
        int[] perCategory = {8, 10, 8, 4};
        List<Sheet> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            List<IndicatorRow> rows = new ArrayList<>(ROWS);
            for (int c = 0; c < categories.length; c++) {
                for (int k = 0; k < perCategory[c]; k++) {
                    rows.add(row(r, categories[c], c * 100 + k));
                }
            }
            out.add(Sheet.builder("bench-" + s, "SUZHOU_2017")
                    .category("投入", "26").category("产出", "24").category("结果", "22").category("影响力", "8")
                    .rows(rows).build());
        }
        return out;
    }

    private static IndicatorRow row(SplittableRandom r, String category, int n) {
        IndicatorRow.Builder b = IndicatorRow.builder(category, "指标" + n);
        switch (r.nextInt(4)) {
            case 0 -> b.target("健全").actual(r.nextBoolean() ? "好" : "较好");
            case 1 -> b.target("≥" + (10 + r.nextInt(990)) + " 个").actual("=" + r.nextInt(1500) + " 个");
            case 2 -> b.target("=100%").actual("=" + (60 + r.nextInt(80)) + "%");
            default -> b.target("15%及其以下").actual("=" + r.nextInt(30) + "%");
        }
        return b.build();
    }

    @Benchmark
    public void score10000SheetsOf30Rows(Blackhole bh) {
        for (Sheet s : sheets) {
            SheetResult res = suzhou.score(s);
            bh.consume(res.total());
        }
    }

    @Benchmark
    public void parse100000TargetTexts(Blackhole bh) {
        for (String t : texts) {
            ParseResult res = parser.parse(t);
            bh.consume(res);
        }
    }
}
