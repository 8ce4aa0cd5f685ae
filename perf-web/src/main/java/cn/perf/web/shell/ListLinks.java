package cn.perf.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links a list page's pager and sortable headers need, built from the request itself so every search criterion
 * is kept without each list spelling them out: the URL without {@code page} (for the pager) and without
 * {@code page}, {@code sort}, {@code dir} (for the headers). Paths are relative to the context (for {@code @{...}}).
 */
public final class ListLinks {

    private ListLinks() {
    }

    /** The current list URL without {@code page}. */
    public static String pageHref(HttpServletRequest request) {
        return href(request, "page");
    }

    /** The current list URL without {@code page}, {@code sort} and {@code dir}. */
    public static String sortHref(HttpServletRequest request) {
        return href(request, "page", "sort", "dir");
    }

    private static String href(HttpServletRequest request, String... drop) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path).query(request.getQueryString());
        for (String name : drop) {
            b.replaceQueryParam(name);
        }
        return b.build().toUriString();
    }
}
