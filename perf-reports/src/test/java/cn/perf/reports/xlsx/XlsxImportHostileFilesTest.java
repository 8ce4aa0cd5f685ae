package cn.perf.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.perf.reports.SeedForms;
import cn.perf.reports.view.DeclarationViews;
import cn.perf.reports.xlsx.UploadRefused.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile uploads are refused within a second, each with its reason (and so its message), before a form is read
 * (issue 10). Every file is made here, in code: a zip bomb, XXE, an oversized part, a 10 MB cell, a workbook that is
 * not one of ours, macro workbooks, files that are not .xlsx at all, and a file over the upload limit.
 */
class XlsxImportHostileFilesTest {

    private static final long LIMIT = 10L * 1024 * 1024;
    private static byte[] valid;
    private final XlsxImport reader = new XlsxImport(LIMIT);

    @BeforeAll
    static void aValidFileReadsAndWarmsUp() {
        valid = new XlsxRenderer().render(DeclarationViews.of(SeedForms.seed000()));
        assertThat(new XlsxImport(LIMIT).read(valid, "000.xlsx")).isInstanceOf(ImportedDeclaration.class);
    }

    @Test
    void aZipBombIsRefused() {
        byte[] bomb = rezip(valid, Map.of("xl/media/image1.png", new byte[64 * 1024 * 1024]));
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertRefused(bomb, "bomb.xlsx", Reason.ZIP_BOMB);
    }

