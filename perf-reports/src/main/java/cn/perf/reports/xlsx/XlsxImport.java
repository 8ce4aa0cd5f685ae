package cn.perf.reports.xlsx;

import cn.perf.domain.template.FormLayout;
import cn.perf.reports.xlsx.SheetCells.Box;
import cn.perf.reports.xlsx.UploadRefused.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a filled form template (.xlsx) into the domain's content (issue 10): the Suzhou and the national 申报表 and
 * the Suzhou and the national 自评表, laid out as {@link XlsxRenderer} exports them — fields found by their printed
 * labels and tables by their header labels, so rows moved, inserted or re-typed still read. The form is recognised by
 * its title. Every value that cannot be read, and every 目标值 / 实际完成值 the scoring's parser cannot read, is a
 * problem at its Excel row ({@link ImportProblem}); what the domain refuses is added by the caller through
 * {@code problemsOf} of the result, from the same use cases as the pages.
 *
 * <p>A hostile file is refused before POI parses it ({@link UploadRefused}; the checks: {@code XlsxGuard}). Nothing
 * is stored here. Thread-safe: each call reads its own workbook.
 */
public final class XlsxImport {

    /** The default upload limit (the application's {@code spring.servlet.multipart.max-file-size}). */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    /** Most sheets looked at for a form. */
    static final int MAX_SHEETS = 20;

    private final long maxBytes;

    public XlsxImport() {
        this(DEFAULT_MAX_BYTES);
    }

    /** With an upload limit of {@code maxBytes}. */
    public XlsxImport(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The form in {@code bytes}, uploaded as {@code fileName} (null when unknown).
     *
     * @throws UploadRefused when the file is hostile, not an .xlsx, or not one of this system's form templates
     */
    public ImportedForm read(byte[] bytes, String fileName) {
        XlsxGuard.check(bytes, fileName, maxBytes);
        try (XSSFWorkbook wb = open(bytes)) {
            for (int i = 0; i < Math.min(wb.getNumberOfSheets(), MAX_SHEETS); i++) {
                Sheet sheet = wb.getSheetAt(i);
                SheetCells cells = new SheetCells(sheet);
                Optional<ImportedForm> form = read(cells);
                if (form.isPresent()) {
                    return form.get();
                }
            }
        } catch (IOException e) {
            throw unreadable();
        }
        throw wrongTemplate();
    }

    private static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (UploadRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new UploadRefused(Reason.DOCTYPE, "文件含有 DOCTYPE 声明（可能是 XXE 攻击），已拒绝", "");
            }
            throw unreadable();
        }
    }

    /** The form of this sheet, recognised by its title; empty when it is none of ours. */
    private static Optional<ImportedForm> read(SheetCells cells) {
        for (Box b : cells.boxes()) {
            if (b.firstRow() > 30) {
                break;
            }
            String t = b.normalized();
            if (t.isEmpty() || t.length() > 60) {
                continue;
            }
            if (t.contains(SheetCells.normalize(FormLayout.SUZHOU.title()))) {
                requireLabels(cells, "项目名称", "项目类型", "对应子项目名称");
                return Optional.of(new DeclarationReading(cells, b.text().strip()).suzhou());
            }
            if (t.contains(SheetCells.normalize(FormLayout.NATIONAL.title())) || t.endsWith("绩效目标申报表")) {
                requireLabels(cells, "项目名称", "项目属性", "长期绩效指标", "年度绩效指标");
                return Optional.of(new DeclarationReading(cells, b.text().strip()).national());
            }
            if (t.contains("苏州市级财政支出项目绩效自我评价报告") || t.contains("苏州市级财政支出项目绩效自评表")) {
                requireLabels(cells, "项目名称", "项目年份", "实际完成值");
                return Optional.of(new EvaluationReading(cells, b.text().strip()).suzhou());
            }
            if (t.endsWith("项目支出绩效自评表")) {
                requireLabels(cells, "项目名称", "三级指标", "实际完成值");
                return Optional.of(new EvaluationReading(cells, b.text().strip()).national());
            }
        }
        return Optional.empty();
    }

    /** A title without the form's key labels is not our template. */
    private static void requireLabels(SheetCells cells, String... labels) {
        for (String l : labels) {
            if (cells.first(l).isEmpty()) {
                throw new UploadRefused(Reason.WRONG_TEMPLATE, "不是本系统的模板：表中找不到“" + l + "”。请先在本系统中导出"
                        + "申报表或自评表，在导出的文件中填写后再上传", l);
            }
        }
    }

    private static UploadRefused wrongTemplate() {
        return new UploadRefused(Reason.WRONG_TEMPLATE, "不是本系统的模板：找不到申报表或自评表的标题。请先在本系统中导出"
                + "申报表或自评表，在导出的文件中填写后再上传", "");
    }

    private static UploadRefused unreadable() {
        return new UploadRefused(Reason.UNREADABLE, "文件已损坏，无法作为 Excel 文件读取");
    }

    /** The titles this reader recognises, for messages and documentation. */
    public static List<String> titles() {
        return List.of(FormLayout.SUZHOU.title(), FormLayout.NATIONAL.title(), "苏州市级财政支出项目绩效自我评价报告",
                "项目支出绩效自评表");
    }
}
