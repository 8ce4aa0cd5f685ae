package cn.perf.web.export;

import cn.perf.reports.pdf.CjkFonts;
import cn.perf.reports.pdf.PdfRenderer;
import cn.perf.reports.xlsx.XlsxRenderer;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link PdfRenderer} of the application, with its font read once: Noto Sans SC from the classpath, or the
 * TrueType file {@code perf.reports.pdf-font} names (e.g. {@code /usr/share/fonts/simsun.ttc} for 宋体); and the one
 * {@link XlsxRenderer}, its font named by {@code perf.reports.xlsx-font} (default 宋体).
 */
@Configuration(proxyBeanMethods = false)
class PdfExportConfiguration {

    @Bean
    PdfRenderer pdfRenderer(@Value("${perf.reports.pdf-font:}") String fontFile) {
        return new PdfRenderer(CjkFonts.configuredOrDefault(fontFile.isBlank() ? null : Path.of(fontFile)));
    }

    @Bean
    XlsxRenderer xlsxRenderer(@Value("${perf.reports.xlsx-font:}") String fontName) {
        return new XlsxRenderer(fontName);
    }
}
