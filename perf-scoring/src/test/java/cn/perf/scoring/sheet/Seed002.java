package cn.perf.scoring.sheet;

import cn.perf.scoring.funds.CityBudgetExecution;
import cn.perf.scoring.funds.CityFundsUse;
import cn.perf.scoring.funds.SubProject;
import cn.perf.scoring.funds.SubProjects;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Seed 002 (/work/shared/seeds/002_74ff42f95867ce14.txt): Suzhou 2020 自评表 电子政务项目建设资金, transcribed
 * row by row as printed (target, weight, actual, 自评分). Wrapped cells are joined (e.g. "监管数据中心基础库建成数").
 */
public final class Seed002 {

    private Seed002() {
    }

    /** The 14 投入 library weights as printed (sum 26). */
    public static final Map<String, BigDecimal> INPUT_LIBRARY = Map.ofEntries(
            Map.entry("资金使用合规性", new BigDecimal("3")), Map.entry("财务制度健全性", new BigDecimal("3")),
            Map.entry("资产产权明确性", new BigDecimal("1")), Map.entry("各级财政应承担资金到位率", new BigDecimal("1")),
            Map.entry("预算执行率", new BigDecimal("6")), Map.entry("专款专用率", new BigDecimal("3")),
            Map.entry("资金节约率", new BigDecimal("1")), Map.entry("配套设施到位率", new BigDecimal("1")),
            Map.entry("实际风险事件有效控制率", new BigDecimal("1")), Map.entry("政府采购规范性", new BigDecimal("2")),
            Map.entry("可行研究充分性", new BigDecimal("1")), Map.entry("工程变更合规性", new BigDecimal("1")),
            Map.entry("与预期质量计划差距定期检查率", new BigDecimal("1")), Map.entry("业务运维体系健全性", new BigDecimal("1")));

    /** All 38 indicator rows as printed. */
    public static List<IndicatorRow> rows() {
        return List.of(
                IndicatorRow.of("投入", "资金使用合规性", "合规", "3", "好", "3"),
                IndicatorRow.of("投入", "财务制度健全性", "健全", "3", "好", "3"),
                IndicatorRow.of("投入", "资产产权明确性", "资产明确", "1", "好", "1"),
                IndicatorRow.of("投入", "各级财政应承担资金到位率", "=100%", "1", "=100%", "1"),
                IndicatorRow.of("投入", "预算执行率", "=100%", "6", "=93%", "6"),
                IndicatorRow.of("投入", "专款专用率", "=100%", "3", "=100%", "3"),
                IndicatorRow.of("投入", "资金节约率", "15%及其以下", "1", "=1%", "1"),
                IndicatorRow.of("投入", "配套设施到位率", "=100%", "1", "=100%", "1"),
                IndicatorRow.of("投入", "实际风险事件有效控制率", "=100%", "1", "=100%", "1"),
                IndicatorRow.of("投入", "政府采购规范性", "规范", "2", "=100%", "2"),
                IndicatorRow.of("投入", "可行研究充分性", "充分", "1", "好", "1"),
                IndicatorRow.of("投入", "工程变更合规性", "合规", "1", "好", "1"),
                IndicatorRow.of("投入", "与预期质量计划差距定期检查率", "=100%", "1", "=100%", "1"),
                IndicatorRow.of("投入", "业务运维体系健全性", "健全", "1", "好", "1"),

                IndicatorRow.of("产出", "项目验收通过率", "=100%", "2.18", "=100%", "2.18"),
                IndicatorRow.of("产出", "各项目目标达成率", "=100%", "2.18", "=100%", "2.18"),
                IndicatorRow.of("产出", "项目建设管理规范", "规范", "2.18", "规范", "2.18"),
                IndicatorRow.of("产出", "年内项目启动数", "=7个", "2.18", "=7个", "2.18"),
                IndicatorRow.of("产出", "签名验签服务器", "=4台", "2.18", "=4台", "2.18"),
                IndicatorRow.of("产出", "圈存机布点数", "=805个", "2.18", "=1000个", "2.18"),
                IndicatorRow.of("产出", "监管数据中心基础库建成数", "=8", "2.18", "=8", "2.18"),
                IndicatorRow.of("产出", "落实项目监理制数量", "=10", "2.18", "=10", "2.18"),
                IndicatorRow.of("产出", "业务中台通用服务能力", "=6", "2.18", "=7", "2.18"),
                IndicatorRow.of("产出", "提供数据质量的第三方数据质量监测服务", "=40", "2.18", "=40", "2.18"),
                IndicatorRow.of("产出", "安全认证网关", "=2", "2.2", "=2", "2.2"),

                IndicatorRow.of("结果", "数据交换前置交换节点数", "≥35 个", "2.44", "=40 个", "2.44"),
                IndicatorRow.of("结果", "业务标签信息", "≥55 个", "2.44", "=106 个", "2.44"),
                IndicatorRow.of("结果", "对接业务部门服务", "≥100 点", "2.44", "=200 点", "2.44"),
                IndicatorRow.of("结果", "APP 下载数", "≥500000 个", "2.44", "=2690000 个", "2.44"),
                IndicatorRow.of("结果", "架构治理服务提交电子政务项目初审报告数", "≥100 份", "2.44", "=100 份", "2.44"),
                IndicatorRow.of("结果", "数据中台综合监控分析项", "≥20 项", "2.44", "=20 项", "2.44"),
                IndicatorRow.of("结果", "数据资源分析算数据资源分析算法", "≥4 种", "2.44", "=4 种", "2.44"),
                IndicatorRow.of("结果", "监管数据中心对接部门数", "≥10", "2.44", "=16", "2.44"),
                IndicatorRow.of("结果", "业务中台需要对接部门业务服务", "≥30", "2.48", "=30", "2.48"),

                IndicatorRow.of("影响力", "数据库标准化水平", "提升", "2", "提升", "2"),
                IndicatorRow.of("影响力", "部门用户满意度", "≥95%", "2", "=100%", "2"),
                IndicatorRow.of("影响力", "部门沟通机制健全性", "健全", "2", "健全", "2"),
                IndicatorRow.of("影响力", "全市电子政务项目治理水平", "提升", "2", "提升", "2"));
    }

