package cn.perf.scoring.sheet;

import cn.perf.scoring.regime.ScoringRegimes;
import cn.perf.scoring.whatif.RegimeComparison;

/**
 * Prints the full seed-002 trace for a reviewer to read:
 * {@code cd perf-scoring && ../mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.perf.scoring.sheet.Seed002TracePrinter}
 */
public final class Seed002TracePrinter {

    private Seed002TracePrinter() {
    }

    public static void main(String[] args) {
        Sheet sheet = Seed002.sheet();
        System.out.println(new SheetScorer(ScoringRegimes.SUZHOU_2017).score(sheet).toText());
        System.out.println("—— 同一张表在两种评分规则下（what-if）——");
        System.out.println(RegimeComparison.compare(sheet, ScoringRegimes.SUZHOU_2017, ScoringRegimes.NATIONAL_2020).toText());
    }
}
