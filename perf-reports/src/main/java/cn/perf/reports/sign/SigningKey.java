package cn.perf.reports.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The key that signs approved declarations and its certificate chain (signer first). Two origins:
 * <ul>
 *   <li>{@link #fromPkcs12}: the bureau's own key, a PKCS#12 file from configuration;</li>
 *   <li>{@link #fromEncoded} with {@code demo = true}: the demo key {@link DemoSigningKey} made, kept encoded in the
 *       database so that every application node signs with the same one.</li>
 * </ul>
 * RSA and EC keys are supported (SHA-256 with RSA / with ECDSA). Immutable.
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final boolean demo;

    private SigningKey(PrivateKey privateKey, List<X509Certificate> chain, boolean demo) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("签章证书链为空");
        }
        this.chain = List.copyOf(chain);
        this.demo = demo;
        signatureAlgorithm(); // refuse a key type we cannot sign with now, not at the first approval
    }

    /**
     * The entry {@code alias} of the PKCS#12 file {@code file} (the first key entry when {@code alias} is blank).
     *
     * @throws IllegalArgumentException with a Chinese message when the file is missing, the password wrong, or the
     *                                  entry is not a private key with a certificate
     */
    public static SigningKey fromPkcs12(Path file, char[] password, String alias) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("找不到签章密钥文件（perf.signing.keystore）：" + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String entry = alias == null || alias.isBlank() ? firstKeyEntry(store) : alias;
            if (entry == null || !store.isKeyEntry(entry)) {
                throw new IllegalArgumentException("签章密钥文件 " + file + " 中没有私钥条目"
                        + (alias == null || alias.isBlank() ? "" : "“" + alias + "”（perf.signing.alias）"));
            }
            Key key = store.getKey(entry, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("签章密钥文件 " + file + " 的条目“" + entry + "”不是私钥");
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certificates = store.getCertificateChain(entry);
            for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                chain.add((X509Certificate) c);
            }
            return new SigningKey(privateKey, chain, false);
        } catch (IOException e) {
            throw new IllegalArgumentException("无法读取签章密钥文件 " + file + "（密码错误或不是 PKCS#12 文件）："
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("签章密钥文件 " + file + " 不可用：" + e.getMessage(), e);
        }
    }

    /** A key kept encoded: its PKCS#8 private key and its X.509 certificate (DER). */
    public static SigningKey fromEncoded(byte[] pkcs8, byte[] certificate, boolean demo) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(certificate));
            String algorithm = cert.getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningKey(key, List.of(cert), demo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("保存的签章密钥无法读取：" + e.getMessage(), e);
        }
    }

    private static String firstKeyEntry(KeyStore store) throws GeneralSecurityException {
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                return a;
            }
        }
        return null;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The signer's certificate and those of its issuers, signer first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Whether this is the self-signed demo key (the signature block then says 演示证书). */
    public boolean demo() {
        return demo;
    }

    /** The certificate subject's common name (CN), else the whole subject. */
    public String signerName() {
        X500Principal subject = certificate().getSubjectX500Principal();
        X500Name name = X500Name.getInstance(subject.getEncoded());
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length > 0 ? IETFUtils.valueToString(cn[0].getFirst().getValue()) : subject.getName();
    }

    /** The JCA name of the signature algorithm: SHA-256 with the key's algorithm. */
    String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("不支持的签章密钥算法：" + privateKey.getAlgorithm()
                    + "（支持 RSA、EC）");
        };
    }

    /** Bytes that the CMS can need beyond the signature value: the certificates plus a generous margin. */
    int cmsSizeBound() {
        int certificates = 0;
        for (X509Certificate c : chain) {
            try {
                certificates += c.getEncoded().length;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return certificates + 4096;
    }

    @Override
    public String toString() {
        return "SigningKey[" + signerName() + (demo ? ", demo" : "") + "]";
    }
}
