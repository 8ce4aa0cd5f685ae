package cn.perf.persistence.todo;

import cn.perf.domain.todo.FilingDeadline;
import cn.perf.domain.todo.FilingDeadlines;
import org.springframework.data.repository.Repository;

/** Spring Data implementation of the {@link FilingDeadlines} port. */
interface JpaFilingDeadlines extends FilingDeadlines, Repository<FilingDeadline, Long> {
}
