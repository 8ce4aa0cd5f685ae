package cn.perf.scoring.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every 目标值 / 指标值 / 实际完成值 printed in the four seed forms (/work/shared/seeds), extracted by hand, with what a
 * reader would say it means. Columns: seed | indicator | text | kind (N = quantitative, Q = qualitative) |
 * operator | value (magnitude applied) | unit (magnitude + unit) | qualitative text.
 */
class SeedTargetValuesTest {

    private final TargetValueParser parser = new TargetValueParser();

    @ParameterizedTest(name = "seed {0} {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
            000 | 预算执行率              | 100%          | N | UNSPECIFIED | 100     | %  | ~
            000 | 专款专用率              | 100%          | N | UNSPECIFIED | 100     | %  | ~
            000 | 财务制度健全性          | 健全          | Q | ~ | ~ | ~ | 健全
            000 | 资金使用合规性          | 合规          | Q | ~ | ~ | ~ | 合规
            000 | 政府采购规范性          | 规范          | Q | ~ | ~ | ~ | 规范
            000 | 工程管理规范性          | 规范          | Q | ~ | ~ | ~ | 规范
            000 | 可行性研究充分性        | 充分          | Q | ~ | ~ | ~ | 充分
            000 | 业务运维体系健全性      | 健全          | Q | ~ | ~ | ~ | 健全
            000 | 配套设施到位率          | 100%          | N | UNSPECIFIED | 100     | %  | ~
            000 | 资金节约率              | 15%及其以下   | N | LE | 15      | %  | ~
            000 | 建设模块数              | =6个          | N | EQ | 6       | 个 | ~
            000 | 接口数                  | =1个          | N | EQ | 1       | 个 | ~
            000 | 验收合格率              | =100%         | N | EQ | 100     | %  | ~
            000 | 电子化考核率            | =70%          | N | EQ | 70      | %  | ~
            000 | 使用单位覆盖率          | =80%          | N | EQ | 80      | %  | ~
            000 | 系统投入使用率          | =100%         | N | EQ | 100     | %  | ~
            000 | 系统运维机制            | 健全性        | Q | ~ | ~ | ~ | 健全性
            000 | 运维巡检台账            | 每月一次      | Q | ~ | ~ | ~ | 每月一次
            000 | 年度绩效目标:电子化考核率 | ≥70%        | N | GE | 70      | %  | ~
            000 | 年度绩效目标:使用单位覆盖率 | ≥80%      | N | GE | 80      | %  | ~
            000 | 指标解释:电子化考核率   | 70%及以上     | N | GE | 70      | %  | ~
            000 | 指标解释:使用单位覆盖率 | 80%及以上     | N | GE | 80      | %  | ~
            001 | 预算执行率              | 100%          | N | UNSPECIFIED | 100     | %  | ~
            001 | 专款专用率              | 100%          | N | UNSPECIFIED | 100     | %  | ~
            001 | 财务制度健全性          | 健全          | Q | ~ | ~ | ~ | 健全
            001 | 资金使用合规性          | 合规          | Q | ~ | ~ | ~ | 合规
            001 | 政府采购规范性          | 规范          | Q | ~ | ~ | ~ | 规范
            001 | 工程管理规范性          | 规范          | Q | ~ | ~ | ~ | 规范
            001 | 可行性研究充分性        | 充分          | Q | ~ | ~ | ~ | 充分
            001 | 业务运维体系健全性      | 健全          | Q | ~ | ~ | ~ | 健全
            001 | 配套设施到位率          | 100%          | N | UNSPECIFIED | 100     | %  | ~
            001 | 资金节约率              | 15%及其以下   | N | LE | 15      | %  | ~
            001 | 系统建设模块数          | =4个          | N | EQ | 4       | 个 | ~
            001 | 信息化平台              | =1套          | N | EQ | 1       | 套 | ~
            001 | 目标完成率              | =100%         | N | EQ | 100     | %  | ~
            001 | 验收合格率              | =100%         | N | EQ | 100     | %  | ~
            001 | 用户操作手册            | =1份          | N | EQ | 1       | 份 | ~
            001 | 使用单位满意度          | =95%          | N | EQ | 95      | %  | ~
            001 | 业务系统稳定性          | 稳定          | Q | ~ | ~ | ~ | 稳定
            001 | 业务系统投诉率          | =5%           | N | EQ | 5       | %  | ~
            001 | 业务系统安全性          | 安全          | Q | ~ | ~ | ~ | 安全
            001 | 功能实现率              | =100%         | N | EQ | 100     | %  | ~
            001 | 系统覆盖率              | =100%         | N | EQ | 100     | %  | ~
            001 | 监管事项落实度          | =100%         | N | EQ | 100     | %  | ~
            001 | 后期运行维护管理制度建设 | 建立         | Q | ~ | ~ | ~ | 建立
            001 | 专职管理落实情况        | 落实          | Q | ~ | ~ | ~ | 落实
            001 | 共享机制的建立          | 建立          | Q | ~ | ~ | ~ | 建立
            001 | 使用人员培训制度        | 建立          | Q | ~ | ~ | ~ | 建立
            002 | 资金使用合规性:目标      | 合规          | Q | ~ | ~ | ~ | 合规
            002 | 资金使用合规性:实际      | 好            | Q | ~ | ~ | ~ | 好
            002 | 财务制度健全性:目标      | 健全          | Q | ~ | ~ | ~ | 健全
            002 | 资产产权明确性:目标      | 资产明确      | Q | ~ | ~ | ~ | 资产明确
            002 | 各级财政应承担资金到位率:目标 | =100%    | N | EQ | 100     | %  | ~
            002 | 预算执行率:目标          | =100%         | N | EQ | 100     | %  | ~
            002 | 预算执行率:实际          | =93%          | N | EQ | 93      | %  | ~
            002 | 资金节约率:目标          | 15%及其以下   | N | LE | 15      | %  | ~
            002 | 资金节约率:实际          | =1%           | N | EQ | 1       | %  | ~
            002 | 政府采购规范性:目标      | 规范          | Q | ~ | ~ | ~ | 规范
            002 | 政府采购规范性:实际      | =100%         | N | EQ | 100     | %  | ~
            002 | 可行研究充分性:目标      | 充分          | Q | ~ | ~ | ~ | 充分
            002 | 年内项目启动数          | =7个          | N | EQ | 7       | 个 | ~
            002 | 签名验签服务器          | =4台          | N | EQ | 4       | 台 | ~
            002 | 圈存机布点数:目标        | =805个        | N | EQ | 805     | 个 | ~
            002 | 圈存机布点数:实际        | =1000个       | N | EQ | 1000    | 个 | ~
            002 | 监管数据中心基础库建成数 | =8            | N | EQ | 8       |    | ~
            002 | 落实项目监理制数量      | =10           | N | EQ | 10      |    | ~
            002 | 业务中台通用服务能力:目标 | =6          | N | EQ | 6       |    | ~
            002 | 业务中台通用服务能力:实际 | =7          | N | EQ | 7       |    | ~
            002 | 第三方数据质量监测服务  | =40           | N | EQ | 40      |    | ~
            002 | 安全认证网关            | =2            | N | EQ | 2       |    | ~
            002 | 数据交换前置交换节点数:目标 | ≥35 个    | N | GE | 35      | 个 | ~
            002 | 数据交换前置交换节点数:实际 | =40 个    | N | EQ | 40      | 个 | ~
            002 | 业务标签信息:目标        | ≥55 个        | N | GE | 55      | 个 | ~
            002 | 业务标签信息:实际        | =106 个       | N | EQ | 106     | 个 | ~
            002 | 对接业务部门服务:目标    | ≥100 点       | N | GE | 100     | 点 | ~
            002 | 对接业务部门服务:实际    | =200 点       | N | EQ | 200     | 点 | ~
            002 | APP 下载数:目标          | ≥500000 个    | N | GE | 500000  | 个 | ~
            002 | APP 下载数:实际          | =2690000 个   | N | EQ | 2690000 | 个 | ~
            002 | 初审报告数:目标          | ≥100 份       | N | GE | 100     | 份 | ~
            002 | 初审报告数:实际          | =100 份       | N | EQ | 100     | 份 | ~
            002 | 综合监控分析项:目标      | ≥20 项        | N | GE | 20      | 项 | ~
            002 | 综合监控分析项:实际      | =20 项        | N | EQ | 20      | 项 | ~
            002 | 数据资源分析算法:目标    | ≥4 种         | N | GE | 4       | 种 | ~
            002 | 数据资源分析算法:实际    | =4 种         | N | EQ | 4       | 种 | ~
            002 | 监管数据中心对接部门数:目标 | ≥10        | N | GE | 10      |    | ~
            002 | 监管数据中心对接部门数:实际 | =16        | N | EQ | 16      |    | ~
            002 | 业务中台对接部门业务服务:目标 | ≥30      | N | GE | 30      |    | ~
            002 | 业务中台对接部门业务服务:实际 | =30      | N | EQ | 30      |    | ~
            002 | 数据库标准化水平        | 提升          | Q | ~ | ~ | ~ | 提升
            002 | 部门用户满意度:目标      | ≥95%          | N | GE | 95      | %  | ~
            002 | 部门用户满意度:实际      | =100%         | N | EQ | 100     | %  | ~
            002 | 部门沟通机制健全性      | 健全          | Q | ~ | ~ | ~ | 健全
            002 | 全市电子政务项目治理水平 | 提升          | Q | ~ | ~ | ~ | 提升
            003 | 未来2年上报案件量        | 140000        | N | UNSPECIFIED | 140000  |    | ~
            003 | 未来2年案件处置数量      | 126000        | N | UNSPECIFIED | 126000  |    | ~
            003 | 2年后案件上报处置率      | ≥90%          | N | GE | 90      | %  | ~
            003 | 未来2年财政支出成本      | <700万        | N | LT | 7000000 | 万 | ~
            003 | 助力经济发展            | 提升城市形象，促进新动能转换，促进经济发展 | Q | ~ | ~ | ~ | 提升城市形象，促进新动能转换，促进经济发展
            003 | 提供更多就业机会        | 提供78个就业机会 | Q | ~ | ~ | ~ | 提供78个就业机会
            003 | 实现高新区绿色发展      | 采集上报城市管理问题 | Q | ~ | ~ | ~ | 采集上报城市管理问题
            003 | 巩固创城成果(长期)      | 达到文明城市创建对数字城管的要求，该项不区分 | Q | ~ | ~ | ~ | 达到文明城市创建对数字城管的要求，该项不区分
            003 | 上报案件量              | 70000         | N | UNSPECIFIED | 70000   |    | ~
            003 | 上报案件处置数量        | 59500         | N | UNSPECIFIED | 59500   |    | ~
            003 | 案件上报处置率          | ≥85%          | N | GE | 85      | %  | ~
            003 | 财政支出                | <350万        | N | LT | 3500000 | 万 | ~
            003 | 巩固创城成果(年度)      | 显著          | Q | ~ | ~ | ~ | 显著
            """)
    void everySeedValueMeansWhatAReaderWouldSay(String seed, String indicator, String text, String kind, Operator op,
                                                String value, String unit, String words) {
        ParseResult r = parser.parse(text);
        assertThat(r.isParsed()).as("%s %s “%s”", seed, indicator, text).isTrue();
        TargetValue v = r.value().orElseThrow();
        assertThat(v.original()).isEqualTo(text);
        if (kind.equals("N")) {
            assertThat(v).isInstanceOf(TargetValue.Quantitative.class);
            TargetValue.Quantitative q = (TargetValue.Quantitative) v;
            assertThat(q.operator()).isEqualTo(op);
            assertThat(q.value()).isEqualByComparingTo(value);
            assertThat(q.unitText()).isEqualTo(unit == null ? "" : unit);
        } else {
            assertThat(v).isInstanceOf(TargetValue.Qualitative.class);
            assertThat(((TargetValue.Qualitative) v).text()).isEqualTo(words);
        }
    }
}
