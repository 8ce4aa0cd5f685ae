package cn.perf.web.imports;

import cn.perf.reports.xlsx.XlsxImport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The upload limit the application is configured with, and the one {@link XlsxImport}, which refuses larger files. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    UploadLimit uploadLimit(@Value("${spring.servlet.multipart.max-file-size:10MB}") String maxFileSize) {
        return new UploadLimit(DataSize.parse(maxFileSize).toBytes());
    }

    @Bean
    XlsxImport xlsxImport(UploadLimit limit) {
        return new XlsxImport(limit.bytes());
    }
}
