package cn.perf.web.export;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

/** What the export tests read back from a download: its file name and a spreadsheet's cells. */
public final class Downloads {

    private Downloads() {
    }

    /** The file name a browser saves the download as ({@code filename*=UTF-8''…} of Content-Disposition). */
    public static String fileName(MockHttpServletResponse r) {
        String disposition = r.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition == null || !disposition.contains("''")) {
            throw new AssertionError("no UTF-8 file name in Content-Disposition: " + disposition);
        }
        return URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8);
    }

    /** Every row's cells of the first sheet, as the spreadsheet shows them. */
    public static List<List<String>> cells(byte[] xlsx) throws Exception {
        DataFormatter format = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (int i = 0; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    row.forEach(c -> cells.add(format.formatCellValue(c)));
                }
                out.add(cells);
            }
        }
        return out;
    }
}
