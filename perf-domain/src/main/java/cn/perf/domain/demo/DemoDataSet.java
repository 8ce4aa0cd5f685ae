package cn.perf.domain.demo;

/**
 * One part of the demo data (organizations and users; the four seed forms; …). {@link DemoData} loads every
 * set in {@link #order()}; each set must be idempotent: loading it into a database that already has it changes
 * nothing, so a restart keeps what users did.
 */
public interface DemoDataSet {

    /** Lower loads first: organizations (0) before forms that refer to them. */
    int order();

    /** Loads the set unless it is already present. */
    void loadIfAbsent();
}
