package cn.perf.web.signing;

import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.job.JobLocks;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.sign.PdfSigner;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Signed on approval (issue 10, docs/reports.md): the signer (the application's {@link PdfRenderer} and font), the
 * key ({@code perf.signing.keystore}, {@code .password}, {@code .alias}; the demo key when none is configured), the
 * after-commit listener and the backfill ({@code perf.signing.backfill-enabled}, default on).
 */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    PdfSigner pdfSigner(PdfRenderer renderer) {
        return new PdfSigner(renderer);
    }

    @Bean
    SigningKeySource signingKeySource(@Value("${perf.signing.keystore:}") String keystore,
                                      @Value("${perf.signing.password:}") String password,
                                      @Value("${perf.signing.alias:}") String alias,
                                      DeclarationSignatures signatures) {
        return new SigningKeySource(keystore, password, alias, signatures, Clock.systemUTC());
    }

    @Bean
    DeclarationPdfSigning declarationPdfSigning(DeclarationSignatures signatures, PdfSigner signer,
                                                SigningKeySource keys) {
        return new DeclarationPdfSigning(signatures, signer, keys, Clock.systemUTC());
    }

    @Bean
    SignOnApproval signOnApproval(DeclarationPdfSigning signing) {
        return new SignOnApproval(signing);
    }

    /** The backfill, scheduled; off with {@code perf.signing.backfill-enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "perf.signing.backfill-enabled", havingValue = "true", matchIfMissing = true)
    static class Backfill {

        @Bean
        SignedPdfBackfill signedPdfBackfill(DeclarationSignatures signatures, DeclarationPdfSigning signing,
                                            JobLocks locks) {
            return new SignedPdfBackfill(signatures, signing, locks);
        }
    }
}
