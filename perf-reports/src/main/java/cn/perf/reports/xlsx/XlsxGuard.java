package cn.perf.reports.xlsx;

import cn.perf.reports.xlsx.UploadRefused.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The checks an uploaded file passes before POI parses a byte of it (issue 10, DESIGN.md §6): each part is inflated
 * once, as a stream and within bounds, by the same zip reader POI then uses ({@code ZipArchiveInputStream}), so that
 * what POI reads is exactly what was checked. A file is refused ({@link UploadRefused}) when it is
 * <ul>
 *   <li>over the upload limit;</li>
 *   <li>not a zip (a PDF or text renamed .xlsx), or a zip without a workbook (a .docx renamed .xlsx);</li>
 *   <li>an Excel 97–2003 or encrypted file (an OLE2 container);</li>
 *   <li>macro-enabled: named .xlsm/.xltm/.xlam, a {@code vbaProject.bin}, macro or dialog sheets, ActiveX, or a
 *       macro-enabled content type;</li>
 *   <li>a zip bomb: a part compressed more than POI's minimum inflate ratio allows
 *       ({@link ZipSecureFile#getMinInflateRatio()}, 1 : 100, checked as POI does after the first 100 KB of a part),
 *       or more than {@value #MAX_TOTAL_MB} MB in all once inflated;</li>
 *   <li>a part over {@value #MAX_ENTRY_MB} MB once inflated;</li>
 *   <li>more than {@value #MAX_ENTRIES} parts, {@value #MAX_ROWS} rows, {@value #MAX_CELLS} cells,
 *       {@value #MAX_MERGED} merged regions or {@value #MAX_STRINGS} shared strings (a form has a few hundred);</li>
 *   <li>an XML part with a DOCTYPE or an entity declaration (XXE; POI would refuse it too, less clearly);</li>
 *   <li>a cell's text longer than any cell Excel allows (a text node over {@value #MAX_TEXT_RUN_BYTES} bytes: 32,767
 *       characters of three bytes each, escaped, are less).</li>
 * </ul>
 * One pass over at most {@value #MAX_TOTAL_MB} MB: well within a second.
 */
final class XlsxGuard {

    static final int MAX_ENTRY_MB = 32;
    static final long MAX_ENTRY_BYTES = MAX_ENTRY_MB * 1024L * 1024L;
    static final int MAX_TOTAL_MB = 96;
    static final long MAX_TOTAL_BYTES = MAX_TOTAL_MB * 1024L * 1024L;
    static final int MAX_ENTRIES = 500;
    static final int MAX_ROWS = 10_000;
    static final int MAX_CELLS = 100_000;
    static final int MAX_MERGED = 5_000;
    static final int MAX_STRINGS = 100_000;
    static final int MAX_TEXT_RUN_BYTES = 200_000;
    /** Excel's limit on the characters of one cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** As POI's {@code ZipArchiveThresholdInputStream}: the ratio is checked once a part has inflated this much. */
    static final long GRACE_BYTES = 100 * 1024;

    private XlsxGuard() {
    }

    /** Refuses {@code bytes} (named {@code fileName}, may be null) unless it is a plain .xlsx within bounds. */
    static void check(byte[] bytes, String fileName, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw new UploadRefused(Reason.TOO_LARGE, "文件超过 " + megabytes(maxBytes) + " MB 的上限",
                    megabytes(maxBytes));
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsm") || name.endsWith(".xltm") || name.endsWith(".xlam")) {
            throw macro();
        }
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xd0 && (bytes[1] & 0xff) == 0xcf && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0xe0) {
            throw new UploadRefused(Reason.OLD_OR_ENCRYPTED,
                    "这是 Excel 97-2003（.xls）或加密的文件：请在 Excel 中另存为不加密的 .xlsx 后再上传");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw notXlsx();
        }
        if (!name.isEmpty() && !name.endsWith(".xlsx")) {
            throw notXlsx();
        }
        scan(bytes);
    }

    private static void scan(byte[] bytes) {
        double minRatio = ZipSecureFile.getMinInflateRatio();
        long total = 0;
        int entries = 0;
        Counts counts = new Counts();
        String contentTypes = null;
        boolean workbook = false;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes))) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw tooMany("部件", MAX_ENTRIES);
                }
                String part = entry.getName();
                String lower = part.toLowerCase(Locale.ROOT);
                if (lower.endsWith("vbaproject.bin") || lower.contains("vbadata") || lower.startsWith("xl/macrosheets/")
                        || lower.startsWith("xl/dialogsheets/") || lower.startsWith("xl/activex/")) {
                    throw macro();
                }
                workbook |= lower.equals("xl/workbook.xml");
                boolean types = part.equals("[Content_Types].xml");
                boolean xml = lower.endsWith(".xml") || lower.endsWith(".rels");
                boolean sheet = lower.startsWith("xl/worksheets/") && lower.endsWith(".xml");
                boolean strings = lower.equals("xl/sharedstrings.xml");
                XmlScan scan = xml ? new XmlScan(part, sheet || strings, counts) : null;
                ByteArrayOutputStream kept = types ? new ByteArrayOutputStream() : null;
                long size = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    size += n;
                    total += n;
                    if (size > MAX_ENTRY_BYTES) {
                        throw new UploadRefused(Reason.ENTRY_TOO_LARGE, "文件中的部件“" + part + "”解压后超过 "
                                + MAX_ENTRY_MB + " MB", part, MAX_ENTRY_MB);
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw bomb();
                    }
                    if (size > GRACE_BYTES && (double) zip.getCompressedCount() / size < minRatio) {
                        throw bomb();
                    }
                    if (scan != null) {
                        scan.feed(buffer, n);
                    }
                    if (kept != null && kept.size() < 1024 * 1024) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (kept != null) {
                    contentTypes = kept.toString(StandardCharsets.UTF_8);
                }
            }
        } catch (UploadRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UploadRefused(Reason.UNREADABLE, "文件已损坏，无法作为 Excel 文件读取");
        }
        if (contentTypes == null || !workbook) {
            throw notXlsx();
        }
        if (contentTypes.contains("macroEnabled") || contentTypes.contains("vbaProject")) {
            throw macro();
        }
        if (!contentTypes.contains("spreadsheetml.sheet.main+xml")
                && !contentTypes.contains("spreadsheetml.template.main+xml")) {
            throw notXlsx();
        }
    }

    static UploadRefused notXlsx() {
        return new UploadRefused(Reason.NOT_XLSX, "这不是 Excel（.xlsx）文件：请上传本系统导出的 .xlsx 模板");
    }

    private static UploadRefused macro() {
        return new UploadRefused(Reason.MACRO, "含宏的工作簿（.xlsm、VBA 宏、宏表或 ActiveX）不能导入：请另存为 .xlsx 后再上传");
    }

    private static UploadRefused bomb() {
        return new UploadRefused(Reason.ZIP_BOMB, "文件解压后异常庞大（疑似压缩炸弹），已拒绝");
    }

    private static UploadRefused tooMany(String what, int max) {
        return new UploadRefused(Reason.TOO_MANY_PARTS, "文件中的" + what + "超过 " + max + " 个，不是本系统的表格",
                what, max);
    }

    static UploadRefused cellTooLong() {
        return new UploadRefused(Reason.CELL_TOO_LONG, "文件中有单元格的内容超过 Excel 的上限（" + MAX_CELL_CHARS
                + " 个字符）", MAX_CELL_CHARS);
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }

    /** Rows, cells, merged regions and shared strings of the whole file. */
    private static final class Counts {
        int rows;
        int cells;
        int merged;
        int strings;
    }

    /**
     * A streaming look at one XML part: tag names (namespace prefix dropped) counted where they make rows, cells,
     * merged regions and shared strings; any {@code <!DOCTYPE} or {@code <!ENTITY}; the longest text between tags.
     */
    private static final class XmlScan {
        private final String part;
        private final boolean cellText;
        private final Counts counts;
        private final StringBuilder name = new StringBuilder(16);
        private boolean readingName;
        private boolean inTag;
        private long textRun;

        XmlScan(String part, boolean cellText, Counts counts) {
            this.part = part;
            this.cellText = cellText;
            this.counts = counts;
        }

        void feed(byte[] b, int len) {
            for (int i = 0; i < len; i++) {
                byte c = b[i];
                if (c == '<') {
                    inTag = true;
                    readingName = true;
                    name.setLength(0);
                    textRun = 0;
                    continue;
                }
                if (c == '>') {
                    if (readingName) {
                        tag();
                    }
                    inTag = false;
                    textRun = 0;
                    continue;
                }
                if (readingName) {
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' && name.length() > 0
                            || c == '[' || name.length() >= 16) {
                        tag();
                    } else {
                        name.append((char) (c & 0xff));
                    }
                    continue;
                }
                if (!inTag && cellText && ++textRun > MAX_TEXT_RUN_BYTES) {
                    throw cellTooLong();
                }
            }
        }

        private void tag() {
            readingName = false;
            String n = name.toString();
            if (n.regionMatches(true, 0, "!DOCTYPE", 0, 8) || n.regionMatches(true, 0, "!ENTITY", 0, 7)) {
                throw new UploadRefused(Reason.DOCTYPE, "文件中的“" + part + "”含有 DOCTYPE/实体声明（可能是 XXE 攻击），已拒绝",
                        part);
            }
            if (!cellText) {
                return;
            }
            int colon = n.indexOf(':');
            String local = colon >= 0 ? n.substring(colon + 1) : n;
            switch (local) {
                case "row" -> check(++counts.rows, MAX_ROWS, "行");
                case "c" -> check(++counts.cells, MAX_CELLS, "单元格");
                case "mergeCell" -> check(++counts.merged, MAX_MERGED, "合并单元格");
                case "si" -> check(++counts.strings, MAX_STRINGS, "文字");
                default -> {
                    // other tags are not counted
                }
            }
        }

        private static void check(int count, int max, String what) {
            if (count > max) {
                throw tooMany(what, max);
            }
        }
    }
}
