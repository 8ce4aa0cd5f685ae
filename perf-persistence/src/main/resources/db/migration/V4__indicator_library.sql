-- The 投入类共性指标 of 信息化工程及维护类 (《2017年度苏州市级财政支出项目绩效评价“投入”类共性指标》).
-- Ten rows as the 申报表 prints them (seed 000, verbatim: names, targets, explanations, sources), with the
-- weights of the 2020 自评表 (seed 002: 3,3,1,1,6,3,1,1,1,2,1,1,1,1 = 26, in self_evaluation_position order).
-- Seed 002 splits 工程管理规范性 into the four rows its explanation names (part_of) and adds
-- 各级财政应承担资金到位率; those five print no explanation or source. 工程管理规范性 has no weight of its own.

insert into indicator_library_entry (framework_code, project_type, category, position, name, target_text, explanation,
                                     target_basis, weight, on_declaration, on_self_evaluation, self_evaluation_position,
                                     self_evaluation_name, self_evaluation_target_text, part_of)
values
('SUZHOU_2017', '信息化工程及维护类', '投入', 0, '预算执行率', '100%',
 '考察实际支出资金额占预算到位资金额的比率，用以反映项目单位预算资金执行情况。',
 '项目批复文件、原始凭证', 6, true, true, 5, null, '=100%', null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 1, '专款专用率', '100%',
 '考察资金使用规范程度，是否按计划完全使用在指定项目上。',
 '项目批复文件、原始凭证', 3, true, true, 6, null, '=100%', null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 2, '财务制度健全性', '健全',
 '考察财务管理制度是否健全。其中，重点考察关键性资金所涉及的财务制度、或其他制度的关键性条款，例如国库集中支付制度、专项资金管理办法等；考察项目单位的内部财务管理制度、会计核算制度的完整性和合法性，是否符合有关财务管理制度的规定。',
 '财务管理制度文件', 3, true, true, 2, null, null, null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 3, '资金使用合规性', '合规',
 '资金使用是否按照计划进行，是否存在支出依据不合规、虚列项目支出的情况，是否存在超标准开支情况。',
 '合同、原始凭证', 3, true, true, 1, null, null, null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 4, '政府采购规范性', '规范',
 '考察政府采购申请规范性、政府采购计划备案规范性、信息发布规范及及时性、采购流程规范性等，反映政府采购的合规性。',
 '政府采购相关制度文件、中标通知书、合同、协议等', 2, true, true, 10, null, null, null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 5, '工程管理规范性', '规范',
 '考察项目在实施过程中有无发生工程变更，变更情况是否合理；实际发生风险能否有效控制能力；管理部门是否定期检查项目实际质量与预期质量存在的差距；资产产权是否明确，资产转移有无相应记录。 风险事件是指直接导致生命、财产等损害的偶发事件，它可能引起项目预算、质量、里程碑进度发生重大偏差、人身伤亡或造成社会负面影响等。',
 '项目管理制度文件、项目合同、协议、备忘录、项目管理日志、项目单位提供的其他相关文件', null, true, false, null, null, null, null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 6, '可行性研究充分性', '充分',
 '考察项目实施前期是否经过充分的可行性研究、论证。',
 '可行性研究方案、专家论证报告', 1, true, true, 11, '可行研究充分性', null, null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 7, '业务运维体系健全性', '健全',
 '考察信息工程及维护类项目的业务运维体系健全情况。',
 '可行性研究文件、项目管理文件、项目合同、协议等', 1, true, true, 14, null, null, null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 8, '配套设施到位率', '100%',
 '考察项目顺利实施，相关配套设施的需求情况，以及该需求的落实、到位情况；要求该配套设施（条件）能够按照类别、数量进行量化统计。',
 '可行性研究文件、项目管理文件等', 1, true, true, 8, null, '=100%', null),
('SUZHOU_2017', '信息化工程及维护类', '投入', 9, '资金节约率', '15%及其以下',
 '考察中标价格与采购预算的偏差情况。',
 '项目单位提供文件', 1, true, true, 7, null, null, null),
('SUZHOU_2017', '信息化工程及维护类', '投入', null, '资产产权明确性', '资产明确', null, null, 1, false, true, 3, null, null, '工程管理规范性'),
('SUZHOU_2017', '信息化工程及维护类', '投入', null, '各级财政应承担资金到位率', '=100%', null, null, 1, false, true, 4, null, null, null),
('SUZHOU_2017', '信息化工程及维护类', '投入', null, '实际风险事件有效控制率', '=100%', null, null, 1, false, true, 9, null, null, '工程管理规范性'),
('SUZHOU_2017', '信息化工程及维护类', '投入', null, '工程变更合规性', '合规', null, null, 1, false, true, 12, null, null, '工程管理规范性'),
('SUZHOU_2017', '信息化工程及维护类', '投入', null, '与预期质量计划差距定期检查率', '=100%', null, null, 1, false, true, 13, null, null, '工程管理规范性');
