package cn.perf.reports.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.reports.SeedForms;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.view.FormView;
import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed PDF of an approved 申报表 (seed 001 with its review history), checked the way an archive would check it:
 * poppler's {@code pdfsig} calls the signature valid and the whole document signed, and calls it invalid once one byte
 * inside the signed range changes; BouncyCastle verifies the detached CMS against the SHA-256 of the byte range; the
 * text of the form and of the signature block is extractable; the block sits in its own place at the end.
 */
class PdfSignerTest {

    static final PdfRenderer RENDERER = new PdfRenderer();
    static final PdfSigner SIGNER = new PdfSigner(RENDERER);
    static final Instant SIGNED_AT = Instant.parse("2021-03-02T01:30:05Z");
    static final SignatureBlock BLOCK = new SignatureBlock("财政局审核人（演示）", "苏州市财政局",
            Instant.parse("2021-03-01T06:15:00Z"), "财政审核通过", "优", null);

    static SigningKey demoKey;
    static byte[] signed;

    @BeforeAll
    static void signSeed001() {
        demoKey = DemoSigningKey.create(SIGNED_AT).decode();
        signed = SIGNER.sign(seed001(), BLOCK, demoKey, SIGNED_AT);
    }

    static FormView seed001() {
        return DeclarationViews.of(SeedForms.seed001(), SeedForms.seed001History());
    }

    // ------------------------------------------------------------------ pdfsig

    @Test
    void pdfsigCallsTheSignatureValidAndTheWholeDocumentSigned() {
        String report = PopplerSignatures.pdfsig(signed);
        assertThat(report).contains("Signature #1:")
                .contains("Signature Validation: Signature is Valid.")
                .contains("Total document signed")
                .contains("Signature Type: adbe.pkcs7.detached")
                .contains("Signing Hash Algorithm: SHA-256")
                .contains(DemoSigningKey.COMMON_NAME)
                .doesNotContain("Signature #2");
    }

    @Test
    void changingOneByteInsideTheSignedRangeMakesPdfsigCallItInvalid() {
        byte[] tampered = signed.clone();
        int at = insideAStream(tampered);
        tampered[at] ^= 0x01;

        String report = PopplerSignatures.pdfsig(tampered);
        assertThat(report).contains("Signature #1:").doesNotContain("Signature is Valid")
                .contains("Signature Validation: Digest Mismatch.");
    }

    @Test
    void bouncyCastleVerifiesTheDetachedCmsAgainstTheByteRangeDigest() throws Exception {
        CmsCheck check = CmsCheck.of(signed, PdfSigner.FIELD);
        assertThat(check.coversWholeFile()).as("the range covers the file but the /Contents hole").isTrue();
        assertThat(check.detached()).as("detached: the CMS carries no content").isTrue();
        assertThat(check.digestMatches()).as("message digest = SHA-256 of the byte range").isTrue();
        assertThat(check.signatureValid()).isTrue();
        assertThat(check.subFilter()).isEqualTo("adbe.pkcs7.detached");
        assertThat(check.signer()).isEqualTo(demoKey.certificate());

        byte[] tampered = signed.clone();
        tampered[insideAStream(tampered)] ^= 0x01;
        CmsCheck broken = CmsCheck.of(tampered, PdfSigner.FIELD);
        assertThat(broken.digestMatches()).isFalse();
        assertThat(broken.signatureValid()).isFalse();
    }

    @Test
    void theSignedPdfIsTheRenderedFormUnchangedWithTheSignatureAppended() {
        byte[] plain = RENDERER.render(seed001(), new PdfRenderer.SignatureSlot(PdfSigner.FIELD, PdfSigner.HEADING,
                PdfSigner.HEIGHT));
        byte[] again = SIGNER.signField(plain, PdfSigner.FIELD, BLOCK, demoKey, SIGNED_AT);
        assertThat(Arrays.copyOf(again, plain.length)).as("an incremental update: the rendered bytes come first")
                .isEqualTo(plain);
        assertThat(again.length).isGreaterThan(plain.length);
    }

    // ------------------------------------------------------------------ what it shows

    @Test
    void theTextOfTheFormAndOfTheSignatureBlockIsExtractable() {
        String text = PopplerSignatures.pdftotext(signed).replaceAll("\\s+", "");
        assertThat(text).as("the form").contains("苏州市级财政支出项目绩效目标申报表", "苏州市住房和城乡建设局", "433.60",
                "审核记录");
        assertThat(text).as("the signature block").contains("电子签章", "财政审核电子签章", "审核人：财政局审核人（演示）·苏州市财政局",
                "审核时间：2021年3月1日14:15（北京时间）", "审核结论：财政审核通过", "审核等级：优",
                "签章人：" + DemoSigningKey.COMMON_NAME.replace(" ", ""), "签章时间：2021-03-0209:30:05（北京时间）",
                "演示证书");
    }

