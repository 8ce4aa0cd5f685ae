-- Set-based part of scripts/generate-data.sh (issue 12, "Load"). Run on a database that the app has migrated and
-- loaded with the demo data, after the script has approved the seed declarations and saved a self-evaluation for
-- three of them through the app (so every seed declaration has a scored self-evaluation). Variables:
--   n_decl    申报表 of the filing year 2021, in every status
--   n_eval    绩效自评表 of 2020, each on its own approved 2020 申报表 (of the same project as a 2021 one)
--   n_filers  filer accounts load-00001 …, each with a 2021 申报表 of its own in 草稿 (loadgen.filer says which)
-- Every form is a copy of one of the four seed forms (Suzhou: 城管执法考核系统 18 indicators, 住建局互联网+监管 26,
-- 电子政务项目建设资金 34 with 13 sub-projects; national: 济宁数字化城管 16 with milestones), with its text blocks,
-- rows, parsed targets, and — for self-evaluations — the scores, traces and findings the engine stored for that very
-- content. Units, project names, years, statuses, dates and reviewers vary.
\set ON_ERROR_STOP 1
\timing off
begin;

create schema loadgen;
create table loadgen.filer (username varchar(64) primary key, unit_id bigint not null, declaration_id bigint not null,
                            evaluation_id bigint not null);

-- ------------------------------------------------------------------------------------------- organization
create temp table gen_region (region text, layout text, departments int, prefix text, ord int);
insert into gen_region values ('苏州市', 'SUZHOU', 30, '3', 1), ('济宁市', 'NATIONAL', 10, '4', 2),
                              ('泰安市', 'NATIONAL', 10, '5', 3), ('临沂市', 'NATIONAL', 10, '6', 4);
insert into budget_unit (code, name, kind, parent_id, region)
select null, r.region || '财政局', 'FINANCE_BUREAU', null, r.region from gen_region r
where not exists (select 1 from budget_unit b where b.region = r.region and b.kind = 'FINANCE_BUREAU');

create temp table gen_dept_name (n int, name text);
insert into gen_dept_name select n, name from unnest(array['教育局', '公安局', '民政局', '司法局', '人力资源和社会保障局',
    '自然资源和规划局', '生态环境局', '交通运输局', '水务局', '农业农村局', '商务局', '文化广电和旅游局', '卫生健康委员会',
    '应急管理局', '审计局', '市场监督管理局', '体育局', '统计局', '医疗保障局', '园林和绿化管理局', '科学技术局',
    '工业和信息化局', '发展和改革委员会', '退役军人事务局', '档案局', '机关事务管理局', '地方金融监督管理局',
    '粮食和物资储备局', '人民防空办公室', '信访局']) with ordinality as t(name, n);
insert into budget_unit (code, name, kind, parent_id, region)
select r.prefix || lpad(d.n::text, 2, '0') || '000', r.region || d.name, 'DEPARTMENT', f.id, r.region
from gen_region r join gen_dept_name d on d.n <= r.departments
     join budget_unit f on f.region = r.region and f.kind = 'FINANCE_BUREAU';
insert into budget_unit (code, name, kind, parent_id, region)
select r.prefix || lpad(d.n::text, 2, '0') || lpad(s.n::text, 3, '0'), r.region || d.name || s.suffix, 'BUDGET_UNIT',
       p.id, r.region
from gen_region r join gen_dept_name d on d.n <= r.departments
     join budget_unit p on p.region = r.region and p.name = r.region || d.name
     cross join unnest(array['机关', '信息中心', '综合服务中心', '综合行政执法支队', '事务保障中心'])
         with ordinality as s(suffix, n);

create temp table gen_unit as
select (row_number() over (order by u.id) - 1)::int as idx, u.id as unit_id, u.name, u.parent_id as dept_id,
       p.name as dept_name, p.code as dept_code, r.region, r.layout
