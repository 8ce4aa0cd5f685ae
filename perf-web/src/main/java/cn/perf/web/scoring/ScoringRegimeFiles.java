package cn.perf.web.scoring;

import cn.perf.domain.evaluation.ScoringRegimeSource;
import cn.perf.scoring.regime.ScoringRegime;
import cn.perf.scoring.regime.ScoringRegimes;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deployment's scoring regimes: every {@code *.properties} file (UTF-8) in {@code perf.scoring.regimes-dir}
 * ({@code PERF_SCORING_REGIMES_DIR}) is one regime, in the keys of {@link ScoringRegimes} (usually
 * {@code regime.base} plus the parameters the province changes). A file whose {@code regime.id} is a built-in's
 * replaces it. A file that cannot be read stops start-up with a message naming it: scoring with a half-read
 * regime would be worse than not starting.
 */
@Component
class ScoringRegimeFiles implements ScoringRegimeSource {

    private static final Logger log = LoggerFactory.getLogger(ScoringRegimeFiles.class);

    private final List<ScoringRegime> regimes;

    ScoringRegimeFiles(@Value("${perf.scoring.regimes-dir:}") String directory) {
        this.regimes = directory.isBlank() ? List.of() : read(Path.of(directory));
    }

    @Override
    public List<ScoringRegime> regimes() {
        return regimes;
    }

    private static List<ScoringRegime> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("评分规则目录不存在：" + directory.toAbsolutePath());
        }
        List<ScoringRegime> read = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted()
                    .toList()) {
                ScoringRegime regime = readOne(file);
                Path twice = seen.put(regime.id(), file);
                if (twice != null) {
                    throw new IllegalStateException("评分规则 " + regime.id() + " 在两个文件中定义：" + twice + "、" + file);
                }
                log.info("评分规则：{}（{}）取自 {}", regime.id(), regime.name(), file.toAbsolutePath());
                read.add(regime);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("评分规则目录无法读取：" + directory.toAbsolutePath(), e);
        }
        return List.copyOf(read);
    }

    private static ScoringRegime readOne(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ScoringRegimes.fromProperties(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("评分规则文件无法读取：" + file.toAbsolutePath(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("评分规则文件 " + file.toAbsolutePath() + " 有误：" + e.getMessage(), e);
        }
    }
}
