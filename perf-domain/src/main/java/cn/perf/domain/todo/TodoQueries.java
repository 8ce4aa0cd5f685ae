package cn.perf.domain.todo;

import cn.perf.domain.declaration.DeclarationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Read-model port of the 待办 page; implemented by perf-persistence in a few statements, whatever the scope. */
public interface TodoQueries {

    /**
     * Declarations in one of {@code statuses} of the units {@code unitIds}, or (when {@code region} is not null) of
     * every unit of that region; oldest status change first, at most {@code limit}.
     */
    List<WaitingDeclaration> declarations(Collection<Long> unitIds, String region,
                                          Collection<DeclarationStatus> statuses, int limit);

    /** How many there are (the same filter, no limit). */
    long count(Collection<Long> unitIds, String region, Collection<DeclarationStatus> statuses);

    /** The same filter, counted per unit (a reviewer's overview), by unit name. */
    List<UnitCount> countByUnit(Collection<Long> unitIds, String region, Collection<DeclarationStatus> statuses);

    /** A declaration's unit and project name (who to tell, and what about). */
    java.util.Optional<DeclarationOwner> owner(Long declarationId);

    /**
     * The same filter, counted per 主管部门 (a finance bureau's overview): a 预算单位's declarations count for its
     * department, a department's own for itself; by department name.
     */
    List<UnitCount> countByDepartment(Collection<Long> unitIds, String region,
                                      Collection<DeclarationStatus> statuses);

    /** Usernames of a unit's 填报人 and 单位负责人 (enabled accounts): who is told of a review outcome. */
    List<String> filersOf(Long unitId);

    /** Deadlines of a region, for several years at once. */
    List<Deadline> deadlines(Collection<String> regions, Collection<Integer> years);

    /** A declaration that waits for someone. */
    record WaitingDeclaration(Long id, String projectName, Long unitId, String unitName, String region, int year,
                              DeclarationStatus status, Instant statusChangedAt, String reviewComment) {
    }

    record Deadline(String region, int year, Stage stage, LocalDate dueOn) {
    }

    record UnitCount(Long unitId, String unitName, long count) {
    }

    record DeclarationOwner(Long declarationId, Long unitId, String projectName) {
    }
}
