package cn.perf.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default is a trial that is safe as one: a password generated at the first start (file mode 600)
 * and required from then on, one application per data directory, and demo mode on 127.0.0.1.
 */
class EmbeddedDatabaseSafetyTest {

    private static final List<String> PROPERTIES = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "perf.database.description", "perf.demo-data", "server.address",
            "perf.listen.local-only");

    @TempDir
    Path dataDir;

    private Properties saved;

    @BeforeEach
    void saveSystemProperties() {
        saved = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreSystemProperties() {
        EmbeddedDatabaseDefault.stopForTests();
        for (String key : PROPERTIES) {
            if (saved.containsKey(key)) {
                System.setProperty(key, saved.getProperty(key));
            } else {
                System.clearProperty(key);
            }
        }
    }

    @Test
    void thePasswordIsGeneratedAtTheFirstStartKeptForTheOwnerOnlyAndRequired() throws Exception {
        assertThat(EmbeddedDatabaseDefault.applyIfNoDatabaseConfigured("--perf.data-dir=" + dataDir)).isTrue();
        Path passwordFile = dataDir.resolve("postgres-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        String url = System.getProperty("spring.datasource.url");
        assertThat(System.getProperty("spring.datasource.password")).isEqualTo(password);

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                .isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
            assertThat(c.isValid(5)).isTrue();
        }

        EmbeddedDatabaseDefault.stopForTests();
        System.clearProperty("spring.datasource.url");
        assertThat(EmbeddedDatabaseDefault.applyIfNoDatabaseConfigured("--perf.data-dir=" + dataDir)).isTrue();
        assertThat(Files.readString(passwordFile).strip()).as("the same password on later starts")
                .isEqualTo(password);
        String again = System.getProperty("spring.datasource.url");
        try (Connection c = DriverManager.getConnection(again, "postgres", password)) {
            assertThat(c.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(again, "postgres", "")).isInstanceOf(SQLException.class);
    }

    @Test
    void aSecondStartOnTheSameDataDirectoryIsRefused() throws Exception {
        EmbeddedDatabaseDefault.lockDataDirectory(dataDir);
        assertThatThrownBy(() -> EmbeddedDatabaseDefault.applyIfNoDatabaseConfigured("--perf.data-dir=" + dataDir))
                .isInstanceOf(EmbeddedDatabaseDefault.DataDirectoryInUseException.class)
                .hasMessageContaining("正被另一个运行中的 perf 使用").hasMessageContaining("PERF_DATA_DIR");
        assertThat(dataDir.resolve("postgres-password")).doesNotExist();
    }

    @Test
    void aLoosenedPasswordFileIsTightenedAgain() throws Exception {
        Path file = dataDir.resolve("postgres-password");
        String password = EmbeddedDatabaseDefault.createPassword(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(EmbeddedDatabaseDefault.readPassword(file)).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void demoModeListensOnLoopbackUnlessAnAddressIsConfigured() {
        System.clearProperty("server.address");
        assertThat(EmbeddedDatabaseDefault.listenLocallyInDemoMode("--perf.demo-data=true")).isTrue();
        assertThat(System.getProperty("server.address")).isEqualTo("127.0.0.1");

        System.clearProperty("server.address");
        assertThat(EmbeddedDatabaseDefault.listenLocallyInDemoMode("--perf.demo-data=true",
                "--server.address=0.0.0.0")).isFalse();
        assertThat(EmbeddedDatabaseDefault.listenLocallyInDemoMode("--perf.demo-data=false")).isFalse();
        assertThat(System.getProperty("server.address")).isNull();
    }
}
