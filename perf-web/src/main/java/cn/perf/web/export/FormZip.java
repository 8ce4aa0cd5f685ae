package cn.perf.web.export;

import cn.perf.reports.pdf.PdfRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Forms' PDFs in one zip, written straight onto a stream one PDF at a time (memory holds one document, never the zip).
 *
 * <p><b>Chinese file names that every unzipper reads.</b> Names are written in GBK (code page 936, what Windows in
 * China and its built-in zip folder read when the UTF-8 flag is absent, which older Windows ignore anyway), and each
 * entry also carries the Info-ZIP Unicode Path extra field (0x7075) with the UTF-8 name, which 7-Zip, WinRAR, Info-ZIP
 * unzip and macOS prefer. A character GBK cannot hold becomes {@code _} in the GBK name only. Two forms with the same
 * project name get 「(2)」, 「(3)」 ….
 */
final class FormZip {

    static final Charset GBK = Charset.forName("GBK");
    private static final int UNICODE_PATH = 0x7075;

    private FormZip() {
    }

    /** Writes the PDF of each id's form, in order, as {@code <file name>.pdf}. */
    static void write(OutputStream out, List<Long> ids, LongFunction<FormExports.Named> form, PdfRenderer pdf)
            throws IOException {
        Set<String> used = new HashSet<>();
        CharsetEncoder gbk = GBK.newEncoder();
        try (ZipOutputStream zip = new ZipOutputStream(out, GBK)) {
            for (long id : ids) {
                FormExports.Named named = form.apply(id);
                zip.putNextEntry(entry(unique(used, FormDownloads.safeFileName(named.fileName()), ".pdf"), gbk));
                pdf.render(named.view(), zip); // the renderer leaves the stream open for the next entry
                zip.closeEntry();
            }
        }
    }

    private static String unique(Set<String> used, String base, String extension) {
        String candidate = base + extension;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = base + "(" + i + ")" + extension;
        }
        return candidate;
    }

    /** The entry under its GBK name, with the UTF-8 name in the Unicode Path extra field. */
    static ZipEntry entry(String name, CharsetEncoder gbk) {
        StringBuilder local = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            String ch = new String(Character.toChars(c));
            local.append(gbk.canEncode(ch) ? ch : "_");
        });
        ZipEntry e = new ZipEntry(local.toString());
        byte[] headerName = local.toString().getBytes(GBK);
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(headerName);
        ByteBuffer extra = ByteBuffer.allocate(4 + 1 + 4 + utf8.length).order(ByteOrder.LITTLE_ENDIAN);
        extra.putShort((short) UNICODE_PATH).putShort((short) (1 + 4 + utf8.length)).put((byte) 1)
                .putInt((int) crc.getValue()).put(utf8);
        e.setExtra(extra.array());
        return e;
    }
}
