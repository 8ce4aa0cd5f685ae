package cn.perf.web.signing;

import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.declaration.SigningKeys.StoredKey;
import cn.perf.reports.sign.DemoSigningKey;
import cn.perf.reports.sign.SigningKey;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key approved declarations are signed with. Configured ({@code perf.signing.keystore}, {@code .password},
 * {@code .alias}): the bureau's PKCS#12 file, read once at start-up — a missing file, a wrong password or alias stops
 * the start with a Chinese message rather than failing at the first approval. Not configured (the embedded demo,
 * tests): the demo key, which {@link DeclarationSignatures#demoKey} keeps in the database — created by the first node
 * that needs it, then read by every node — and which is read once per JVM here.
 */
final class SigningKeySource {

    private static final Logger log = LoggerFactory.getLogger(SigningKeySource.class);

    private final SigningKey configured;
    private final DeclarationSignatures signatures;
    private final Clock clock;
    private volatile SigningKey demo;

    SigningKeySource(String keystore, String password, String alias, DeclarationSignatures signatures, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
        if (keystore == null || keystore.isBlank()) {
            this.configured = null;
            log.info("未配置签章密钥（perf.signing.keystore）：财政审核通过的申报表以演示证书签章");
        } else {
            this.configured = SigningKey.fromPkcs12(Path.of(keystore),
                    (password == null ? "" : password).toCharArray(), alias);
            log.info("签章密钥：{}（{}）", configured.signerName(), keystore);
        }
    }

    /** The configured key, else the demo key (created and stored on first use). */
    SigningKey current() {
        if (configured != null) {
            return configured;
        }
        SigningKey k = demo;
        if (k == null) {
            synchronized (this) {
                k = demo;
                if (k == null) {
                    StoredKey stored = signatures.demoKey(() -> {
                        DemoSigningKey.Encoded created = DemoSigningKey.create(clock.instant());
                        log.info("已生成演示签章密钥（{}），保存在数据库中供所有节点使用", DemoSigningKey.COMMON_NAME);
                        return new StoredKey(created.privateKey(), created.certificate(), clock.instant());
                    });
                    k = new DemoSigningKey.Encoded(stored.privateKey(), stored.certificate()).decode();
                    demo = k;
                }
            }
        }
        return k;
    }
}
