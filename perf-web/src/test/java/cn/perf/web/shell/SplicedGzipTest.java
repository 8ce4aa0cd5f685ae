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
                List<byte[]> joints = Collections.nCopies(parts.size() - 1, joint);
                ByteArrayOutputStream plain = new ByteArrayOutputStream();
                gzip.writePlain(joints, plain);
                assertThat((long) plain.size()).as("declared plain length").isEqualTo(gzip.plainLength(joints));
                assertThat(plain.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(token, parts));
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
    void theCrcOfJoinedTextsIsCombinedFromTheirs() {
        Random random = new Random(11);
        for (int length : new int[] {0, 1, 7, 64, 1_000, 70_000, 300_000}) {
            byte[] a = new byte[random.nextInt(5_000)];
            byte[] b = new byte[length];
            random.nextBytes(a);
            random.nextBytes(b);
            java.util.zip.CRC32 whole = new java.util.zip.CRC32();
            whole.update(a);
            whole.update(b);
            assertThat(SplicedGzip.combine(crc(a), crc(b), b.length)).as("%d bytes after %d", length, a.length)
                    .isEqualTo(whole.getValue());
        }
        assertThat(SplicedGzip.combine(0, crc("页".getBytes(StandardCharsets.UTF_8)), 3))
                .isEqualTo(crc("页".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onlyTheCompressedBytesAreKept() {
        byte[] page = "<tr><td>道路保洁面积</td></tr>\n".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        SplicedGzip gzip = SplicedGzip.of(List.of(page, page));
        assertThat(gzip.parts()).isEqualTo(2);
        assertThat(gzip.plainLength(List.of(new byte[3]))).isEqualTo(2L * page.length + 3);
        assertThat(gzip.compressedBytes()).isLessThan(page.length / 10);
    }

    private static long crc(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue();
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
