package cn.perf.web.api.scoring;

import cn.perf.domain.evaluation.ScoringPreview;
import cn.perf.web.api.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.Violation;
import cn.perf.scoring.sheet.SheetResult;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /api/v1/scoring}: the regimes in force with every parameter, and the scoring preview of a sheet that is not
 * stored — {@link ScoringPreview}, by the engine and the row reading of the stored self-evaluations, so the same sheet
 * gets the same scores, traces, subtotals, total, grade and findings as on the pages. Nothing is stored and no form is
 * read, so there is no data scope to apply; the URL rule is the evaluation pages' (the business roles).
 */
@ApiController
@RequestMapping("/api/v1/scoring")
@Tag(name = "评分", description = "评分规则与评分预览（不保存）")
class ScoringApiController {

    /** The id an inline regime gets when its parameters name none. */
    static final String INLINE_ID = "INLINE";

    private final ScoringPreview preview;
    private final MessageSource messages;

    ScoringApiController(ScoringPreview preview, MessageSource messages) {
        this.preview = preview;
        this.messages = messages;
    }

    @Operation(summary = "评分规则", description = "内置规则（SUZHOU_2017、NATIONAL_2020）与本部署配置的规则，含全部参数。")
    @GetMapping("/regimes")
    ScoringJson.Regimes regimes() {
        List<ScoringJson.Regime> rows = preview.regimes().stream().map(ScoringJson.Regime::of).toList();
        return new ScoringJson.Regimes(rows, rows.size());
    }

    @Operation(summary = "评分预览", description = "按评分规则（regimeId，或 regimeParameters 给出的参数）为一张表评分："
            + "每行的权重、得分、状态和计算过程，类别小计，预算执行率，总分，等级和发现的问题。与页面使用同一评分引擎，"
            + "结果相同；什么也不保存。内容有问题 → 422，列出全部问题。")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    ScoringJson.Result preview(@RequestBody ScoringJson.SheetBody body) {
        String inlineName = messages.getMessage("api.scoring.inlineRegime", null, LocaleContextHolder.getLocale());
        ScoringJson.Read sheet = ScoringJson.toInput(body, INLINE_ID, inlineName, messages);
        List<Violation> refused = new ArrayList<>(sheet.refused());
        SheetResult result = null;
        try {
            result = preview.score(sheet.input());
        } catch (InvalidCommandException e) {
            refused.addAll(e.violations());
        }
        if (!refused.isEmpty()) {
            // the shapes' problems and the rules' together, all at once
            throw new InvalidCommandException(refused);
        }
        return ScoringJson.Result.of(result);
    }
}
