package cn.perf.web.imports;

import cn.perf.domain.declaration.DeclarationContent;
import cn.perf.domain.declaration.DeclarationDiff;
import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.declaration.DeclarationListRow;
import cn.perf.domain.declaration.DeclarationPage;
import cn.perf.domain.declaration.DeclarationSearch;
import cn.perf.domain.declaration.DeclarationStatus;
import cn.perf.domain.declaration.NewDeclaration;
import cn.perf.domain.evaluation.EvaluationCommands.RecordEvaluation;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.evaluation.EvaluationListRow;
import cn.perf.domain.evaluation.EvaluationPage;
import cn.perf.domain.evaluation.EvaluationSearch;
import cn.perf.domain.evaluation.EvaluationStatus;
import cn.perf.domain.evaluation.ScoreBoard;
import cn.perf.domain.imports.ImportFiling;
import cn.perf.domain.imports.ImportKind;
import cn.perf.domain.imports.PendingImport;
import cn.perf.domain.scope.Scope;
import cn.perf.domain.scope.Viewer;
import cn.perf.domain.shared.InvalidCommandException;
import cn.perf.domain.shared.StaleVersionException;
import cn.perf.domain.shared.Violation;
import cn.perf.domain.template.FormLayout;
import cn.perf.reports.xlsx.ImportProblem;
import cn.perf.reports.xlsx.ImportedDeclaration;
import cn.perf.reports.xlsx.ImportedEvaluation;
import cn.perf.reports.xlsx.ImportedForm;
import cn.perf.reports.xlsx.UploadRefused;
import cn.perf.reports.xlsx.XlsxImport;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The import pages' work, between the file reader (perf-reports) and the use cases (perf-domain): an upload is read
 * (a hostile file is refused before anything is stored) and kept by {@link ImportFiling}; its preview reads it again
 * and asks the same use cases as the pages what they would refuse ({@link DeclarationFiling#violations},
 * {@link EvaluationFiling#preview}) and what would change ({@link DeclarationDiff}); a confirmation hands the same
 * content to {@link ImportFiling}, which stores it in one transaction. No rule of its own.
 */
@Component
class ImportDesk {

    private final XlsxImport reader;
    private final ImportFiling imports;
    private final DeclarationFiling declarations;
    private final EvaluationFiling evaluations;
    private final MessageSource messages;

    ImportDesk(XlsxImport reader, ImportFiling imports, DeclarationFiling declarations, EvaluationFiling evaluations,
               MessageSource messages) {
        this.reader = reader;
        this.imports = imports;
        this.declarations = declarations;
        this.evaluations = evaluations;
        this.messages = messages;
    }

    long maxBytes() {
        return reader.maxBytes();
    }

    // ------------------------------------------------------------------ the upload page

    /** What the upload page offers the caller: units, editable drafts and self-evaluations, waiting uploads. */
    public record Choices(List<NewDeclaration.UnitChoice> units, List<DeclarationListRow> declarations,
                   List<EvaluationListRow> evaluations, List<PendingImport.Line> pending) {
    }

    Choices choices(Viewer viewer) {
        Scope scope = viewer.scope();
        List<NewDeclaration.UnitChoice> units = declarations.visibleUnits(scope).stream()
                .filter(u -> scope.canFile(u.id())).toList();
        List<DeclarationListRow> drafts = new ArrayList<>();
        for (DeclarationStatus status : DeclarationStatus.values()) {
            if (status.editable()) {
                declarations.search(scope, new DeclarationSearch(null, null, null, status, null, 0,
                        DeclarationSearch.MAX_SIZE, DeclarationSearch.Sort.UPDATED_AT, false)).rows().stream()
                        .filter(r -> scope.canFile(r.unitId())).forEach(drafts::add);
            }
        }
        List<EvaluationListRow> evaluationDrafts = evaluations.search(scope, new EvaluationSearch(null, null, null,
                EvaluationStatus.DRAFT, null, 0, EvaluationSearch.MAX_SIZE, EvaluationSearch.Sort.YEAR, false)).rows()
                .stream().filter(r -> scope.canFile(r.unitId())).toList();
        return new Choices(units, drafts, evaluationDrafts, imports.mine(scope));
    }

    /**
     * Reads the file (refusing a hostile one: {@link UploadRefused}, nothing stored), then keeps it for the caller.
     *
     * @return the waiting import's id
     */
    long upload(Viewer viewer, ImportKind kind, Long targetId, String fileName, byte[] bytes) {
        reader.read(bytes, fileName);
        return imports.stage(viewer, kind, targetId, fileName, bytes);
    }

    // ------------------------------------------------------------------ preview

    /** The preview of the caller's waiting import {@code id} (404 for anybody else's). */
    ImportPreview preview(Viewer viewer, long id) {
        return prepare(viewer, id).preview();
    }

    /** A preview and what a confirmation would send. */
    private record Prepared(ImportPreview preview, FormLayout layout, Integer year, String frameworkCode,
                            DeclarationContent content, RecordEvaluation evaluation, ImportedForm form) {
    }

    private Prepared prepare(Viewer viewer, long id) {
        Scope scope = viewer.scope();
        PendingImport p = imports.find(scope, id);
        ImportedForm form;
        try {
            form = reader.read(p.content(), p.fileName());
        } catch (UploadRefused e) {
            return new Prepared(base(p, null, null, null, e, List.of(), List.of(), null, false), null, null, null,
                    null, null, null);
        }
        return switch (p.kind()) {
            case NEW_DECLARATION -> newDeclaration(scope, p, form);
            case DECLARATION -> declaration(scope, p, form);
            case SELF_EVALUATION -> evaluation(viewer, p, form);
        };
    }

    private Prepared newDeclaration(Scope scope, PendingImport p, ImportedForm form) {
        String unit = declarations.visibleUnits(scope).stream().filter(u -> u.id().equals(p.targetId()))
                .map(NewDeclaration.UnitChoice::name).findFirst().orElse("");
        if (!(form instanceof ImportedDeclaration d)) {
            return new Prepared(base(p, form.title(), unit, null, null, List.of(), List.of(wrongKind(form)), null,
                    false), null, null, null, null, null, form);
        }
        List<ImportProblem> problems = new ArrayList<>(d.problems());
        problems.addAll(d.problemsForUnit(unit));
        DeclarationContent content = d.layout() == FormLayout.SUZHOU && d.content().projectType() != null
                ? d.withLibrary(declarations.library(FormLayout.SUZHOU, d.content().projectType())) : d.content();
        problems.addAll(d.problemsOf(declarations.violations(scope, null, d.layout(), content)));
        String framework = null;
        if (d.year() != null) {
            framework = declarations.framework(d.layout(), d.year(), null).code();
            duplicate(scope, p.targetId(), d, content).ifPresent(problems::add);
        }
        DeclarationContent empty = d.layout() == FormLayout.SUZHOU ? DeclarationContent.emptySuzhou()
                : DeclarationContent.emptyNational();
        List<ImportPreview.Change> changes = new ArrayList<>();
        changes.add(new ImportPreview.Change(label("field.year", d.layout()), null, "ADDED", null,
                d.year() == null ? null : String.valueOf(d.year())));
        changes.addAll(changes(DeclarationDiff.between(empty, content), d.layout()));
        return new Prepared(base(p, d.title(), unit, null, null, changes, sorted(problems), null, false), d.layout(),
                d.year(), framework, content, null, d);
    }

    /** The domain refuses a second 申报表 of a project for one year: said before the confirmation. */
    private Optional<ImportProblem> duplicate(Scope scope, Long unitId, ImportedDeclaration d,
                                              DeclarationContent content) {
        String name = content.projectName() == null ? null : content.projectName().strip();
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        boolean exists = declarations.search(scope, new DeclarationSearch(d.year(), unitId, null, null, name, 0,
                DeclarationSearch.MAX_SIZE, DeclarationSearch.Sort.UPDATED_AT, false)).rows().stream()
                .anyMatch(r -> r.projectName().strip().equals(name) && r.year().value() == d.year());
        return exists ? Optional.of(d.problemsOf(List.of(Violation.of("projectName", "duplicateDeclaration",
                "项目“" + name + "”的 " + d.year() + " 年度申报表已存在", name, String.valueOf(d.year())))).get(0)) : Optional.empty();
    }

    private Prepared declaration(Scope scope, PendingImport p, ImportedForm form) {
        DeclarationPage page = declarations.page(scope, p.targetId());
        String target = page.detail().projectName();
        String href = "/declarations/" + p.targetId();
        if (!(form instanceof ImportedDeclaration d)) {
            return new Prepared(base(p, form.title(), target, href, null, List.of(), List.of(wrongKind(form)), null,
                    false), null, null, null, null, null, form);
        }
        List<ImportProblem> problems = new ArrayList<>(d.problems());
        problems.addAll(d.problemsAgainst(page.detail()));
        boolean stale = page.detail().version() != p.targetVersion();
        if (!page.editable()) {
            problems.add(problem("notEditable.declaration", "该申报表当前不能修改"));
        } else if (stale) {
            problems.add(problem("stale.declaration", "上传后申报表已被修改：请重新导出、填写并上传"));
        }
        DeclarationContent content = d.onto(page.detail().content());
        if (d.layout() == page.detail().layout()) {
            problems.addAll(d.problemsOf(declarations.violations(scope, p.targetId(), d.layout(), content)));
        }
        List<ImportPreview.Change> changes = changes(DeclarationDiff.between(page.detail().content(), content),
                page.detail().layout());
        return new Prepared(base(p, d.title(), target, href, null, changes, sorted(problems), null, stale),
                d.layout(), d.year(), page.detail().frameworkCode(), content, null, d);
    }

    private Prepared evaluation(Viewer viewer, PendingImport p, ImportedForm form) {
        EvaluationPage page = evaluations.page(viewer, p.targetId());
        String target = page.detail().projectName();
        String href = "/evaluations/" + p.targetId();
        if (!(form instanceof ImportedEvaluation e)) {
            return new Prepared(base(p, form.title(), target, href, null, List.of(), List.of(wrongKind(form)), null,
                    false), null, null, null, null, null, form);
        }
        List<ImportProblem> problems = new ArrayList<>(e.problems());
        List<ImportProblem> mismatch = e.problemsAgainst(page.detail());
        problems.addAll(mismatch);
        boolean stale = page.detail().version() != p.targetVersion();
        if (!page.editable()) {
            problems.add(problem("notEditable.evaluation", "该自评表当前不能修改"));
        } else if (stale) {
            problems.add(problem("stale.evaluation", "上传后自评表已被修改：请重新导出、填写并上传"));
        }
        RecordEvaluation cmd = e.toCommand(p.targetId(), p.targetVersion());
        ImportPreview.Score score = null;
        List<ImportPreview.Change> changes = new ArrayList<>();
        if (mismatch.isEmpty()) {
            ScoreBoard board = evaluations.preview(viewer.scope(), cmd);
            problems.addAll(e.problemsOf(board.violations()));
            score = new ImportPreview.Score(board.total() == null ? null
                    : board.total().setScale(2, RoundingMode.HALF_UP).toPlainString(), board.grade(),
                    board.complete());
            e.changesFrom(page.detail()).forEach(c -> changes.add(new ImportPreview.Change(c.field(), c.item(),
                    c.before() == null ? "ADDED" : c.after() == null ? "REMOVED" : "CHANGED", c.before(),
                    c.after())));
        }
        return new Prepared(base(p, e.title(), target, href, null, changes, sorted(problems), score, stale), null,
                null, null, null, cmd, e);
    }

    // ------------------------------------------------------------------ confirm

    /** What a confirmation came to: the stored form's page, or the preview again with what was refused. */
    record Outcome(String redirect, ImportPreview preview, boolean conflict) {
    }

    /**
     * Stores the caller's import {@code id} through {@link ImportFiling} in one transaction, from {@code version} (the
     * version the preview showed); while the preview has errors nothing is tried.
     */
    Outcome confirm(Viewer viewer, long id, long version) {
        Prepared prepared = prepare(viewer, id);
        ImportPreview preview = prepared.preview();
        if (preview.blocked()) {
            return new Outcome(null, preview, false);
        }
        Scope scope = viewer.scope();
        try {
            return switch (preview.kind()) {
                case NEW_DECLARATION -> new Outcome("/declarations/" + imports.confirmNewDeclaration(scope, id,
                        version, prepared.layout(), prepared.year(), prepared.frameworkCode(), prepared.content())
                        + "/edit", null, false);
                case DECLARATION -> new Outcome("/declarations/" + imports.confirmDeclaration(scope, id, version,
                        prepared.content()) + "/edit", null, false);
                case SELF_EVALUATION -> new Outcome("/evaluations/" + imports.confirmEvaluation(scope, id, version,
                        prepared.evaluation()) + "/edit", null, false);
            };
        } catch (InvalidCommandException e) {
            List<ImportProblem> more = prepared.form() instanceof ImportedDeclaration d ? d.problemsOf(e.violations())
                    : ((ImportedEvaluation) prepared.form()).problemsOf(e.violations());
            return new Outcome(null, preview.withProblems(more, false), false);
        } catch (StaleVersionException | OptimisticLockingFailureException e) {
            return new Outcome(null, preview.withProblems(List.of(problem("stale",
                    "上传后表格已被修改，或此页面已过时：请重新打开预览，或重新导出、填写并上传")), true), true);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static ImportPreview base(PendingImport p, String title, String target, String href,
                                      UploadRefused refused, List<ImportPreview.Change> changes,
                                      List<ImportProblem> problems, ImportPreview.Score score, boolean stale) {
        return new ImportPreview(p.id(), p.kind(), p.fileName(), p.content().length, p.createdAt(), p.expiresAt(),
                p.targetVersion(), title, target, href, refused, changes, problems, score, stale);
    }

    private static ImportProblem wrongKind(ImportedForm form) {
        boolean declaration = form instanceof ImportedDeclaration;
        return new ImportProblem(0, "", "import.problem.kind." + (declaration ? "declaration" : "evaluation"),
                List.of((Object) form.title()), "文件是“" + form.title() + "”，" + (declaration ? "不能导入为自评表" : "不能导入为申报表"),
                true);
    }

    private static ImportProblem problem(String code, String message) {
        return new ImportProblem(0, "", "import.problem." + code, List.of(), message, true);
    }

    private static List<ImportProblem> sorted(List<ImportProblem> problems) {
        List<ImportProblem> out = new ArrayList<>(problems);
        out.sort(java.util.Comparator.comparingInt(ImportProblem::row));
        return out;
    }

    /** The diff's rows with their printed labels (field.* of the declaration pages, per layout). */
    private List<ImportPreview.Change> changes(DeclarationDiff diff, FormLayout layout) {
        return diff.rows().stream().map(r -> new ImportPreview.Change(label("field." + r.field(), layout), r.item(),
                r.change().name(), r.before(), r.after())).toList();
    }

    private String label(String key, FormLayout layout) {
        Locale locale = LocaleContextHolder.getLocale();
        String own = messages.getMessage(key + "." + layout.name().toLowerCase(Locale.ROOT), null, null, locale);
        if (own != null) {
            return own;
        }
        String plain = messages.getMessage(key, null, null, locale);
        return plain != null ? plain : key.substring(key.indexOf('.') + 1);
    }
}
