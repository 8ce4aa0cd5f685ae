package cn.perf.reports.xlsx;

import cn.perf.domain.declaration.BasisKind;
import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationContent.FundingRow;
import cn.perf.domain.declaration.DeclarationContent.IndicatorRow;
import cn.perf.domain.declaration.DeclarationContent.MilestoneRow;
import cn.perf.domain.declaration.DeclarationContent.SubProjectRow;
import cn.perf.domain.declaration.DeclarationTexts;
import cn.perf.domain.declaration.FundingSourceKind;
import cn.perf.domain.declaration.FundsRequest;
import cn.perf.domain.declaration.IndicatorTerm;
import cn.perf.domain.declaration.NationalHeader;
import cn.perf.domain.declaration.PriorYearFunds;
import cn.perf.domain.declaration.SignOff;
import cn.perf.domain.shared.Money;
import cn.perf.domain.template.FormLayout;
import cn.perf.reports.xlsx.SheetCells.Box;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 申报表 of either layout from a sheet laid out like the official form (the export of
 * {@code DeclarationViews} + {@code XlsxRenderer}, or a copy with rows moved): every field by its printed label, the
 * tables by their header labels.
 */
final class DeclarationReading extends FormReading {

    private static final Pattern SIGN_LINE = Pattern.compile(
            "填报人[：:][\\s\\u3000]*(.*?)[\\s\\u3000]*单位负责人[：:][\\s\\u3000]*(.*?)[\\s\\u3000]*填报日期[：:][\\s\\u3000]*(.*)",
            Pattern.DOTALL);

    DeclarationReading(SheetCells cells, String title) {
        super(cells, title);
    }

    // ------------------------------------------------------------------ Suzhou (seeds 000, 001)

    ImportedDeclaration suzhou() {
        String unit = text(right("申报单位名称", "unit"));
        String projectName = text(right("项目名称", "projectName"));
        String projectType = text(right("项目类型", "projectType"));
        String attribute = text(right("项目属性", "projectAttribute"));
        Boolean procurement = yesNo(right("是否政府采购", "governmentProcurement"), "是否政府采购");
        Boolean purchased = yesNo(right("是否政府购买服务", "governmentPurchasedService"), "是否政府购买服务");
        String leader = text(right("项目负责人", "projectLeader"));
        String contact = text(right("联系人", "contactPerson"));
        String phone = text(right("联系电话", "contactPhone"));
        Integer year = year(right("项目年度", "year"), "项目年度");
        DeclarationTexts texts = DeclarationTexts.builder()
                .overview(text(right("项目概况", "texts.overview")))
                .establishmentBasis(text(right("项目设立依据（相关批文名称）", "texts.establishmentBasis")))
                .necessity(text(right("项目设立的必要性", "texts.necessity")))
                .safeguards(text(right("保证项目实施的制度、措施", "texts.safeguards")))
                .implementationPlan(text(right("项目实施计划", "texts.implementationPlan")))
                .overallGoal(text(right("项目总目标", "texts.overallGoal")))
                .annualGoal(text(right("年度绩效目标", "texts.annualGoal")))
                .otherIssues(text(right("需要说明的其它问题", "texts.otherIssues")))
                .build();
        PriorYearFunds prior = priorYearFunds();
        List<SubProjectRow> subs = subProjects();
        List<FundingRow> funding = fundingSources();
        List<IndicatorRow> indicators = suzhouTargets(subs);
        SignOff signOff = signOff(text(right("填报单位负责人：", "signOff.unitLeader")),
                text(right("填报人：", "signOff.preparer")), right("填报日期：", "signOff.filedOn"));
        DeclarationContent content = new DeclarationContent(projectName, projectType, attribute, procurement,
                purchased, leader, contact, phone, null, null, null, null, null, texts, prior, FundsRequest.NONE, subs,
                funding, indicators, List.of(), signOff);
        return new ImportedDeclaration(title, FormLayout.SUZHOU, year, unit, content, sorted(), rows);
    }

