package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A page compressed once and joined with a new token per response decompresses to exactly the joined page. */
class SplicedGzipTest {

    @Test
    void partsJoinedByAnyTokenDecompressToTheJoinedText() throws Exception {
        Random random = new Random(7);
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            row.append("<tr><td>").append(i).append("</td><td><input name=\"indicators[").append(i)
                    .append("].name\" value=\"道路保洁面积").append(random.nextInt(1000)).append("\"></td></tr>\n");
        }
        String page = row.toString();
        List<List<String>> cases = List.of(
                List.of(page),                                        // no token at all
                List.of("", page, ""),                                // tokens at both ends
                List.of(page, page.substring(100), page.substring(7)), // the middle
                List.of("a", "", "b"));                               // tokens side by side
        for (List<String> parts : cases) {
            List<byte[]> bytes = parts.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
            SplicedGzip gzip = SplicedGzip.of(bytes);
            for (String token : List.of("", "abc-123", "令牌", "x".repeat(70_000))) {
                byte[] joint = token.getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                gzip.write(joint, out);
                assertThat((long) out.size()).as("declared length").isEqualTo(gzip.length(joint));
                String unzipped;
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
                    unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8); // checks CRC-32 and length
                }
                assertThat(unzipped).isEqualTo(String.join(token, parts));
            }
        }
        byte[] big = page.repeat(20).getBytes(StandardCharsets.UTF_8);
        assertThat(SplicedGzip.of(List.of(big)).compressedBytes()).isLessThan(big.length / 5);
    }

    @Test
    void eachGapTakesItsOwnJoint() throws Exception {
        List<String> parts = List.of("<meta content=\"", "\"><main>", "<form>", "</form>");
        List<String> joints = List.of("token-1", "<div class=\"alert\">已保存</div>", "");
        SplicedGzip gzip = SplicedGzip.of(parts.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList());
        List<byte[]> bytes = joints.stream().map(j -> j.getBytes(StandardCharsets.UTF_8)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        gzip.write(bytes, out);
        assertThat((long) out.size()).isEqualTo(gzip.length(bytes));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("<meta content=\"token-1\"><main><div class=\"alert\">已保存</div><form></form>");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gzip.write(bytes.subList(0, 2), out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gzipIsSentOnlyToClientsThatAcceptIt() {
        assertThat(accepted("gzip, deflate, br, zstd")).isTrue();
        assertThat(accepted("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(accepted("x-gzip")).isTrue();
        assertThat(accepted("gzip;q=0")).isFalse();
        assertThat(accepted("identity")).isFalse();
        assertThat(accepted("deflate", "gzip")).isTrue();
        assertThat(accepted()).isFalse();
        assertThat(SplicedGzip.accepted(null)).isFalse();
    }

    private static boolean accepted(String... headers) {
        return SplicedGzip.accepted(Collections.enumeration(new ArrayList<>(List.of(headers))));
    }
}
