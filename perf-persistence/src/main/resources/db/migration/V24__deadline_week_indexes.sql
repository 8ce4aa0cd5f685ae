-- Issue 12 (deadline week): the list, search, 待办 and export queries on 10,000 申报表 + 10,000 自评表 use indexes
-- (HotQueryPlansTest checks the plans; docs/performance.md, "Deadline week (issue 12)").
--
-- 1. The lists sort by 更新时间 (declarations) and 年度 (self-evaluations) "desc nulls last, id desc"
--    (DeclarationSearchingImpl, JpaSelfEvaluationQueries.search). The earlier indexes were "desc", i.e. nulls first,
--    which an ordered index scan cannot serve for "nulls last": every list sorted all rows of its scope. Replaced by
--    indexes in exactly the list's order, per unit (a filer's list reads its first 20 rows from the index, and the
--    count is an index-only scan) and overall (a finance bureau's list walks the index and stops after a page).
-- 2. 项目名称 search is "lower(project_name) like '%…%'": a trigram GIN index (pg_trgm, a trusted extension that
--    PostgreSQL ships in contrib) serves it for three or more characters; a shorter term has no trigram, so such a
--    search reads the rows of its scope (a filer's dozens, or the region's) as before.
create extension if not exists pg_trgm;

drop index ix_declaration_unit_updated;
create index ix_declaration_unit_updated on declaration (unit_id, updated_at desc nulls last, id desc);
drop index ix_declaration_updated;
create index ix_declaration_updated on declaration (updated_at desc nulls last, id desc);
create index ix_declaration_project_name_trgm on declaration using gin (lower(project_name) gin_trgm_ops);

drop index ix_self_evaluation_unit_year;
create index ix_self_evaluation_unit_year on self_evaluation (unit_id, fiscal_year desc nulls last, id desc);
create index ix_self_evaluation_year on self_evaluation (fiscal_year desc nulls last, id desc);
create index ix_self_evaluation_project_name_trgm on self_evaluation using gin (lower(project_name) gin_trgm_ops);
