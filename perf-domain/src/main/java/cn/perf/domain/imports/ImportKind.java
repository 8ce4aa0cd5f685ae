package cn.perf.domain.imports;

/** What an uploaded form template is imported as. */
public enum ImportKind {
    /** a new 申报表 (草稿) of a unit the user files for; the target is the unit */
    NEW_DECLARATION,
    /** the whole content of a 申报表 the user may edit now (草稿 or 已退回); the target is the declaration */
    DECLARATION,
    /** what a filer fills in on a 自评表 草稿; the target is the self-evaluation */
    SELF_EVALUATION
}
