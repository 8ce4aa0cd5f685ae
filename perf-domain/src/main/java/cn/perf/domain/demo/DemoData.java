package cn.perf.domain.demo;

import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;

/** Use case: load every {@link DemoDataSet} in order (run on start-up when {@code perf.demo-data=true}). */
@Named
public class DemoData {

    private final List<DemoDataSet> sets;

    public DemoData(List<DemoDataSet> sets) {
        this.sets = sets.stream().sorted(Comparator.comparingInt(DemoDataSet::order)).toList();
    }

    public void loadIfAbsent() {
        sets.forEach(DemoDataSet::loadIfAbsent);
    }
}