    private PriorYearFunds priorYearFunds() {
        Money budgeted = money(right("预算安排资金（万元）", "priorYearFunds.budgeted"), "预算安排资金");
        Money allocated = money(right("财政拨款资金（万元）", "priorYearFunds.allocated"), "财政拨款资金");
        Money spent = money(right("实际支出资金（万元）", "priorYearFunds.spent"), "实际支出资金");
        try {
            return new PriorYearFunds(budgeted, allocated, spent);
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.error(rows.getOrDefault("priorYearFunds.budgeted", 0), "上年度市级财政资金使用情况",
                    "negative", e.getMessage(), e.getMessage()));
            return PriorYearFunds.NONE;
        }
    }

    /** 项目资金构成: 子项目名称 and 预算金额 down to 合计. */
    private List<SubProjectRow> subProjects() {
        List<SubProjectRow> out = new ArrayList<>();
        Optional<Box> header = label("子项目名称");
        if (header.isEmpty()) {
            return out;
        }
        Box h = header.get();
        Box amountHeader = cells.rightOf(h);
        int anchor = Math.max(0, h.firstCol() - 1);
        for (int r : body(h.lastRow(), anchor, own -> false, h.firstCol(), amountHeader.firstCol())) {
            Box name = cells.at(r, h.firstCol());
            if (name.normalized().equals("合计")) {
                break;
            }
            String path = "subProjects[" + out.size() + "]";
            rows.put(path, r + 1);
            out.add(new SubProjectRow(null, "new-" + (out.size() + 1), textOrEmpty(name),
                    money(cells.at(r, amountHeader.firstCol()), "预算金额")));
        }
        return out;
    }

    /** 项目资金来源: the four rows in printed order, down to 合计. */
    private List<FundingRow> fundingSources() {
        List<FundingRow> out = new ArrayList<>();
        Optional<Box> header = label("资金来源");
        if (header.isEmpty()) {
            return out;
        }
        Box h = header.get();
        int total = column(h.firstRow(), "项目投资总额");
        int prior = column(h.firstRow(), "上年度资金");
        int current = column(h.firstRow(), "本年度计划数");
        int anchor = Math.max(0, h.firstCol() - 1);
        for (int r : body(h.lastRow(), anchor, own -> false, h.firstCol(), total, prior, current)) {
            Box kind = cells.at(r, h.firstCol());
            if (kind.normalized().equals("合计")) {
                break;
            }
            FundingSourceKind k = fundingKind(kind);
            String path = "fundingSources[" + out.size() + "]";
            rows.put(path, r + 1);
            Money a = money(cells.at(r, total), "项目投资总额");
            Money b = money(cells.at(r, prior), "上年度资金");
            Money c = money(cells.at(r, current), "本年度计划数");
            if (k != null) {
                out.add(new FundingRow(k, a, b, c));
            }
        }
        return out;
    }

    private FundingSourceKind fundingKind(Box b) {
        for (FundingSourceKind k : FundingSourceKind.values()) {
            if (SheetCells.normalize(k.label()).equals(b.normalized())) {
                return k;
            }
        }
        problems.add(ImportProblem.error(b.excelRow(), "资金来源", "fundingKind", "未知的资金来源“" + b.text().strip()
                + "”（应为上级财政资金、市级财政资金、下级财政资金或其他）", b.text().strip()));
        return null;
    }

    /** 分解目标: 类别 (merged over its rows), 对应子项目名称, 指标名称, 目标值, 指标解释, 目标值来源. */
    private List<IndicatorRow> suzhouTargets(List<SubProjectRow> subs) {
        List<IndicatorRow> out = new ArrayList<>();
        Optional<Box> header = label("对应子项目名称");
        if (header.isEmpty()) {
            return out;
        }
        int hr = header.get().firstRow();
        int category = column(hr, "类别");
        int subProjects = header.get().firstCol();
        int name = column(hr, "指标名称");
        int target = column(hr, "目标值");
        int explanation = column(hr, "指标解释");
        int basis = column(hr, "目标值来源");
        if (category < 0 || name < 0 || target < 0 || explanation < 0 || basis < 0) {
            return out;
        }
        int anchor = Math.max(0, category - 1);
        String own = SheetCells.normalize("分解目标");
        for (int r : body(header.get().lastRow(), anchor, own::equals, subProjects, name, target, explanation,
                basis)) {
            String path = "indicators[" + out.size() + "]";
            rows.put(path, r + 1);
            String targetText = textOrEmpty(cells.at(r, target));
            checkValue(r + 1, "目标值", targetText);
            out.add(new IndicatorRow(null, IndicatorTerm.ANNUAL, text(cells.at(r, category)), null,
                    subProjectKeys(cells.at(r, subProjects), r, subs), text(cells.at(r, name)), targetText, null,
                    text(cells.at(r, explanation)), text(cells.at(r, basis)), null, null, null, null));
        }
        return out;
    }

    /**
     * 对应子项目名称 as the form prints them (joined by ", "; 、，; also accepted), as keys of this file's 子项目: the
     * longest name that fits first, so a name with a comma in it still reads.
     */
    private List<String> subProjectKeys(Box b, int r, List<SubProjectRow> subs) {
        List<String> keys = new ArrayList<>();
        String rest = b.text().strip();
        List<SubProjectRow> byLength = new ArrayList<>(subs);
        byLength.sort(Comparator.comparingInt((SubProjectRow s) -> s.name().length()).reversed());
        while (!rest.isEmpty()) {
            SubProjectRow hit = null;
            for (SubProjectRow s : byLength) {
                String n = s.name().strip();
                if (!n.isEmpty() && rest.startsWith(n) && (rest.length() == n.length()
                        || ",，、;；".indexOf(rest.charAt(n.length())) >= 0)) {
                    hit = s;
                    break;
                }
            }
            if (hit != null) {
                if (!keys.contains(hit.key())) {
                    keys.add(hit.key());
                }
                rest = rest.substring(hit.name().strip().length());
            } else {
                int cut = firstSeparator(rest);
                String unknown = rest.substring(0, cut).strip();
                if (!unknown.isEmpty()) {
                    problems.add(ImportProblem.error(r + 1, "对应子项目名称", "unknownSubProject", "“" + unknown
                            + "”不是本表项目资金构成中的子项目", unknown));
                }
                rest = rest.substring(cut);
            }
            rest = rest.strip();
            while (!rest.isEmpty() && ",，、;；".indexOf(rest.charAt(0)) >= 0) {
                rest = rest.substring(1).strip();
            }
        }
        return keys;
    }

    private static int firstSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (",，、;；".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    // ------------------------------------------------------------------ national (seed 003)

    ImportedDeclaration national() {
        String unit = cells.boxes().stream().filter(b -> b.normalized().startsWith("填报单位(盖章)")).findFirst()
                .map(b -> afterColon(b.text())).orElse(null);
        Integer year = yearNote();
        String projectName = text(right("项目名称", "projectName"));
        String attribute = attribute(right("项目属性", "projectAttribute"));
        String department = text(right("主管部门", "competentDepartmentName"));
        String departmentCode = text(right("主管部门编码", "competentDepartmentCode"));
        String projectUnit = text(right("项目单位", "projectUnitName"));
        String leader = text(right("项目负责人", "projectLeader"));
        String phone = text(right("联系电话", "contactPhone"));
        LocalDate[] period = period(right("项目起止时间", "periodStart"));
        rows.put("periodEnd", rows.getOrDefault("periodStart", 0));
        FundsRequest request = fundsRequest();
        DeclarationTexts texts = DeclarationTexts.builder()
                .unitFunctions(text(right("项目单位职能概述", "texts.unitFunctions")))
                .overview(text(right("项目概况", "texts.overview")))
                .establishmentBasis(text(right("项目立项的依据", "texts.establishmentBasis")))
                .feasibility(text(right("项目申报的可行性", "texts.feasibility")))
                .overallGoal(text(below("长期目标", "texts.overallGoal")))
                .annualGoal(text(below("年度目标", "texts.annualGoal")))
                .otherIssues(text(right("其他需说明的问题", "texts.otherIssues")))
                .departmentOpinion(text(right("预算部门审核意见", "texts.departmentOpinion")))
                .build();
        List<MilestoneRow> milestones = milestones();
        List<IndicatorRow> indicators = new ArrayList<>(nationalTargets("长期绩效指标", IndicatorTerm.LONG_TERM, 0));
        indicators.addAll(nationalTargets("年度绩效指标", IndicatorTerm.ANNUAL, indicators.size()));
        SignOff signOff = nationalSignOff();
        DeclarationContent content = new DeclarationContent(projectName, null, attribute, null, null, leader, null,
                phone, department, departmentCode, projectUnit, period[0], period[1], texts, PriorYearFunds.NONE,
                request, List.of(), List.of(), indicators, milestones, signOff);
        return new ImportedDeclaration(title, FormLayout.NATIONAL, year, unit, content, sorted(), rows);
    }

    /** 项目属性 printed as ■新增项目　□延续项目 (the checked box), or typed as the word. */
    private String attribute(Box b) {
        String t = text(b);
        if (t == null) {
            return null;
        }
        String plain = SheetCells.normalize(t);
        if (plain.equals(NationalHeader.NEW_PROJECT) || plain.equals(NationalHeader.CONTINUING_PROJECT)) {
            return plain;
        }
        boolean fresh = checked(plain, NationalHeader.NEW_PROJECT);
        boolean continuing = checked(plain, NationalHeader.CONTINUING_PROJECT);
        if (fresh != continuing) {
            return fresh ? NationalHeader.NEW_PROJECT : NationalHeader.CONTINUING_PROJECT;
        }
        problems.add(ImportProblem.error(b.excelRow(), "项目属性", "attribute",
                "应勾选“新增项目”或“延续项目”中的一项（■ 表示勾选），现为“" + t + "”", t));
        return null;
    }

    private static boolean checked(String text, String word) {
        int i = text.indexOf(word);
        return i > 0 && "■☑√✔✓".indexOf(text.charAt(i - 1)) >= 0;
    }

    /** 项目起止时间: 2020年1月1日 至 2020年12月31日 (either side may be blank). */
    private LocalDate[] period(Box b) {
        String t = text(b);
        if (t == null) {
            return new LocalDate[2];
        }
        String[] parts = t.split("至|～|~|—", 2);
        LocalDate start = date(parts[0], b.excelRow(), "项目起止时间");
        LocalDate end = parts.length > 1 ? date(parts[1], b.excelRow(), "项目起止时间") : null;
        return new LocalDate[] {start, end};
    }

    /** 项目资金申请（万元）: each figure under its header (自有资金 is computed, not read). */
    private FundsRequest fundsRequest() {
        Money total = money(below("资金总额", "fundsRequest"), "资金总额");
        Money appropriation = money(below("财政拨款", "fundsRequest.fiscalAppropriation"), "财政拨款");
        Money service = money(below("1、事业收入", "fundsRequest.serviceRevenue"), "事业收入");
        Money business = money(below("2、经营性收入", "fundsRequest.businessRevenue"), "经营性收入");
        Money other = money(below("3、其他", "fundsRequest.otherRevenue"), "其他");
        try {
            return new FundsRequest(total, appropriation, service, business, other);
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.error(rows.getOrDefault("fundsRequest", 0), "项目资金申请", "negative",
                    e.getMessage(), e.getMessage()));
            return FundsRequest.NONE;
        }
    }

    /** 项目实施进度计划: 项目实施内容, 开始时间, 完成时间. */
    private List<MilestoneRow> milestones() {
        List<MilestoneRow> out = new ArrayList<>();
        Optional<Box> header = label("项目实施内容");
        if (header.isEmpty()) {
            return out;
        }
        Box h = header.get();
        int start = column(h.firstRow(), "开始时间");
        int end = column(h.firstRow(), "完成时间");
        if (start < 0 || end < 0) {
            return out;
        }
        int anchor = Math.max(0, h.firstCol() - 1);
        for (int r : body(h.lastRow(), anchor, own -> false, h.firstCol(), start, end)) {
            String path = "milestones[" + out.size() + "]";
            rows.put(path, r + 1);
            out.add(new MilestoneRow(null, text(cells.at(r, h.firstCol())), date(cells.at(r, start), "开始时间"),
                    date(cells.at(r, end), "完成时间")));
        }
        return out;
    }

    /**
     * 长期 / 年度绩效指标: 一级指标, 二级指标 (merged over their rows), 指标内容, 指标值, and under 财预〔2021〕101号
     * 计量单位, 指标解释, 指标值设定依据 (its kind on the first line, then its description).
     */
    private List<IndicatorRow> nationalTargets(String table, IndicatorTerm term, int offset) {
        List<IndicatorRow> out = new ArrayList<>();
        Optional<Box> header = label(table);
        if (header.isEmpty()) {
            return out;
        }
        Box h = header.get();
        int hr = h.firstRow();
        int level1 = column(hr, "一级指标");
        int level2 = column(hr, "二级指标");
        int name = column(hr, "指标内容");
        int value = column(hr, "指标值");
        if (level1 < 0 || level2 < 0 || name < 0 || value < 0) {
            return out;
        }
        int unit = optionalColumn(hr, "计量单位");
        int explanation = optionalColumn(hr, "指标解释");
        int basis = optionalColumn(hr, "指标值设定依据");
        for (int r : body(h.lastRow(), h.firstCol(), own -> false, name, value, unit, explanation, basis)) {
            String path = "indicators[" + (offset + out.size()) + "]";
            rows.put(path, r + 1);
            String targetText = textOrEmpty(cells.at(r, value));
            checkValue(r + 1, "指标值", targetText);
            BasisKind kind = null;
            String basisText = basis < 0 ? null : text(cells.at(r, basis));
            if (basisText != null) {
                String first = basisText.lines().findFirst().orElse("").strip();
                for (BasisKind k : BasisKind.values()) {
                    if (k.label().equals(first)) {
                        kind = k;
                        basisText = basisText.substring(basisText.indexOf(first) + first.length()).strip();
                        basisText = basisText.isEmpty() ? null : basisText;
                    }
                }
            }
            out.add(new IndicatorRow(null, term, text(cells.at(r, level1)), text(cells.at(r, level2)), List.of(),
                    text(cells.at(r, name)), targetText, null, explanation < 0 ? null : text(cells.at(r, explanation)),
                    basisText, kind, unit < 0 ? null : text(cells.at(r, unit)), null, null));
        }
        return out;
    }

    /** The line under the national form: 填报人：… 单位负责人：… 填报日期：… */
    private SignOff nationalSignOff() {
        Optional<Box> line = cells.boxes().stream().filter(b -> b.normalized().startsWith("填报人:")).findFirst();
        if (line.isEmpty()) {
            missing("填报人");
            return SignOff.EMPTY;
        }
        rows.put("signOff", line.get().excelRow());
        rows.put("signOff.preparer", line.get().excelRow());
        rows.put("signOff.unitLeader", line.get().excelRow());
        Matcher m = SIGN_LINE.matcher(line.get().text().strip());
        if (!m.matches()) {
            missing("单位负责人");
            return SignOff.EMPTY;
        }
        return signOff(blankToNull(m.group(2)), blankToNull(m.group(1)),
                date(m.group(3).strip(), line.get().excelRow(), "填报日期"));
    }

    // ------------------------------------------------------------------ shared

    private SignOff signOff(String unitLeader, String preparer, Box filedOn) {
        return signOff(unitLeader, preparer, date(filedOn, "填报日期"));
    }

    private SignOff signOff(String unitLeader, String preparer, LocalDate filedOn) {
        try {
            return new SignOff(unitLeader, preparer, filedOn);
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.error(rows.getOrDefault("signOff.preparer", 0), "填报人", "invalid",
                    e.getMessage(), e.getMessage()));
            return new SignOff(null, null, filedOn);
        }
    }

    /** The first column of the header box reading {@code label} in row {@code r}; a blocking problem if none. */
    private int column(int r, String label) {
        Optional<Box> b = inRow(r, label);
        if (b.isEmpty()) {
            missing(label);
            return -1;
        }
        return b.get().firstCol();
    }

    /** As {@link #column}, but an absent column is no problem (-1). */
    private int optionalColumn(int r, String label) {
        return inRow(r, label).map(Box::firstCol).orElse(-1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private List<ImportProblem> sorted() {
        List<ImportProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(ImportProblem::row));
        return out;
    }
}