from budget_unit u join budget_unit p on p.id = u.parent_id join gen_region r on r.region = u.region
where u.kind = 'BUDGET_UNIT' and u.code is not null and u.code ~ '^[3-6][0-9]{5}$';
create temp table gen_n as select count(*)::int as units from gen_unit;

-- reviewers: one finance reviewer per region, one department reviewer per 主管部门 (demo password)
insert into user_account (username, password_hash, display_name, unit_id, must_change_password, password_changed_at)
select 'load-finance-' || r.ord, (select password_hash from user_account where username = 'filer-001239'),
       r.region || '财政审核人（负载）', f.id, false, now()
from gen_region r join budget_unit f on f.region = r.region and f.kind = 'FINANCE_BUREAU';
insert into user_account (username, password_hash, display_name, unit_id, must_change_password, password_changed_at)
select 'load-reviewer-' || p.code, (select password_hash from user_account where username = 'filer-001239'),
       p.name || '审核人（负载）', p.id, false, now()
from budget_unit p where p.kind = 'DEPARTMENT' and p.code ~ '^[3-6][0-9]{2}000$';
insert into user_account_role (user_id, role)
select id, case when username like 'load-finance-%' then 'FINANCE_REVIEWER' else 'DEPARTMENT_REVIEWER' end
from user_account where username like 'load-finance-%' or username like 'load-reviewer-%';

-- ------------------------------------------------------------------------------------------- templates
-- the seed declarations, Suzhou ones numbered 0.. in id order, with their scored self-evaluation (after
-- scripts/generate-data.sh every seed has one; HotQueryPlansTest has the demo's only: its projects without one get
-- no 2020 申报表)
create temp table gen_tmpl as
select d.id as decl_id, e.id as eval_id, d.layout, d.fiscal_year, e.origin,
       (row_number() over (partition by d.layout order by d.id) - 1)::int as n,
       -- can a copy in 草稿 be submitted as it is? (the seed rebuilt from the 2020 自评表 has no 本年度计划数, so the
       -- submission check 本年度计划数合计 = 项目资金构成合计 refuses it until a filer fills them in)
       d.layout = 'NATIONAL' or coalesce((select sum(current_year) from declaration_funding_source f
                                          where f.declaration_id = d.id), 0)
                                 = coalesce((select sum(amount) from declaration_sub_project s
                                             where s.declaration_id = d.id), 0) as submittable
from declaration d left join self_evaluation e on e.declaration_id = d.id
where d.adjusts_id is null;
do $$ begin
    if (select count(*) from gen_tmpl where layout = 'SUZHOU') < 1 or (select count(*) from gen_tmpl where layout = 'NATIONAL') < 1
       or (select count(*) from gen_tmpl where eval_id is not null) < 1 then
        raise exception 'seed forms missing: run scripts/generate-data.sh, not this file alone';
    end if;
end $$;
create temp table gen_tn as select count(*) filter (where layout = 'SUZHOU')::int as suzhou from gen_tmpl;

-- ------------------------------------------------------------------------------------------- projects
create temp table gen_topic (n int, name text);
insert into gen_topic select n - 1, name from unnest(array['智慧城管平台运维', '道路照明设施维护', '城市绿化养护',
    '数字化城管数据采集', '电子政务外网运维', '住房保障信息系统建设', '河道保洁', '垃圾分类设施建设', '公共自行车系统运营',
    '视频监控联网', '政务云服务租用', '网络安全等级保护测评', '档案数字化加工', '老旧小区改造', '农村饮用水安全保障',
    '中小学校舍维修', '社区卫生服务能力提升', '公共文化服务', '全民健身设施建设', '食品安全抽检', '应急物资储备',
    '消防装备购置', '污水管网维护', '空气质量监测', '土壤污染防治', '农田水利建设', '就业创业补贴', '养老服务补贴',
    '残疾人康复服务', '法律援助', '12345热线运营', '不动产登记信息化', '统计调查', '审计信息化建设', '医保信息平台运维',
    '公交场站建设', '停车诱导系统', '智慧交通信号优化', '人防工程维护', '信访信息系统运维']) with ordinality as t(name, n);
