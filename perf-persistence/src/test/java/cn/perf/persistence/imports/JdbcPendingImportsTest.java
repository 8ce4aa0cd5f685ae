package cn.perf.persistence.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perf.domain.imports.ImportKind;
import cn.perf.domain.imports.PendingImport;
import cn.perf.domain.imports.PendingImports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * Waiting uploads in PostgreSQL (issue 10): the file comes back byte for byte, only to its owner, only until it
 * expires; a user keeps at most the newest few; a removed upload is gone.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(JdbcPendingImports.class)
class JdbcPendingImportsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    PendingImports imports;

    private long add(String owner, Instant created) {
        return imports.add(new PendingImport(null, owner, ImportKind.DECLARATION, 42L, 7L, "申报表.xlsx",
                ("file of " + owner).getBytes(StandardCharsets.UTF_8), created, created.plus(Duration.ofHours(24))));
    }

    @Test
    void anUploadComesBackToItsOwnerOnlyUntilItExpires() {
        long id = add("filer-a", NOW);

        PendingImport p = imports.find(id, "filer-a", NOW).orElseThrow();

        assertThat(p.content()).isEqualTo("file of filer-a".getBytes(StandardCharsets.UTF_8));
        assertThat(p.kind()).isEqualTo(ImportKind.DECLARATION);
        assertThat(p.targetId()).isEqualTo(42L);
        assertThat(p.targetVersion()).isEqualTo(7L);
        assertThat(p.fileName()).isEqualTo("申报表.xlsx");
        assertThat(p.createdAt()).isEqualTo(NOW);
        assertThat(imports.find(id, "filer-b", NOW)).as("another user").isEmpty();
        assertThat(imports.find(id + 1000, "filer-a", NOW)).as("a made-up id").isEmpty();
        assertThat(imports.find(id, "filer-a", NOW.plus(Duration.ofHours(25)))).as("expired").isEmpty();
        assertThat(imports.ofOwner("filer-a", NOW)).extracting(PendingImport.Line::id).containsExactly(id);
        assertThat(imports.ofOwner("filer-a", NOW).get(0).size()).isEqualTo(15);
        assertThat(imports.ofOwner("filer-b", NOW)).isEmpty();
    }

    @Test
    void pruningDropsExpiredUploadsAndAllButTheNewestOfTheUser() {
        long old = add("filer-c", NOW.minus(Duration.ofHours(30)));
        long first = add("filer-c", NOW.minusSeconds(30));
        long second = add("filer-c", NOW.minusSeconds(20));
        long third = add("filer-c", NOW.minusSeconds(10));
        long others = add("filer-d", NOW.minusSeconds(40));

        imports.prune("filer-c", 2, NOW);

        assertThat(imports.ofOwner("filer-c", NOW.minus(Duration.ofDays(2)))).extracting(PendingImport.Line::id)
                .containsExactly(third, second);
        assertThat(imports.find(first, "filer-c", NOW)).isEmpty();
        assertThat(imports.find(old, "filer-c", NOW.minus(Duration.ofDays(2)))).isEmpty();
        assertThat(imports.find(others, "filer-d", NOW)).isPresent();
        assertThat(imports.remove(third)).isTrue();
        assertThat(imports.remove(third)).isFalse();
        assertThat(imports.find(third, "filer-c", NOW)).isEmpty();
    }
}
