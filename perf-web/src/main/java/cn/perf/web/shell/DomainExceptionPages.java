package cn.perf.web.shell;

import cn.perf.domain.declaration.ReviewNotAllowedException;
import cn.perf.domain.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The Chinese error page for what the domain refuses on every page: a form outside the caller's scope, or a forged
 * id, is {@link NotFoundException} → 404 (nothing says whether it exists); a step this person may not take is
 * {@link ReviewNotAllowedException} → 403 with the reason.
 */
@ControllerAdvice
class DomainExceptionPages {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    @ExceptionHandler(ReviewNotAllowedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(ReviewNotAllowedException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        return "error/403";
    }
}