create temp table gen_area (n int, name text);
insert into gen_area select n - 1, name from unnest(array['', '城区', '新区', '高新区', '东片区', '西片区', '南部片区',
    '北部片区', '古城区', '工业园区']) with ordinality as t(name, n);

create temp table gen_project as
select k, u.unit_id, u.idx, u.dept_id, u.dept_name, u.dept_code, u.name as unit_name, u.region, u.layout,
       j, a.name || t.name || '项目' as name,
       case when u.layout = 'SUZHOU' then (select decl_id from gen_tmpl where layout = 'SUZHOU'
                                                and n = ((k / (select units from gen_n)) % (select suzhou from gen_tn)))
            else (select decl_id from gen_tmpl where layout = 'NATIONAL' and n = 0) end as tmpl,
       nextval(pg_get_serial_sequence('project', 'id')) as project_id
from generate_series(0, greatest(:n_decl, :n_eval) - 1) k
     join gen_unit u on u.idx = k % (select units from gen_n)
     cross join lateral (select k / (select units from gen_n) as j) jj
     join gen_topic t on t.n = (jj.j + u.idx * 7) % 40
     join gen_area a on a.n = (jj.j / 40) % 10;
insert into project (id, unit_id, name, project_type, attribute, first_year)
select g.project_id, g.unit_id, g.name, d.project_type, d.project_attribute, 2020
from gen_project g join declaration d on d.id = g.tmpl;

-- ------------------------------------------------------------------------------------------- declarations
-- 2021: n_decl in every status; 2020: n_eval approved ones (each gets a self-evaluation below)
create temp table gen_decl as
select nextval(pg_get_serial_sequence('declaration', 'id')) as id, g.*, 2021 as year,
       case when h < 45 then 'DRAFT' when h < 55 then 'RETURNED' when h < 70 then 'SUBMITTED'
            when h < 82 then 'DEPARTMENT_APPROVED' when h < 96 then 'APPROVED' else 'REJECTED' end as status,
       now() - make_interval(days => (k % 60) + 1, mins => (k * 13) % 1440) as created_at
from gen_project g cross join lateral (select (hashint4(k::int) & 2147483647) % 100 as h) hh where k < :n_decl
union all
select nextval(pg_get_serial_sequence('declaration', 'id')), g.*, 2020, 'APPROVED',
       now() - make_interval(days => 365 + (k % 90), mins => (k * 13) % 1440)
from gen_project g where k < :n_eval and exists (select 1 from gen_tmpl t where t.decl_id = g.tmpl and t.eval_id is not null);
create index on gen_decl (tmpl);
analyze gen_decl;

insert into declaration (id, unit_id, project_id, fiscal_year, layout, framework_code, status, finance_grade,
    review_comment, project_name, project_type, project_attribute, government_procurement,
    government_purchased_service, project_leader, contact_person, contact_phone, competent_department_name,
    competent_department_code, project_unit_name, period_start, period_end, overview, establishment_basis, necessity,
    safeguards, implementation_plan, overall_goal, annual_goal, other_issues, unit_functions, feasibility,
    department_opinion, prior_budgeted, prior_allocated, prior_spent, request_total, request_appropriation,
    request_service_revenue, request_business_revenue, request_other_revenue, signoff_unit_leader, signoff_preparer,
    signoff_filed_on, total_amount, created_at, status_changed_at, updated_at, version, adjusts_id, adjustment_open)
