-- Editing 申报表 in the browser (issue 7).
-- updated_at: set by every change of the declaration or any of its rows, so the root's version increments for a
-- child-row change too, and the list shows 更新时间.
alter table declaration add column updated_at timestamp(6) with time zone;
update declaration set updated_at = greatest(created_at, status_changed_at);
alter table declaration alter column updated_at set not null;
alter table declaration alter column updated_at set default now();

-- A draft may leave a 子项目's 预算金额 empty for now (the lint blocks submission until it is filled).
alter table declaration_sub_project alter column amount drop not null;

-- The list page: scoped by unit (and by region through budget_unit), sorted by 更新时间 by default.
create index ix_declaration_unit_updated on declaration (unit_id, updated_at desc);
create index ix_declaration_updated on declaration (updated_at desc, id desc);
create index ix_budget_unit_region on budget_unit (region);
