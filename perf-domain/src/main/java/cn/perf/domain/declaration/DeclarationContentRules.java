package cn.perf.domain.declaration;

import cn.perf.domain.shared.Money;
import cn.perf.domain.shared.Texts;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a save of a 申报表 must satisfy, checked all at once before anything changes (DESIGN.md §8): lengths that
 * match the columns, names with real text in them (an emoji-only name is refused), non-negative amounts, dates in
 * order, 联系电话 digits, 子项目 names unique, and row ids and 对应子项目 keys that belong to this declaration (a forged
 * id is refused). Everything a draft may still lack (an empty 目标值, sums that do not add up) is not a violation
 * but a finding of {@link DeclarationLint}: a draft saves at any time.
 */
final class DeclarationContentRules {

    static final int NAME_MAX = 200;
    static final int SHORT_MAX = 64;
    static final int CODE_MAX = 32;
    static final int INDICATOR_NAME_MAX = 500;
    static final int TARGET_MAX = 2000;
    static final int BASIS_MAX = 1000;
    static final int MILESTONE_MAX = 2000;

    private static final Pattern PHONE = Pattern.compile("[0-9０-９+（）() \\-－转]{3,32}");

    private final List<Violation> out = new ArrayList<>();

    private DeclarationContentRules() {
    }

    /**
     * The violations of {@code c} as a save of a declaration in {@code layout} whose stored rows have the given ids.
     */
    static List<Violation> check(DeclarationContent c, FormLayout layout, Set<Long> subProjectIds,
                                 Set<Long> indicatorIds, Set<Long> milestoneIds) {
        DeclarationContentRules r = new DeclarationContentRules();
        r.header(c, layout);
        r.texts(c.texts());
        r.signOff(c.signOff());
        if (layout == FormLayout.SUZHOU) {
            r.subProjects(c, subProjectIds);
            r.fundingSources(c);
        } else {
            r.milestones(c, milestoneIds);
        }
        r.indicators(c, layout, indicatorIds);
        return r.out;
    }

    private void header(DeclarationContent c, FormLayout layout) {
        name("projectName", "项目名称", c.projectName(), NAME_MAX, true);
        if (layout == FormLayout.SUZHOU) {
            text("projectType", "项目类型", c.projectType(), SHORT_MAX, true);
            text("projectAttribute", "项目属性", c.projectAttribute(), SHORT_MAX, false);
            text("contactPerson", "联系人", c.contactPerson(), SHORT_MAX, false);
        } else {
            if (c.projectAttribute() == null || c.projectAttribute().isBlank()) {
                add("projectAttribute", "required", "项目属性不能为空", "项目属性");
            } else if (!NationalHeader.NEW_PROJECT.equals(c.projectAttribute().strip())
                    && !NationalHeader.CONTINUING_PROJECT.equals(c.projectAttribute().strip())) {
                add("projectAttribute", "projectAttribute", "项目属性应为“新增项目”或“延续项目”");
            }
            text("competentDepartmentName", "主管部门", c.competentDepartmentName(), NAME_MAX, false);
            text("competentDepartmentCode", "主管部门编码", c.competentDepartmentCode(), CODE_MAX, false);
            text("projectUnitName", "项目单位", c.projectUnitName(), NAME_MAX, false);
            if (c.periodStart() != null && c.periodEnd() != null && c.periodEnd().isBefore(c.periodStart())) {
                add("periodEnd", "dateOrder", "结束日期早于开始日期", "项目起止时间");
            }
        }
        text("projectLeader", "项目负责人", c.projectLeader(), SHORT_MAX, false);
        String phone = c.contactPhone();
        if (phone != null && !phone.isBlank()) {
            if (phone.strip().length() > CODE_MAX) {
                add("contactPhone", "tooLong", "联系电话不能超过 32 个字", "联系电话", CODE_MAX, phone.strip().length());
            } else if (!PHONE.matcher(phone.strip()).matches()) {
                add("contactPhone", "phone", "联系电话只能包含数字、区号分隔符“-”和“转”");
            }
        }
    }