select g.id, g.unit_id, g.project_id, g.year, t.layout, t.framework_code, g.status,
       case g.status when 'APPROVED' then (array['EXCELLENT', 'GOOD', 'GOOD', 'FAIR'])[1 + g.k % 4]
                     when 'REJECTED' then 'POOR' end,
       case g.status when 'RETURNED' then '请补充产出指标的目标值来源，并细化年度绩效目标。'
                     when 'REJECTED' then '项目立项依据不足，绩效目标与预算不匹配，不予通过。' end,
       g.name, t.project_type, t.project_attribute, t.government_procurement, t.government_purchased_service,
       t.project_leader, t.contact_person, t.contact_phone,
       case when t.layout = 'NATIONAL' then g.dept_name else t.competent_department_name end,
       case when t.layout = 'NATIONAL' then g.dept_code else t.competent_department_code end,
       case when t.layout = 'NATIONAL' then g.unit_name else t.project_unit_name end,
       t.period_start + make_interval(years => g.year - t.fiscal_year),
       t.period_end + make_interval(years => g.year - t.fiscal_year),
       t.overview, t.establishment_basis, t.necessity, t.safeguards, t.implementation_plan, t.overall_goal,
       t.annual_goal, t.other_issues, t.unit_functions, t.feasibility, t.department_opinion, t.prior_budgeted,
       t.prior_allocated, t.prior_spent, t.request_total, t.request_appropriation, t.request_service_revenue,
       t.request_business_revenue, t.request_other_revenue, t.signoff_unit_leader, t.signoff_preparer,
       t.signoff_filed_on, t.total_amount, g.created_at,
       g.created_at + make_interval(hours => (g.k % 20)), g.created_at + make_interval(hours => (g.k % 20)),
       1, null, false
from gen_decl g join declaration t on t.id = g.tmpl;

insert into declaration_sub_project (declaration_id, position, name, amount)
select g.id, s.position, s.name, s.amount from gen_decl g join declaration_sub_project s on s.declaration_id = g.tmpl;
insert into declaration_funding_source (declaration_id, position, kind, total_investment, prior_year, current_year)
select g.id, s.position, s.kind, s.total_investment, s.prior_year, s.current_year
from gen_decl g join declaration_funding_source s on s.declaration_id = g.tmpl;
insert into declaration_milestone (declaration_id, position, content, start_on, end_on)
select g.id, m.position, m.content, m.start_on + make_interval(years => g.year - t.fiscal_year),
       m.end_on + make_interval(years => g.year - t.fiscal_year)
from gen_decl g join declaration t on t.id = g.tmpl join declaration_milestone m on m.declaration_id = g.tmpl;
insert into declaration_indicator (declaration_id, position, term, category, sub_category, name, target_text,
    target_kind, target_operator, target_number, target_magnitude, target_unit, target_direction,
    target_direction_confirmed, target_parse_error, explanation, target_basis, basis_kind, measure_unit, weight,
    library_entry_id)
select g.id, i.position, i.term, i.category, i.sub_category, i.name, i.target_text, i.target_kind, i.target_operator,
       i.target_number, i.target_magnitude, i.target_unit, i.target_direction, i.target_direction_confirmed,
       i.target_parse_error, i.explanation, i.target_basis, i.basis_kind, i.measure_unit, i.weight, i.library_entry_id
from gen_decl g join declaration_indicator i on i.declaration_id = g.tmpl;
analyze declaration_sub_project, declaration_indicator;
-- 对应子项目名称: the copied indicator names the copied sub-projects at the same positions
insert into declaration_indicator_sub_project (indicator_id, position, sub_project_id)
select ni.id, l.position, nsp.id
from gen_decl g
     join declaration_indicator ti on ti.declaration_id = g.tmpl
     join declaration_indicator_sub_project l on l.indicator_id = ti.id
     join declaration_sub_project tsp on tsp.id = l.sub_project_id
     join declaration_indicator ni on ni.declaration_id = g.id and ni.position = ti.position
     join declaration_sub_project nsp on nsp.declaration_id = g.id and nsp.position = tsp.position;

-- the review history the statuses imply
insert into declaration_review_step (declaration_id, action, grade, comment, from_status, to_status, actor_username,
                                     actor_name, actor_unit, occurred_at)
select g.id, s.action, s.grade, s.comment, s.from_status, s.to_status, s.actor, s.actor_name, s.actor_unit,
       g.created_at + make_interval(mins => s.minutes)
