package cn.perf.web.imports;

import cn.perf.domain.imports.ImportKind;
import cn.perf.reports.xlsx.ImportProblem;
import cn.perf.reports.xlsx.UploadRefused;
import java.time.Instant;
import java.util.List;

/**
 * What the preview page ({@code GET /imports/{id}}) shows of a waiting upload: what it is imported into, what will be
 * created or changed, and every problem at its row. Plain values; nothing here is stored.
 *
 * @param version     the target's version the upload was made against (0 for a new declaration): the confirm form
 *                    posts it back
 * @param formTitle   the title of the form read from the file, null when the file was refused
 * @param target      what the import goes into: the unit's name, or the form's project name
 * @param targetHref  the target's page, null for a unit
 * @param refused     why the whole file is refused (then nothing else is shown), or null
 * @param changes     field by field: what will be created (before empty) or changed
 * @param score       the self-evaluation's total and grade as the rules give them with the imported values, or null
 * @param stale       the target was saved by someone since the upload
 */
public record ImportPreview(long id, ImportKind kind, String fileName, int size, Instant createdAt, Instant expiresAt,
                     long version, String formTitle, String target, String targetHref, UploadRefused refused,
                     List<Change> changes, List<ImportProblem> problems, Score score, boolean stale) {

    public ImportPreview {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    /** Whether a problem (or a refusal) keeps the import from being confirmed. */
    public boolean blocked() {
        return refused != null || problems.stream().anyMatch(ImportProblem::blocking);
    }

    public long errorCount() {
        return problems.stream().filter(ImportProblem::blocking).count();
    }

    public long noticeCount() {
        return problems.stream().filter(p -> !p.blocking()).count();
    }

    /**
     * One line of what will change.
     *
     * @param field  the field as the form prints it
     * @param item   the row it belongs to (a 子项目, an indicator), or null
     * @param change {@code ADDED}, {@code REMOVED} or {@code CHANGED}
     */
    public record Change(String field, String item, String change, String before, String after) {
    }

    /** The computed total and grade of a self-evaluation with the imported values. */
    public record Score(String total, String grade, boolean complete) {
    }

    /** The same preview with more problems (what a refused confirmation reported). */
    ImportPreview withProblems(List<ImportProblem> more, boolean nowStale) {
        List<ImportProblem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new ImportPreview(id, kind, fileName, size, createdAt, expiresAt, version, formTitle, target,
                targetHref, refused, changes, all, score, stale || nowStale);
    }
}
