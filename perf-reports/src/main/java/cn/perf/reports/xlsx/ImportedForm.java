package cn.perf.reports.xlsx;

import java.util.List;

/**
 * A filled form template read from an .xlsx by {@link XlsxImport}: a 申报表 ({@link ImportedDeclaration}) or a
 * 自评表 ({@link ImportedEvaluation}), with the problems found while reading it, row by row. Nothing is stored: the
 * web's preview shows it, and a confirmed import hands its content to the same use cases as the pages.
 */
public sealed interface ImportedForm permits ImportedDeclaration, ImportedEvaluation {

    /** The form's title as printed in the file. */
    String title();

    /** What the reader found, in sheet order. */
    List<ImportProblem> problems();

    /** Whether a problem keeps this form from being imported. */
    default boolean blocked() {
        return problems().stream().anyMatch(ImportProblem::blocking);
    }
}