from gen_decl g join declaration d on d.id = g.id
     cross join lateral (values
        ('SUBMITTED', null, null, 'DRAFT', 'SUBMITTED', 'filer', '填报人', g.unit_name, 10, g.status <> 'DRAFT'),
        ('DEPARTMENT_RETURNED', null, d.review_comment, 'SUBMITTED', 'RETURNED', 'load-reviewer-' || g.dept_code,
         g.dept_name || '审核人（负载）', g.dept_name, 20, g.status = 'RETURNED'),
        ('DEPARTMENT_APPROVED', null, null, 'SUBMITTED', 'DEPARTMENT_APPROVED', 'load-reviewer-' || g.dept_code,
         g.dept_name || '审核人（负载）', g.dept_name, 20, g.status in ('DEPARTMENT_APPROVED', 'APPROVED', 'REJECTED')),
        ('GRADED', d.finance_grade, d.review_comment, 'DEPARTMENT_APPROVED', g.status, 'finance',
         g.region || '财政审核人', g.region || '财政局', 30, g.status in ('APPROVED', 'REJECTED'))
     ) as s(action, grade, comment, from_status, to_status, actor, actor_name, actor_unit, minutes, applies)
where s.applies;

-- ------------------------------------------------------------------------------------------- self-evaluations
create temp table gen_eval as
select nextval(pg_get_serial_sequence('self_evaluation', 'id')) as id, g.id as declaration_id, g.k, g.unit_id,
       g.dept_id, g.layout, g.name, g.created_at, t.eval_id as tmpl, t.origin,
       case when t.origin = 'IMPORTED' then (array['SUBMITTED', 'UNDER_REVIEW', 'CONFIRMED'])[1 + h % 3]
            when h < 45 then 'DRAFT' when h < 75 then 'SUBMITTED' when h < 85 then 'UNDER_REVIEW'
            else 'CONFIRMED' end as status