    private void texts(DeclarationTexts t) {
        block("texts.overview", "项目概况", t.overview());
        block("texts.establishmentBasis", "立项依据", t.establishmentBasis());
        block("texts.necessity", "项目设立的必要性", t.necessity());
        block("texts.safeguards", "保证项目实施的制度、措施", t.safeguards());
        block("texts.implementationPlan", "项目实施计划", t.implementationPlan());
        block("texts.overallGoal", "项目总目标", t.overallGoal());
        block("texts.annualGoal", "年度绩效目标", t.annualGoal());
        block("texts.otherIssues", "需要说明的其它问题", t.otherIssues());
        block("texts.unitFunctions", "项目单位职能概述", t.unitFunctions());
        block("texts.feasibility", "项目申报的可行性", t.feasibility());
        block("texts.departmentOpinion", "预算部门审核意见", t.departmentOpinion());
    }

    private void signOff(SignOff s) {
        text("signOff.unitLeader", "单位负责人", s.unitLeader(), SHORT_MAX, false);
        text("signOff.preparer", "填报人", s.preparer(), SHORT_MAX, false);
    }

    private void subProjects(DeclarationContent c, Set<Long> storedIds) {
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < c.subProjects().size(); i++) {
            DeclarationContent.SubProjectRow s = c.subProjects().get(i);
            String path = "subProjects[" + i + "]";
            if (s.id() != null && (!storedIds.contains(s.id()) || !ids.add(s.id()))) {
                add(path + ".name", "forgedRow", "这一行不属于本申报表，请刷新页面后重试");
            }
            if (s.key() != null && !keys.add(s.key())) {
                add(path + ".name", "forgedRow", "这一行不属于本申报表，请刷新页面后重试");
            }
            if (name(path + ".name", "子项目名称", s.name(), NAME_MAX, true)
                    && !names.add(s.name().strip())) {
                add(path + ".name", "duplicateSubProject", "子项目“" + s.name().strip() + "”重复", s.name().strip());
            }
            money(path + ".amount", "预算金额", s.amount());
        }
    }

    private void fundingSources(DeclarationContent c) {
        EnumSet<FundingSourceKind> seen = EnumSet.noneOf(FundingSourceKind.class);
        for (int i = 0; i < c.fundingSources().size(); i++) {
            DeclarationContent.FundingRow f = c.fundingSources().get(i);
            String path = "fundingSources[" + i + "]";
            if (!seen.add(f.kind())) {
                add(path + ".kind", "forgedRow", "这一行不属于本申报表，请刷新页面后重试");
            }
            money(path + ".totalInvestment", "项目投资总额", f.totalInvestment());
            money(path + ".priorYear", "上年度资金", f.priorYear());
            money(path + ".currentYear", "本年度计划数", f.currentYear());
        }
        if (seen.size() != FundingSourceKind.values().length) {
            add("fundingSources", "fundingRows", "项目资金来源应恰好包含上级、市级、下级财政资金和其他四行");
        }
    }

    private void milestones(DeclarationContent c, Set<Long> storedIds) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < c.milestones().size(); i++) {
            DeclarationContent.MilestoneRow m = c.milestones().get(i);
            String path = "milestones[" + i + "]";
            if (m.id() != null && (!storedIds.contains(m.id()) || !ids.add(m.id()))) {
                add(path + ".content", "forgedRow", "这一行不属于本申报表，请刷新页面后重试");
            }
            text(path + ".content", "项目实施内容", m.content(), MILESTONE_MAX, true);
            if (m.startOn() != null && m.endOn() != null && m.endOn().isBefore(m.startOn())) {
                add(path + ".endOn", "dateOrder", "完成时间早于开始时间", "实施进度");
            }
        }
    }

    private void indicators(DeclarationContent c, FormLayout layout, Set<Long> storedIds) {
        Set<String> keys = new HashSet<>();
        c.subProjects().forEach(s -> {
            if (s.key() != null) {
                keys.add(s.key());
            }
        });
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < c.indicators().size(); i++) {
            DeclarationContent.IndicatorRow row = c.indicators().get(i);
            String path = "indicators[" + i + "]";
            if (row.id() != null && (!storedIds.contains(row.id()) || !ids.add(row.id()))) {
                add(path + ".name", "forgedRow", "这一行不属于本申报表，请刷新页面后重试");
            }
            if (layout == FormLayout.SUZHOU && row.term() != IndicatorTerm.ANNUAL) {
                add(path + ".term", "suzhouAnnualOnly", "苏州格式的申报表只有年度分解目标");
            }
            if (layout == FormLayout.NATIONAL && !row.subProjectKeys().isEmpty()) {
                add(path + ".subProjectKeys", "nationalNoSubProjects", "全国格式的申报表没有子项目");
            }
            Set<String> linked = new HashSet<>();
            for (String key : row.subProjectKeys()) {
                if (!keys.contains(key) || !linked.add(key)) {
                    add(path + ".subProjectKeys", "unknownSubProject", "对应子项目不是本申报表的子项目，请重新选择");
                    break;
                }
            }
            name(path + ".name", "指标名称", row.name(), INDICATOR_NAME_MAX, false);
            text(path + ".category", "指标类别", row.category(), SHORT_MAX, false);
            text(path + ".subCategory", "二级指标", row.subCategory(), SHORT_MAX, false);
            if (row.targetText().length() > TARGET_MAX) {
                add(path + ".targetText", "tooLong", "目标值不能超过 2000 个字", "目标值", TARGET_MAX,
                        row.targetText().length());
            }
            block(path + ".explanation", "指标解释", row.explanation());
            text(path + ".targetBasis", "目标值来源", row.targetBasis(), BASIS_MAX, false);
            text(path + ".measureUnit", "计量单位", row.measureUnit(), CODE_MAX, false);
            BigDecimal w = row.weight();
            if (w != null && (w.signum() < 0 || w.stripTrailingZeros().scale() > 2 || w.compareTo(BigDecimal.valueOf(10000)) >= 0)) {
                add(path + ".weight", "weight", "权重应为不小于 0 的数，最多两位小数");
            }
        }
    }

    // ------------------------------------------------------------------ field checks

    /** A name: within {@code max}, and (when filled) with at least one letter or digit. Returns whether filled and fine. */
    private boolean name(String path, String what, String value, int max, boolean required) {
        if (!text(path, what, value, max, required) || value == null || value.isBlank()) {
            return false;
        }
        if (value.codePoints().noneMatch(Character::isLetterOrDigit)) {
            add(path, "noText", what + "必须包含文字或数字", what);
            return false;
        }
        return true;
    }

    private boolean text(String path, String what, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(path, "required", what + "不能为空", what);
                return false;
            }
            return true;
        }
        int length = value.strip().length();
        if (length > max) {
            add(path, "tooLong", what + "不能超过 " + max + " 个字（现有 " + length + " 个）", what, max, length);
            return false;
        }
        return true;
    }

    private void block(String path, String what, String value) {
        if (value != null && value.length() > Texts.BLOCK_MAX) {
            add(path, "tooLong", what + "不能超过 " + Texts.BLOCK_MAX + " 个字（现有 " + value.length() + " 个）", what,
                    Texts.BLOCK_MAX, value.length());
        }
    }

    private void money(String path, String what, Money m) {
        if (m != null && m.isNegative()) {
            add(path, "negative", what + "不能为负数", what);
        }
    }

    private void add(String path, String code, String message, Object... args) {
        out.add(Violation.of(path, code, message, args));
    }
}
