package cn.perf.web.export;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationSignatures;
import cn.perf.domain.declaration.DeclarationSignatures.Download;
import cn.perf.domain.declaration.SignedDeclarationPdf;
import cn.perf.domain.scope.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /declarations/{id}/signed.pdf}: the signed PDF the application kept when the bureau approved the
 * declaration, sent byte for byte as stored (never drawn again: a new rendering would not carry the signature), as
 * an attachment named like the other exports (RFC 5987). The same scope as the pages: a declaration outside it, or a
 * forged id, is the 404 page before anything is read. A visible declaration without one — not approved yet, or
 * approved a moment ago and still being signed — is a 404 page saying which, in Chinese.
 */
@Controller
class SignedPdfController {

    static final String MISSING_VIEW = "export/signed-missing";

    private final DeclarationSignatures signatures;
    private final DeclarationFiling filing;

    SignedPdfController(DeclarationSignatures signatures, DeclarationFiling filing) {
        this.signatures = signatures;
        this.filing = filing;
    }

    @GetMapping("/declarations/{id}/signed.pdf")
    ModelAndView signedPdf(Scope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        Optional<Download> found = signatures.download(scope, id);
        if (found.isEmpty()) {
            boolean approved = DeclarationSignatures.signable(filing.stamp(scope, id).status());
            ModelAndView missing = new ModelAndView(MISSING_VIEW, HttpStatus.NOT_FOUND);
            missing.addObject("status", HttpStatus.NOT_FOUND.value());
            missing.addObject("declarationId", id);
            missing.addObject("messageKey", approved ? "signed.missing.pending" : "signed.missing.notApproved");
            return missing;
        }
        SignedDeclarationPdf pdf = found.get().pdf();
        String name = found.get().projectName() + "-申报表-签章版.pdf";
        response.setContentType(FormDownloads.PDF.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                FormDownloads.attachment(name, "declaration-" + id + "-signed.pdf"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setContentLength(pdf.pdf().length);
        response.getOutputStream().write(pdf.pdf());
        response.flushBuffer();
        return null;
    }
}