from gen_decl g join gen_tmpl t on t.decl_id = g.tmpl
     cross join lateral (select (hashint4(g.k::int # 1234567) & 2147483647) % 100 as h) hh
where g.year = 2020;
create index on gen_eval (tmpl);
analyze gen_eval;

insert into self_evaluation (id, version, declaration_id, layout, origin, status, unit_id, department_id, project_name,
    fiscal_year, budget_initial, budget_adjustment, budget_appropriated, budget_indicator_balance, use_appropriated,
    use_actual_paid, use_balance, use_carryover, use_recovered, sub_project_total, budget_execution_points,
    budget_execution_recorded_score, budget_execution_computed_score, overview, overall_goal, annual_goal,
    implementation, management_results, problems, suggestions, goal_achievement, recorded_total, computed_total,
    filer_name, unit_leader_name, filing_date, submitted_at, reviewer, confirmed_at, return_comment, scoring_regime,
    scoring_regime_reason, scored_at, computed_grade, budget_execution_trace_text)
select g.id, 1, g.declaration_id, t.layout, t.origin, g.status, g.unit_id,
       case when t.layout = 'NATIONAL_2020' then g.dept_id end, g.name, 2020, t.budget_initial, t.budget_adjustment,
       t.budget_appropriated, t.budget_indicator_balance, t.use_appropriated, t.use_actual_paid, t.use_balance,
       t.use_carryover, t.use_recovered, t.sub_project_total, t.budget_execution_points,
       t.budget_execution_recorded_score, t.budget_execution_computed_score, t.overview, t.overall_goal, t.annual_goal,
       t.implementation, t.management_results, t.problems, t.suggestions, t.goal_achievement, t.recorded_total,
       t.computed_total, t.filer_name, t.unit_leader_name, t.filing_date,
       case when g.status <> 'DRAFT' then g.created_at + interval '300 days' end,
       case when g.status in ('UNDER_REVIEW', 'CONFIRMED') then '财政审核人（负载）' end,
       case when g.status = 'CONFIRMED' then g.created_at + interval '310 days' end,
       null, t.scoring_regime, t.scoring_regime_reason, t.scored_at, t.computed_grade, t.budget_execution_trace_text
from gen_eval g join self_evaluation t on t.id = g.tmpl;

insert into self_evaluation_category (self_evaluation_id, position, name, points)
select g.id, c.position, c.name, c.points from gen_eval g join self_evaluation_category c on c.self_evaluation_id = g.tmpl;
insert into self_evaluation_indicator (self_evaluation_id, position, category, sub_category, name, explanation,
    target_text, target_kind, target_operator, target_number, target_magnitude, target_unit, target_direction,
    target_direction_confirmed, target_parse_error, weight, actual_text, actual_kind, actual_operator, actual_number,
    actual_magnitude, actual_unit, actual_direction, actual_direction_confirmed, actual_parse_error, recorded_score,
    computed_score, adjusted_score, deviation_reason, score_status, trace_rule, trace_text)
select g.id, i.position, i.category, i.sub_category, i.name, i.explanation, i.target_text, i.target_kind,
       i.target_operator, i.target_number, i.target_magnitude, i.target_unit, i.target_direction,
       i.target_direction_confirmed, i.target_parse_error, i.weight, i.actual_text, i.actual_kind, i.actual_operator,
       i.actual_number, i.actual_magnitude, i.actual_unit, i.actual_direction, i.actual_direction_confirmed,
       i.actual_parse_error, i.recorded_score, i.computed_score, i.adjusted_score, i.deviation_reason, i.score_status,
       i.trace_rule, i.trace_text
from gen_eval g join self_evaluation_indicator i on i.self_evaluation_id = g.tmpl;
insert into self_evaluation_sub_project (self_evaluation_id, position, name, actual_amount)
select g.id, s.position, s.name, s.actual_amount from gen_eval g join self_evaluation_sub_project s on s.self_evaluation_id = g.tmpl;
insert into self_evaluation_national_fund (self_evaluation_id, position, kind, initial_budget, annual_budget, executed)
select g.id, f.position, f.kind, f.initial_budget, f.annual_budget, f.executed
from gen_eval g join self_evaluation_national_fund f on f.self_evaluation_id = g.tmpl;
insert into self_evaluation_finding (self_evaluation_id, position, severity, code, message, row_position, location)
select g.id, f.position, f.severity, f.code, f.message, f.row_position, f.location
from gen_eval g join self_evaluation_finding f on f.self_evaluation_id = g.tmpl;

-- ------------------------------------------------------------------------------------------- filer accounts
-- one per submittable 2021 申报表 in 草稿 (round robin over the units), up to n_filers, with a 自评表 of its unit to score live
-- (a 草稿 one wherever the unit has one)
create temp table gen_filer as
select row_number() over (order by rn, unit_id) as n, unit_id, id as declaration_id
from (select d.id, d.unit_id, row_number() over (partition by d.unit_id order by d.id) as rn
      from gen_decl d join gen_tmpl t on t.decl_id = d.tmpl
      where d.year = 2021 and d.status = 'DRAFT' and t.submittable) x;
insert into loadgen.filer (username, unit_id, declaration_id, evaluation_id)
select 'load-' || lpad(f.n::text, 5, '0'), f.unit_id, f.declaration_id, e.id
from gen_filer f
     cross join lateral (select e.id from gen_eval e where e.unit_id = f.unit_id
                         order by e.status <> 'DRAFT', (e.id + f.n) % 7, e.id limit 1) e
order by f.n
limit :n_filers;
insert into user_account (username, password_hash, display_name, unit_id, must_change_password, password_changed_at)
select f.username, (select password_hash from user_account where username = 'filer-001239'),
       '填报人' || substr(f.username, 6) || '（负载）', f.unit_id, false, now()
from loadgen.filer f order by f.username;
insert into user_account_role (user_id, role)
select a.id, 'FILER' from user_account a join loadgen.filer f on f.username = a.username;

commit;
