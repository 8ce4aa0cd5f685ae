-- Issue 8 (organization administration): unit codes and names are unique within a region, not across the
-- country (苏州市 and 济宁市 number their units independently). A unit without a code (some forms print none)
-- is allowed any number of times: null codes are distinct.
alter table budget_unit drop constraint uq_budget_unit_code;
alter table budget_unit drop constraint uq_budget_unit_name;
alter table budget_unit add constraint uq_budget_unit_region_code unique (region, code);
alter table budget_unit add constraint uq_budget_unit_region_name unique (region, name);

-- A unit is never its own parent (cycles through several units are refused by the application).
alter table budget_unit add constraint ck_budget_unit_not_own_parent check (parent_id is null or parent_id <> id);

-- The user administration page searches by unit and lists by user name.
create index ix_user_account_role_role on user_account_role (role);