    @Test
    void aDoctypeInAPartIsRefused() {
        String workbook = new String(part(valid, "xl/workbook.xml"), StandardCharsets.UTF_8);
        String xxe = workbook.replaceFirst("\\?>", "?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
        assertThat(xxe).contains("<!DOCTYPE");
        assertRefused(rezip(valid, Map.of("xl/workbook.xml", xxe.getBytes(StandardCharsets.UTF_8))), "xxe.xlsx",
                Reason.DOCTYPE);
    }

    @Test
    void anEntityDeclarationInTheSharedStringsIsRefused() {
        String strings = new String(part(valid, "xl/sharedStrings.xml"), StandardCharsets.UTF_8);
        String xxe = strings.replaceFirst("\\?>", "?>\n<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">]>");
        assertRefused(rezip(valid, Map.of("xl/sharedStrings.xml", xxe.getBytes(StandardCharsets.UTF_8))),
                "xxe.xlsx", Reason.DOCTYPE);
    }

    @Test
    void aPartOverTheEntryLimitIsRefused() {
        byte[] big = new byte[40 * 1024 * 1024];
        Random random = new Random(1);
        for (int i = 0; i < big.length; i += 16) {
            big[i] = (byte) random.nextInt(256);
        }
        byte[] file = rezip(valid, Map.of("xl/media/image1.png", big));
        assertThat(file.length).as("within the upload limit").isLessThan((int) LIMIT);
        assertRefused(file, "big.xlsx", Reason.ENTRY_TOO_LARGE);
    }

    @Test
    void aTenMegabyteCellIsRefused() {
        String strings = new String(part(valid, "xl/sharedStrings.xml"), StandardCharsets.UTF_8);
        StringBuilder cell = new StringBuilder(10 * 1024 * 1024);
        Random random = new Random(2);
        while (cell.length() < 10 * 1024 * 1024) {
            cell.append((char) ('a' + random.nextInt(26)));
        }
        int t = strings.indexOf("<t");
        int close = strings.indexOf('>', t) + 1;
        String huge = strings.substring(0, close) + cell + strings.substring(close);
        byte[] file = rezip(valid, Map.of("xl/sharedStrings.xml", huge.getBytes(StandardCharsets.UTF_8)));
        assertThat(file.length).as("within the upload limit").isLessThan((int) LIMIT);
        assertRefused(file, "cell.xlsx", Reason.CELL_TOO_LONG);
    }

    @Test
    void aWorkbookThatIsNotOneOfOurFormsIsRefused() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var row = wb.createSheet("名单").createRow(0);
            row.createCell(0).setCellValue("姓名");
            row.createCell(1).setCellValue("年龄");
            assertRefused(bytes(wb), "名单.xlsx", Reason.WRONG_TEMPLATE);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("表").createRow(0).createCell(0).setCellValue("苏州市级财政支出项目绩效目标申报表");
            UploadRefused refused = assertRefused(bytes(wb), "title-only.xlsx", Reason.WRONG_TEMPLATE);
            assertThat(refused.getMessage()).contains("项目名称");
        }
    }

    @Test
    void macroWorkbooksAreRefused() {
        byte[] withVba = rezip(valid, Map.of("xl/vbaProject.bin", new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11,
            (byte) 0xe0, 1, 2, 3}));
        assertRefused(withVba, "renamed.xlsx", Reason.MACRO);
        assertRefused(valid, "form.xlsm", Reason.MACRO);
        String types = new String(part(valid, "[Content_Types].xml"), StandardCharsets.UTF_8).replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
        assertRefused(rezip(valid, Map.of("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8))),
                "macro.xlsx", Reason.MACRO);
        assertRefused(rezip(valid, Map.of("xl/macrosheets/sheet1.xml", "<xm:macrosheet/>".getBytes(
                StandardCharsets.UTF_8))), "xl4.xlsx", Reason.MACRO);
    }

    @Test
    void filesThatAreNotXlsxAreRefused() throws IOException {
        assertRefused("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII), "form.xlsx",
                Reason.NOT_XLSX);
        assertRefused("项目名称,项目类型\n".getBytes(StandardCharsets.UTF_8), "form.xlsx", Reason.NOT_XLSX);
        assertRefused(new byte[0], "empty.xlsx", Reason.NOT_XLSX);
        Map<String, byte[]> docx = new LinkedHashMap<>();
        docx.put("[Content_Types].xml", ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                .getBytes(StandardCharsets.UTF_8));
        docx.put("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
        assertRefused(zip(docx), "document.xlsx", Reason.NOT_XLSX);
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet("表").createRow(0).createCell(0).setCellValue("苏州市级财政支出项目绩效目标申报表");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            xls.write(out);
            assertRefused(out.toByteArray(), "old.xlsx", Reason.OLD_OR_ENCRYPTED);
        }
        assertRefused(Arrays.copyOf(valid, valid.length / 2), "cut.xlsx", Reason.UNREADABLE);
    }

    @Test
    void aFileOverTheUploadLimitIsRefused() {
        byte[] big = Arrays.copyOf(valid, (int) LIMIT + 1);
        UploadRefused refused = assertRefused(big, "big.xlsx", Reason.TOO_LARGE);
        assertThat(refused.getMessage()).isEqualTo("文件超过 10 MB 的上限");
    }

    // ------------------------------------------------------------------ helpers

    /** Refused for {@code reason}, within a second. */
    private UploadRefused assertRefused(byte[] file, String name, Reason reason) {
        long start = System.nanoTime();
        UploadRefused refused = catchThrowableOfType(UploadRefused.class, () -> reader.read(file, name));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(refused).as("%s is refused", name).isNotNull();
        assertThat(refused.reason()).as("%s: %s", name, refused.getMessage()).isEqualTo(reason);
        assertThat(refused.getMessage()).as("a Chinese message").containsPattern("\\p{IsHan}");
        assertThat(millis).as("%s refused within a second", name).isLessThan(1000);
        return refused;
    }

    /** The bytes of one part of an .xlsx. */
    static byte[] part(byte[] xlsx, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no part " + name);
    }

    /** {@code xlsx} with parts replaced or added. */
    static byte[] rezip(byte[] xlsx, Map<String, byte[]> parts) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                all.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.putAll(parts);
        return zip(all);
    }

    static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(p.getKey()));
                out.write(p.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