    @Test
    void theSignatureFieldIsOnTheLastPageBelowTheFormAndVisible() throws Exception {
        PdfReader reader = new PdfReader(signed);
        try {
            AcroFields fields = reader.getAcroFields();
            assertThat(fields.getSignedFieldNames()).containsExactly(PdfSigner.FIELD);
            assertThat(fields.getFieldNamesWithBlankSignatures()).isEmpty();
            float[] position = fields.getFieldPositions(PdfSigner.FIELD);
            int page = (int) position[0];
            assertThat(page).isEqualTo(reader.getNumberOfPages());
            float width = position[3] - position[1];
            float height = position[4] - position[2];
            assertThat(width).as("the text area's width").isGreaterThan(500f);
            assertThat(height).isEqualTo(PdfSigner.HEIGHT);
            assertThat(position[2]).as("above the footer").isGreaterThan(48f);
        } finally {
            reader.close();
        }
        List<String> pages = List.of(PopplerSignatures.pdftotext(signed).split("\f"));
        assertThat(pages.get(pages.size() - 1).replaceAll("\\s+", "")).contains("审核记录").contains("电子签章");
    }

    @Test
    void theBureausOwnPkcs12KeySignsWithoutTheDemoMark(@TempDir Path dir) throws Exception {
        SigningKey k = DemoSigningKey.create(SIGNED_AT, "苏州市财政局 绩效审核签章").decode();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("bureau", k.privateKey(), "s3cret".toCharArray(), new Certificate[] {k.certificate()});
        Path file = dir.resolve("bureau.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "s3cret".toCharArray());
        }

        SigningKey bureau = SigningKey.fromPkcs12(file, "s3cret".toCharArray(), "bureau");
        assertThat(bureau.demo()).isFalse();
        assertThat(bureau.signerName()).isEqualTo("苏州市财政局 绩效审核签章");
        assertThat(SigningKey.fromPkcs12(file, "s3cret".toCharArray(), "").certificate()).isEqualTo(k.certificate());
        byte[] pdf = SIGNER.sign(seed001(), new SignatureBlock(null, null, SIGNED_AT, "财政审核通过", "良",
                "压缩运维经费至10万元"), bureau, SIGNED_AT);

        assertThat(PopplerSignatures.pdfsig(pdf)).contains("Signature is Valid.", "Total document signed");
        String text = PopplerSignatures.pdftotext(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("审核人：未记录", "审核等级：良", "审核意见：压缩运维经费至10万元", "签章人：苏州市财政局绩效审核签章")
                .doesNotContain("演示证书");

        assertThatThrownBy(() -> SigningKey.fromPkcs12(file, "wrong".toCharArray(), "bureau"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("密码错误");
        assertThatThrownBy(() -> SigningKey.fromPkcs12(file, "s3cret".toCharArray(), "other"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("没有私钥条目");
        assertThatThrownBy(() -> SigningKey.fromPkcs12(dir.resolve("missing.p12"), new char[0], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("找不到签章密钥文件");
    }

    @Test
    void theDemoKeyRoundTripsThroughItsEncodedForm() {
        DemoSigningKey.Encoded encoded = DemoSigningKey.create(SIGNED_AT);
        SigningKey a = encoded.decode();
        SigningKey b = new DemoSigningKey.Encoded(encoded.privateKey().clone(), encoded.certificate().clone()).decode();
        assertThat(a.demo()).isTrue();
        assertThat(a.signerName()).isEqualTo(DemoSigningKey.COMMON_NAME).contains("演示证书");
        assertThat(b.certificate()).isEqualTo(a.certificate());
        assertThat(b.privateKey()).isEqualTo(a.privateKey());
        assertThat(List.of(a.certificate().getKeyUsage()[0], a.certificate().getKeyUsage()[1])).containsOnly(true);
    }

    /**
     * The page with the signature block as a picture ({@code target/signed-pdf/}, 60 dpi) for the eye: the block
     * must be readable and must not overlap the form.
     */
    @Test
    void theSignaturePageRendersToAPictureForTheEye() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "signed-pdf"));
        Files.write(dir.resolve("seed001-signed.pdf"), signed);
        int last;
        PdfReader reader = new PdfReader(signed);
        try {
            last = reader.getNumberOfPages();
        } finally {
            reader.close();
        }
        Path png = PopplerSignatures.pdftoppm(signed, last, 60, dir, "seed001-signature-page");
        assertThat(Files.size(png)).isPositive();
    }

    /** An offset in the middle of the first stream's data, well inside the signed range's first part. */
    static int insideAStream(byte[] pdf) {
        String ascii = new String(pdf, StandardCharsets.ISO_8859_1);
        int stream = ascii.indexOf("stream\n");
        int end = ascii.indexOf("endstream", stream);
        assertThat(stream).isPositive();
        int at = (stream + 7 + end) / 2;
        int contents = ascii.indexOf("/Contents <");
        assertThat(at).isLessThan(contents);
        return at;
    }
}