    /** The 13 sub-projects, 合计 3773. */
    public static SubProjects subProjects() {
        return new SubProjects(List.of(
                sp("苏州市“互联网+监管”监管数据中心", "98"), sp("互联网+公共服务(燃气缴费)项目", "197"),
                sp("苏州城市服务总入口项目", "879"), sp("苏州市级政务云业务中台项目", "360"),
                sp("苏州市级政务云数据中台项目", "570"), sp("苏州市级政务云业务索引应用项目", "198"),
                sp("苏州市电子政务架构治理及绩效管理服务项目", "60"), sp("苏州市市级数据库平台标准化治理项目", "360"),
                sp("苏州大数据共享协同综合服务项目", "64"), sp("苏州市电子政务外网电子认证管控服务平台", "232"),
                sp("苏州市政务云资源管理可视化平台", "200"), sp("监理服务", "153"), sp("2019年项目尾款", "402")),
                new BigDecimal("3773"));
    }

    /** The whole sheet as printed. */
    public static Sheet sheet() {
        return Sheet.builder("电子政务项目建设资金（2020，苏州市信息中心）", "SUZHOU_2017")
                .category("投入", "26").category("产出", "24").category("结果", "22").category("影响力", "8")
                .rows(rows())
                .cityBudget(new CityBudgetExecution(new BigDecimal("3773.00"), new BigDecimal("0.00"),
                        new BigDecimal("3773.00"), new BigDecimal("0.00")))
                .cityFundsUse(new CityFundsUse(new BigDecimal("3773.00"), new BigDecimal("3513.00"),
                        new BigDecimal("260.00"), new BigDecimal("0.00"), new BigDecimal("0.00")))
                .subProjects(subProjects())
                .recordedTotal("80")
                .build();
    }

    private static SubProject sp(String name, String amount) {
        return new SubProject(name, new BigDecimal(amount));
    }
}
