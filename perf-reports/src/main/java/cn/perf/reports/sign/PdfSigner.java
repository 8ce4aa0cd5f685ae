package cn.perf.reports.sign;

import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.pdf.PdfRenderer.SignatureSlot;
import cn.perf.reports.view.FormView;
import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The signed PDF of an approved 申报表: the form as {@link PdfRenderer} draws it (with its 审核记录 page), ending with a
 * pre-placed signature field ({@value #FIELD}) that is filled with a visible signature block and a detached CMS
 * signature. The choices:
 * <ul>
 *   <li><b>Pre-placed field.</b> The renderer reserves the field after the last block (on the last page when it fits,
 *       else on a page of its own) so the block never covers the form and "共 M 页" counts the page it is on.</li>
 *   <li><b>Incremental update.</b> The field is signed in append mode: the rendered bytes stay as they were and the
 *       signature (the last revision) covers the whole file ("Total document signed").</li>
 *   <li><b>External signature.</b> OpenPDF's {@link PdfSignatureAppearance} reserves the {@code /Contents} hole
 *       ({@code preClose}); BouncyCastle makes a detached CMS {@code SignedData} (SHA-256, {@code adbe.pkcs7.detached})
 *       over the byte range, with the signing time, the certificate chain and CMS algorithm protection as signed
 *       attributes; the hole is filled ({@code close}). The hole is sized from the certificates, so a long chain
 *       fits.</li>
 *   <li><b>The block</b> (layer n2 only, Acrobat 6 style: no "?" layer) is drawn in the renderer's font: 审核人, 审核时间,
 *       审核结论 and 等级, 审核意见 (one line), the signer and signing time, and 演示证书 when the demo key signs. Times are
 *       Beijing time.</li>
 * </ul>
 * Thread-safe: nothing is kept between calls.
 */
public final class PdfSigner {

    /** The name of the signature field. */
    public static final String FIELD = "perf-approval";

    /** The heading printed above the signature block. */
    static final String HEADING = "电子签章";

    /** The block's height in points (its width is the page's text area). */
    static final float HEIGHT = 136f;

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter REVIEW_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter SIGN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Color SEAL_RED = new Color(0xC0, 0x1F, 0x1F);
    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final float SIZE = 9f;
    private static final float LEADING = 14f;
    private static final float PAD = 9f;
    private static final float GRADE_BOX = 78f;

    private final PdfRenderer renderer;
    private final BaseFont font;

    /** Signs what {@code renderer} draws, in its font. */
    public PdfSigner(PdfRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.font = renderer.font();
    }

    /**
     * The PDF of {@code view} with the signature block of {@code block}, signed with {@code key} at {@code signedAt}.
     *
     * @throws IllegalStateException when the PDF cannot be drawn or signed (nothing half-signed is returned)
     */
    public byte[] sign(FormView view, SignatureBlock block, SigningKey key, Instant signedAt) {
        byte[] unsigned = renderer.render(view, new SignatureSlot(FIELD, HEADING, HEIGHT));
        return signField(unsigned, FIELD, block, key, signedAt);
    }

    /** Signs the empty signature field {@code fieldName} of {@code pdf}. */
    byte[] signField(byte[] pdf, String fieldName, SignatureBlock block, SigningKey key, Instant signedAt) {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(signedAt, "signedAt");
        int reserved = key.cmsSizeBound();
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 32 * 1024);
        PdfReader reader = null;
        try {
            reader = new PdfReader(pdf);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            appearance.setVisibleSignature(fieldName);
            Calendar when = GregorianCalendar.from(signedAt.atZone(BEIJING));
            appearance.setSignDate(when);
            appearance.setAcro6Layers(true);

            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
            dictionary.setDate(new PdfDate(when));
            dictionary.setName(key.signerName());
            dictionary.setReason(block.conclusion() + "（审核等级：" + block.grade() + "）");
            if (block.reviewerUnit() != null) {
                dictionary.setLocation(block.reviewerUnit());
            }
            appearance.setCryptoDictionary(dictionary);
            drawBlock(appearance.getLayer(2), appearance.getRect(), block, key, signedAt);

            Map<PdfName, Integer> hole = new HashMap<>();
            hole.put(PdfName.CONTENTS, reserved * 2 + 2);
            appearance.preClose(hole);
            byte[] signedRange;
            try (InputStream range = appearance.getRangeStream()) {
                signedRange = range.readAllBytes();
            }
            byte[] cms = cms(signedRange, key, signedAt);
            if (cms.length > reserved) {
                throw new IllegalStateException("签名数据 " + cms.length + " 字节，超出预留的 " + reserved + " 字节");
            }
            PdfDictionary contents = new PdfDictionary();
            contents.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(cms, reserved)).setHexWriting(true));
            appearance.close(contents);
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("签章 PDF 失败：" + e.getMessage(), e);
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /**
     * The detached CMS {@code SignedData} of {@code content}: SHA-256, the key's signature algorithm, signed
     * attributes (content type, message digest, signing time {@code signedAt}, algorithm protection), the chain.
     */
    static byte[] cms(byte[] content, SigningKey key, Instant signedAt) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey());
            AttributeTable signingTime = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(signedAt)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime))
                    .build(signer, key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("生成 CMS 签名失败：" + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ the visible block

    /**
     * The block on the field's appearance: a red frame, the lines on the left, the grade in a box on the right.
     * Every line is shortened with "…" to its width, so nothing spills out of the field.
     */
    private void drawBlock(PdfTemplate t, Rectangle rect, SignatureBlock block, SigningKey key, Instant signedAt)
            throws DocumentException {
        float w = rect.getWidth();
        float h = rect.getHeight();
        t.saveState();
        t.setColorStroke(SEAL_RED);
        t.setLineWidth(1.2f);
        t.roundRectangle(1f, 1f, w - 2f, h - 2f, 4f);
        t.stroke();
        float boxLeft = w - PAD - GRADE_BOX;
        float boxBottom = (h - GRADE_BOX) / 2;
        t.setLineWidth(1f);
        t.roundRectangle(boxLeft, boxBottom, GRADE_BOX, GRADE_BOX, 6f);
        t.stroke();
        t.restoreState();

        ColumnText grade = new ColumnText(t);
        grade.setSimpleColumn(boxLeft, boxBottom + 4f, boxLeft + GRADE_BOX, boxBottom + GRADE_BOX - 6f);
        grade.addElement(centered("审核等级", new Font(font, SIZE, Font.NORMAL, SEAL_RED), LEADING));
        grade.addElement(centered(block.grade(), new Font(font, 30f, Font.BOLD, SEAL_RED), 34f));
        grade.addElement(centered(block.conclusion(), new Font(font, 8f, Font.NORMAL, SEAL_RED), 12f));
        grade.go();

        float textWidth = boxLeft - 2 * PAD;
        Font body = new Font(font, SIZE, Font.NORMAL, INK);
        ColumnText lines = new ColumnText(t);
        lines.setSimpleColumn(PAD, PAD - 2f, PAD + textWidth, h - PAD + 2f);
        lines.addElement(line("财政审核电子签章", new Font(font, 11f, Font.BOLD, SEAL_RED), 16f, textWidth));
        String reviewer = block.reviewer() == null ? "未记录" : block.reviewer()
                + (block.reviewerUnit() == null ? "" : " · " + block.reviewerUnit());
        lines.addElement(line("审核人：" + reviewer, body, LEADING, textWidth));
        lines.addElement(line("审核时间：" + REVIEW_TIME.format(block.reviewedAt().atZone(BEIJING)) + "（北京时间）",
                body, LEADING, textWidth));
        lines.addElement(line("审核结论：" + block.conclusion() + "　　审核等级：" + block.grade(), body, LEADING,
                textWidth));
        if (block.comment() != null && !block.comment().isBlank()) {
            lines.addElement(line("审核意见：" + block.comment().strip().replaceAll("\\s+", " "), body, LEADING,
                    textWidth));
        }
        lines.addElement(line("签章人：" + key.signerName(), body, LEADING, textWidth));
        lines.addElement(line("签章时间：" + SIGN_TIME.format(signedAt.atZone(BEIJING)) + "（北京时间）",
                body, LEADING, textWidth));
        if (key.demo()) {
            lines.addElement(line("演示证书：系统生成的自签名证书，仅供演示，不具法律效力",
                    new Font(font, SIZE, Font.NORMAL, SEAL_RED), LEADING, textWidth));
        }
        lines.go();
    }

    private Paragraph line(String text, Font f, float leading, float width) {
        Paragraph p = new Paragraph(leading, new Chunk(fit(text, f.getSize(), width), f));
        p.setAlignment(Element.ALIGN_LEFT);
        return p;
    }

    private static Paragraph centered(String text, Font f, float leading) {
        Paragraph p = new Paragraph(leading, new Chunk(text, f));
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    /** {@code s}, shortened with "…" to fit {@code width} points at {@code size}. */
    private String fit(String s, float size, float width) {
        if (font.getWidthPoint(s, size) <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && font.getWidthPoint(cut + "…", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
