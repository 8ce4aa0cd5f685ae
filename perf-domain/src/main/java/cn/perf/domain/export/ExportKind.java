package cn.perf.domain.export;

/** What a list's 导出 makes: the summary workbook of a search, or the PDFs of its forms in one zip. */
public enum ExportKind {
    DECLARATION_SUMMARY, EVALUATION_SUMMARY, DECLARATION_PDFS, EVALUATION_PDFS
}
