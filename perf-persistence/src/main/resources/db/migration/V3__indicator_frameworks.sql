-- Indicator frameworks as data (DESIGN.md §2.2, §3): categories, sub-categories and points per layout/region/year.
-- Points are null where the guidance sets none (财预〔2021〕101号 sets targets, not points, for its groups).

insert into indicator_framework (id, code, name, layout, region, first_year, last_year, total_label, total_points, basis)
values (1, 'SUZHOU_2017', '苏州市级财政支出项目绩效指标（2017年度共性指标）', 'SUZHOU', '苏州市', 2017, null,
        '项目绩效实现情况', 80,
        '《2017年度苏州市级财政支出项目绩效评价“投入”类共性指标》；苏州市级财政支出项目绩效自评表填表说明'),
       (2, 'NATIONAL_2020', '财政支出项目绩效指标（财预〔2020〕10号）', 'NATIONAL', '全国', 2020, 2021,
        '总分', 100, '财预〔2015〕88号（申报表）；财预〔2020〕10号（分值）'),
       (3, 'NATIONAL_2021', '项目支出绩效指标（财预〔2021〕101号，成本指标单列）', 'NATIONAL', '全国', 2022, null,
        '总分', 100, '财预〔2021〕101号（指标体系、计量单位、指标解释、设定依据）；财预〔2020〕10号（预算执行率分值）');

insert into indicator_framework_category (framework_id, position, name, parent_name, points, funds_based)
values (1, 0, '投入', null, 26, false),
       (1, 1, '产出', null, 24, false),
       (1, 2, '结果', null, 22, false),
       (1, 3, '影响力', null, 8, false),

       (2, 0, '产出指标', null, 50, false),
       (2, 1, '数量指标', '产出指标', null, false),
       (2, 2, '质量指标', '产出指标', null, false),
       (2, 3, '时效指标', '产出指标', null, false),
       (2, 4, '成本指标', '产出指标', null, false),
       (2, 5, '效益指标', null, 30, false),
       (2, 6, '经济效益指标', '效益指标', null, false),
       (2, 7, '社会效益指标', '效益指标', null, false),
       (2, 8, '生态效益指标', '效益指标', null, false),
       (2, 9, '可持续影响指标', '效益指标', null, false),
       (2, 10, '满意度指标', null, 10, false),
       (2, 11, '服务对象满意度指标', '满意度指标', null, false),
       (2, 12, '预算执行率', null, 10, true),

       (3, 0, '产出指标', null, null, false),
       (3, 1, '数量指标', '产出指标', null, false),
       (3, 2, '质量指标', '产出指标', null, false),
       (3, 3, '时效指标', '产出指标', null, false),
       (3, 4, '成本指标', null, null, false),
       (3, 5, '经济成本指标', '成本指标', null, false),
       (3, 6, '社会成本指标', '成本指标', null, false),
       (3, 7, '生态环境成本指标', '成本指标', null, false),
       (3, 8, '效益指标', null, null, false),
       (3, 9, '经济效益指标', '效益指标', null, false),
       (3, 10, '社会效益指标', '效益指标', null, false),
       (3, 11, '生态效益指标', '效益指标', null, false),
       (3, 12, '可持续影响指标', '效益指标', null, false),
       (3, 13, '满意度指标', null, null, false),
       (3, 14, '服务对象满意度指标', '满意度指标', null, false),
       (3, 15, '预算执行率', null, 10, true);

-- ids 1–3 were given explicitly: move the identity past them.
select setval(pg_get_serial_sequence('indicator_framework', 'id'), (select max(id) from indicator_framework));
