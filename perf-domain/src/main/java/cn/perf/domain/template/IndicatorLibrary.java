package cn.perf.domain.template;

import java.util.List;

/** Repository port for the common-indicator library ({@link IndicatorLibraryEntry}); data from migrations. */
public interface IndicatorLibrary {

    /** The rows a new 申报表 of this project type is pre-filled with, in printed order. */
    List<IndicatorLibraryEntry> declarationRows(String frameworkCode, String projectType);

    /** The project types the library has declaration rows for, in name order. */
    List<String> projectTypes(String frameworkCode);

    /** The rows a 自评表 of this project type scores, in the order seed 002 prints them. */
    List<IndicatorLibraryEntry> selfEvaluationRows(String frameworkCode, String projectType);
}
