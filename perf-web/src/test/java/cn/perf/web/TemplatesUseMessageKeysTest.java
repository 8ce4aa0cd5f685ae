package cn.perf.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every piece of UI text comes from {@code messages*.properties} (DESIGN.md §7): a template may not carry literal
 * Chinese anywhere, not even as prototype text inside a tag whose {@code th:text} replaces it
 * ({@code <h1 th:text="#{x}">欢迎</h1>}), nor in a comment. Use a message key, and "…" as prototype text.
 * Checked ranges: CJK symbols and punctuation (U+3000–U+303F), CJK unified ideographs and extension A
 * (U+3400–U+4DBF, U+4E00–U+9FFF), half- and full-width forms (U+FF00–U+FFEF).
 */
class TemplatesUseMessageKeysTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

    static boolean isCjk(int cp) {
        return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    @Test
    void noTemplateCarriesLiteralChineseText() throws IOException {
        assertThat(TEMPLATES).as("run from the perf-web module directory").isDirectory();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).as("templates under %s", TEMPLATES).isNotEmpty();

        List<String> offences = new ArrayList<>();
        for (Path template : templates) {
            List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String cjk = cjkRuns(lines.get(i));
                if (!cjk.isEmpty()) {
                    offences.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + cjk + "    | "
                            + lines.get(i).strip());
                }
            }
        }
        assertThat(offences)
                .as("""
                        literal CJK text in templates (file:line: the text). Put the text in messages.properties \
                        and write th:text="#{key}" with "…" as prototype text:
                          %s
                        """, String.join("\n  ", offences))
                .isEmpty();
    }

    /** The CJK runs of a line, joined by spaces; empty when there are none. */
    static String cjkRuns(String line) {
        StringBuilder runs = new StringBuilder();
        boolean inRun = false;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (isCjk(cp)) {
                if (!inRun && !runs.isEmpty()) {
                    runs.append(' ');
                }
                runs.appendCodePoint(cp);
                inRun = true;
            } else {
                inRun = false;
            }
            i += Character.charCount(cp);
        }
        return runs.toString();
    }

    @Test
    void theCheckSeesPrototypeTextAndFullWidthPunctuation() {
        assertThat(cjkRuns("<h1 th:text=\"#{home.title}\">欢迎</h1>")).isEqualTo("欢迎");
        assertThat(cjkRuns("<span>a：b</span><b>（无）</b>")).isEqualTo("： （无）");
        assertThat(cjkRuns("<p>、。「」</p>")).isEqualTo("、。「」");
        assertThat(cjkRuns("<title th:text=\"#{a} + ' · ' + #{b}\">…</title>")).isEmpty();
    }
}
