package cn.perf.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.reports.xlsx.SummaryWorkbook.Column;
import cn.perf.reports.xlsx.SummaryWorkbook.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SummaryWorkbookTest {

    private static final List<Column> COLUMNS = List.of(new Column("序号", Kind.INTEGER, 6),
            new Column("项目名称", Kind.TEXT, 40), new Column("资金合计（万元）", Kind.MONEY, 14),
            new Column("自评总分", Kind.SCORE, 10), new Column("更新时间", Kind.DATE_TIME, 18));

    @Test
    void twoAndAHalfThousandRowsAreWrittenWithTheirTypesFormatsAndPrintSetup() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SummaryWorkbook.Writer w = new SummaryWorkbook("").start("2026年度申报汇总", "2026年度绩效目标申报汇总表",
                COLUMNS)) {
            for (int i = 1; i <= 2_500; i++) {
                w.row(Arrays.asList(i, "项目" + i, new BigDecimal("1234.5").add(BigDecimal.valueOf(i)),
                        i % 2 == 0 ? new BigDecimal("87.25") : null, LocalDateTime.of(2026, 11, 30, 9, 5)));
            }
            assertThat(w.rows()).isEqualTo(2_500);
            w.finish(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(wb.getSheetName(0)).isEqualTo("2026年度申报汇总");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年度绩效目标申报汇总表");
            assertThat(sheet.getMergedRegion(0).formatAsString()).isEqualTo("A1:E1");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("资金合计（万元）");
            assertThat(sheet.getLastRowNum()).isEqualTo(2_501);

            XSSFCell money = sheet.getRow(2_501).getCell(2);
            assertThat(money.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(money.getNumericCellValue()).isEqualTo(3_734.5);
            assertThat(money.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(money.getCellStyle().getFont().getFontName()).isEqualTo("宋体");
            assertThat(sheet.getRow(2_501).getCell(3).getNumericCellValue()).isEqualTo(87.25);
            assertThat(sheet.getRow(2_500).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(2_500).getCell(3).getCellStyle().getBorderTop())
                    .isEqualTo(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            assertThat(sheet.getRow(2).getCell(4).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 5));
            assertThat(sheet.getRow(2).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");

            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:E2502");
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("2:2");
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getColumnWidth(1)).isEqualTo(40 * 256);
        }
    }

    /**
     * POI asks for a new XSLT factory for every part it writes; the writers name the JDK's default in the system
     * property so that the lookup no longer scans the class path (XmlTransformers): same factory, no search.
     */
    @Test
    void theWritersNameTheJdksTransformerFactorySoPoiDoesNotSearchTheClassPathForOne() {
        new SummaryWorkbook("");
        String expected = javax.xml.transform.TransformerFactory.newDefaultInstance().getClass().getName();
        assertThat(System.getProperty("javax.xml.transform.TransformerFactory")).isEqualTo(expected);
        assertThat(javax.xml.transform.TransformerFactory.newInstance().getClass().getName()).isEqualTo(expected);
    }

    @Test
    void theConfiguredFontIsUsedAndAWrongNumberOfValuesIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SummaryWorkbook.Writer w = new SummaryWorkbook("仿宋").start("a:b/c?d*e[f]g-long-name-over-31-characters",
                "标题", COLUMNS)) {
            assertThatThrownBy(() -> w.row(List.of(1, "只有两列"))).isInstanceOf(IllegalArgumentException.class);
            w.finish(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheetName(0)).isEqualTo("a_b_c_d_e_f_g-long-name-over-31");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getCellStyle().getFont().getFontName()).isEqualTo("仿宋");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
    }
}
