package cn.perf.reports.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo key: used where no bureau key is configured (the embedded demo, tests). An RSA 2048 key and a
 * self-signed certificate whose CN says {@value #COMMON_NAME}, valid for ten years, key usage digital signature and
 * non-repudiation. Made once and kept by the application in its database ({@link Encoded}), never on a node's disk;
 * a PDF signed with it says 演示证书 on its signature block. A reader's software will call the signature valid
 * (the document is unchanged) but the certificate untrusted: nobody vouches for it, as it should be for a demo.
 */
public final class DemoSigningKey {

    /** The certificate's common name. */
    public static final String COMMON_NAME = "perf 财政审核签章（演示证书）";

    private DemoSigningKey() {
    }

    /** A demo key as kept: the private key (PKCS#8) and the certificate (X.509), both DER. */
    public record Encoded(byte[] privateKey, byte[] certificate) {

        /** The key ready to sign, marked as the demo key. */
        public SigningKey decode() {
            return SigningKey.fromEncoded(privateKey, certificate, true);
        }
    }

    /** A new demo key pair and certificate, valid from a day before {@code now} for ten years. */
    public static Encoded create(Instant now) {
        return create(now, COMMON_NAME);
    }

    /** The same with another common name (tests stand in for a bureau's own certificate with it). */
    static Encoded create(Instant now, String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, "perf 预算绩效管理（演示）")
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3653, ChronoUnit.DAYS)), subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new Encoded(pair.getPrivate().getEncoded(), certificate.getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("无法生成演示签章密钥：" + e.getMessage(), e);
        }
    }
}
