package cn.perf.persistence.project;

import cn.perf.domain.project.Project;
import cn.perf.domain.project.Projects;
import org.springframework.data.repository.Repository;

/** Spring Data implementation of the {@link Projects} port. */
interface JpaProjects extends Projects, Repository<Project, Long> {
}
