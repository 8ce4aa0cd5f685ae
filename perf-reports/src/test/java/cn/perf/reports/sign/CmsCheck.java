package cn.perf.reports.sign;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks a signed PDF's signature with BouncyCastle, independently of OpenPDF's signing code: the {@code /ByteRange}
 * and {@code /Contents} of the signature dictionary, SHA-256 of the bytes the range covers, the CMS message-digest
 * attribute against that digest, and the CMS signature against the signer's certificate.
 *
 * @param coversWholeFile the range starts at 0 and ends at the file's end, the hole in between is the contents
 * @param digestMatches   the CMS's signed message digest equals SHA-256 of the covered bytes
 * @param signatureValid  the signer information verifies against the certificate in the CMS (which covers the digest)
 * @param detached        the CMS carries no content of its own
 * @param signer          the signer's certificate
 */
record CmsCheck(boolean coversWholeFile, boolean digestMatches, boolean signatureValid, boolean detached,
                X509Certificate signer, String subFilter) {

    static CmsCheck of(byte[] pdf, String field) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            AcroFields fields = reader.getAcroFields();
            PdfDictionary v = fields.getSignatureDictionary(field);
            if (v == null) {
                throw new AssertionError("no signed field " + field + " in " + fields.getSignedFieldNames());
            }
            PdfArray range = v.getAsArray(PdfName.BYTERANGE);
            int[] r = new int[range.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = range.getAsNumber(i).intValue();
            }
            ByteArrayOutputStream covered = new ByteArrayOutputStream();
            for (int i = 0; i + 1 < r.length; i += 2) {
                covered.write(pdf, r[i], r[i + 1]);
            }
            boolean whole = r.length == 4 && r[0] == 0 && r[2] + r[3] == pdf.length
                    && pdf[r[1]] == '<' && pdf[r[2] - 1] == '>';
            byte[] hex = Arrays.copyOfRange(pdf, r[1] + 1, r[2] - 1);
            byte[] der = decodeHex(new String(hex, java.nio.charset.StandardCharsets.US_ASCII));
            ContentInfo info;
            try (ASN1InputStream in = new ASN1InputStream(der)) {
                info = ContentInfo.getInstance(in.readObject()); // the padding zeros after the DER are not read
            }
            byte[] digest = sha256(covered.toByteArray());
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(covered.toByteArray()), info);
            boolean detached = new CMSSignedData(info).getSignedContent() == null;
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new AssertionError("expected one signer, got " + signers.size());
            }
            SignerInformation si = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> holders = cms.getCertificates().getMatches(si.getSID());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holders.iterator().next());
            byte[] signedDigest = ASN1OctetString.getInstance(si.getSignedAttributes()
                    .get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0)).getOctets();
            boolean valid;
            try {
                valid = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            } catch (CMSSignerDigestMismatchException e) {
                valid = false;
            }
            PdfName subFilter = v.getAsName(PdfName.SUBFILTER);
            return new CmsCheck(whole, Arrays.equals(signedDigest, digest), valid, detached, cert,
                    subFilter == null ? null : PdfName.decodeName(subFilter.toString()));
        } finally {
            reader.close();
        }
    }

    static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] decodeHex(String hex) throws IOException {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

}
