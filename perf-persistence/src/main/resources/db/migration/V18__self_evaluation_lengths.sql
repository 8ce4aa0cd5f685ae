-- Issue 9: a self-evaluation's columns are at least as wide as the declaration values carried into them
-- (SelfEvaluationService.carryOver), so starting a self-evaluation from any declaration the declaration side accepts
-- never fails with a raw "value too long". Widening varchar needs no table rewrite in PostgreSQL.
--
--   carried from                                          into                                         was → now
--   declaration_indicator.name            varchar(500)    self_evaluation_indicator.name               300 → 500
--                                                         self_evaluation_adjustment.indicator_name    300 → 500
--   declaration_indicator.category        varchar(64)     self_evaluation_indicator.category            50 → 64
--   indicator_library_entry.category      varchar(64)
--   declaration_indicator.sub_category    varchar(64)     self_evaluation_indicator.sub_category        50 → 64
--   indicator_framework_category.name     varchar(64)     self_evaluation_category.name                 50 → 64
--   "第N行 " + indicator name (a scoring finding's location)  self_evaluation_finding.location            400 → 520
--
-- Already wide enough: project_name (declaration 200 → 300), sub-project name (200 → 300), target_text, explanation
-- and the narratives (text), the parsed target columns (same types on both sides), weight (numeric(6,2) → (7,2)).

alter table self_evaluation_indicator
    alter column name type varchar(500),
    alter column category type varchar(64),
    alter column sub_category type varchar(64);

alter table self_evaluation_adjustment
    alter column indicator_name type varchar(500);

alter table self_evaluation_category
    alter column name type varchar(64);

alter table self_evaluation_finding
    alter column location type varchar(520);
