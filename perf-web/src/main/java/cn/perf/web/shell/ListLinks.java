package cn.perf.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links a list page's pager and sortable headers need, built from the request itself so every search criterion
 * is kept without each list spelling them out: the URL without {@code page} (for the pager) and without
 * {@code page}, {@code sort}, {@code dir} (for the headers), and the list's exports with the same search. Paths are relative to the context (for {@code @{...}}).
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

    /**
     * The list's export {@code file} (e.g. {@code summary.xlsx} under {@code /declarations}) with the current search:
     * the URL of the list plus {@code /file}, without {@code page} and {@code size} (an export takes every page).
     */
    public static String exportHref(HttpServletRequest request, String file) {
        return withSuffix(request, "/" + file, "page", "size");
    }

    private static String href(HttpServletRequest request, String... drop) {
        return withSuffix(request, "", drop);
    }

    private static String withSuffix(HttpServletRequest request, String suffix, String... drop) {
        String path = request.getRequestURI().substring(request.getContextPath().length()) + suffix;
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path).query(request.getQueryString());
        for (String name : drop) {
            b.replaceQueryParam(name);
        }
        return b.build().toUriString();
    }
}
