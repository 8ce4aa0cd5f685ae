package cn.perf.domain.export;

import java.util.Objects;

/** An export's file as it is downloaded: its name (with extension), its media type and its bytes. */
public record ExportFile(String fileName, String contentType, byte[] content) {

    public ExportFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
