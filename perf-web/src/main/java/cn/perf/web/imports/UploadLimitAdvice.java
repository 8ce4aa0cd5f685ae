package cn.perf.web.imports;

import cn.perf.domain.scope.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} (or the request limit) fails while the request is
 * parsed, before any controller: the upload page is shown again with the limit in Chinese, as 413, never a 500.
 * (The form sends its CSRF token in the URL, so the token is read even when the body is not; Tomcat reads and drops
 * the rest of the body, {@code server.tomcat.max-swallow-size}, so the browser receives the page, not a reset.)
 */
@ControllerAdvice
class UploadLimitAdvice {

    private final ImportController imports;

    UploadLimitAdvice(ImportController imports) {
        this.imports = imports;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Viewer viewer, Model model) {
        return imports.tooLarge(viewer, model);
    }
}
