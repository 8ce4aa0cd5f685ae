package cn.perf.web.imports;

/**
 * The upload limit ({@code spring.servlet.multipart.max-file-size}) as the pages print it; the bean
 * {@code uploadLimit} (the 413 error page reads it: an over-limit body can fail before any controller).
 */
public record UploadLimit(long bytes) {

    /** The limit in whole MB (at least 1). */
    public long megabytes() {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
