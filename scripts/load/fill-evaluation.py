#!/usr/bin/env python3
"""Reads a self-evaluation edit page (#evaluation-form) and writes the form body a filer would post after filling it
in: every row's 实际完成值 by its target (met, short with a reason, or over-achieved; 定性 rows by grade word), the
funds blocks of the layout (Suzhou or national), the narratives and the sign-off. Usage: fill-evaluation.py page.html body.txt targets.tsv
Modelled on the filler of scripts/bench-live-score.sh."""
import sys, re, urllib.parse
from html.parser import HTMLParser

class Form(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False; self.fields = []; self.textarea = None; self.rows = []; self.cells = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'form' and a.get('id') == 'evaluation-form':
            self.inside = True
        if not self.inside:
            return
        if tag == 'input' and 'name' in a and a.get('type', 'text') not in ('submit', 'button'):
            if a.get('type') in ('checkbox', 'radio') and 'checked' not in a:
                return
            self.fields.append([a['name'], a.get('value') or ''])
        elif tag == 'textarea' and 'name' in a:
            self.textarea = [a['name'], '']; self.fields.append(self.textarea)
        elif tag == 'tr' and (a.get('id') or '').startswith('row-'):
            self.cells = []; self.rows.append(self.cells)
        elif tag == 'td' and self.cells is not None:
            self.cells.append('')
    def handle_endtag(self, tag):
        if tag == 'form' and self.inside:
            self.inside = False
        elif tag == 'textarea':
            self.textarea = None
        elif tag == 'tr':
            self.cells = None
    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        elif self.cells:
            self.cells[-1] += data.strip()

f = Form(); f.feed(open(sys.argv[1], encoding='utf-8').read())
fields = f.fields
names = {n for n, _ in fields}
layout = next((v for n, v in fields if n == 'layout'), '')
n_rows = len([n for n in names if re.fullmatch(r'rows\[\d+\]\.actual', n)])
# the rows' targets, in order: "target_text<TAB>target_kind<TAB>weight" lines (third argument, read from the database)
targets = [l.rstrip('\n').split('\t') for l in open(sys.argv[3], encoding='utf-8') if l.strip()]
if len(targets) != n_rows:
    sys.exit('%d targets for %d rows' % (len(targets), n_rows))
grades = ['好', '较好', '好'] if layout.startswith('SUZHOU') else ['达成', '部分达成', '达成']

def actual(k, row):
    target, kind = row[0], row[1]
    m = re.match(r'^[=≥≤<>＝]*\s*([0-9.]+)\s*(.*?)(及其以下|及其以上|以下|以上)?$', target)
    if kind != 'QUANTITATIVE' or not m:
        return grades[k % 3], (None if k % 3 != 1 else '部分工作受疫情影响推迟，已在下一年度加快推进。')
    n, unit = float(m.group(1)), m.group(2)
    lower = target.startswith('≤') or target.startswith('<') or (m.group(3) or '').endswith('以下')
    kind = k % 5
    if kind == 1:
        v, why = (n * 1.2, '受疫情影响，部分工作推迟，已调整实施计划，下一年度加快进度。') if lower \
            else (n * 0.93, '受疫情影响，部分工作推迟，已调整实施计划，下一年度加快进度。')
    elif kind == 2 and not lower:
        v, why = n * 1.3, '业务需求增加，超额完成，已在下一年度目标中合理测算。'
    else:
        v, why = n, None
    return ('%g' % v) + unit, why

values = {}
for k, t in enumerate(targets):
    a, why = actual(k, t)
    values['rows[%d].actual' % k] = a
    if a in ('达成', '部分达成') and len(t) > 2:   # national 定性 rows: the filer picks a score in the grade's band
        w = float(t[2])
        values['rows[%d].recordedScore' % k] = '%.2f' % (w if a == '达成' else round(w * 0.7, 2))
    if why:
        values['rows[%d].deviationReason' % k] = why
if layout.startswith('SUZHOU'):
    values.update({
        'cityBudget.initialBudget': '130', 'cityBudget.adjustment': '0', 'cityBudget.appropriated': '130',
        'cityBudget.indicatorBalance': '0', 'cityFundsUse.appropriated': '130', 'cityFundsUse.actualPaid': '120.9',
        'cityFundsUse.balance': '9.1', 'cityFundsUse.carryover': '9.1', 'cityFundsUse.recovered': '0',
        'report.implementation': '项目按计划实施，各子项目均已完成。全年召开推进会四次，建立了月度调度和季度通报制度，'
                                 '资金按合同节点拨付，未发生挪用、截留情况。系统运行稳定，全年无重大故障。',
        'report.managementResults': '建立健全了项目管理制度，落实了专人负责，做到了专款专用；通过政府采购确定承建单位，'
                                    '合同管理规范，验收资料齐全。',
        'report.problems': '个别子项目受疫情影响开工推迟，部分指标未全部完成；绩效目标设定的细化量化程度有待提高。',
        'report.suggestions': '进一步细化绩效目标，加强项目前期论证；加快预算执行进度，强化绩效运行监控。'})
    for n in names:
        if re.fullmatch(r'subProjects\[\d+\]\.actualAmount', n) or re.fullmatch(r'subProjects\[\d+\]', n):
            values[n] = '9.3'
else:
    for k, (a, b, e) in enumerate([('100', '100', '96'), ('90', '90', '87'), ('10', '10', '9'), ('0', '0', '0')]):
        values.update({'nationalFunds[%d].initialBudget' % k: a, 'nationalFunds[%d].annualBudget' % k: b,
                       'nationalFunds[%d].executed' % k: e})
    values['report.goalAchievement'] = ('全年完成数字化城市管理数据采集和坐席服务任务，案件采集、立案、派遣、结案各环节'
                                        '运转顺畅，案件按期结案率达到预期，群众满意度较上年提升。')
values.update({'signature.filer': '李四', 'signature.unitLeader': '张三', 'signature.filingDate': '2021-01-15'})
for field in fields:
    if field[0] in values:
        field[1] = values[field[0]]
if n_rows == 0 or '_csrf' not in names:
    sys.exit('no indicator rows or no _csrf field in #evaluation-form')
open(sys.argv[2], 'w', encoding='utf-8').write(urllib.parse.urlencode([(n, v) for n, v in fields]))
print('%s: %d fields, %d rows' % (layout, len(fields), n_rows))
