package cn.perf.persistence.todo;

import cn.perf.domain.todo.Notification;
import cn.perf.domain.todo.Notifications;
import org.springframework.data.repository.Repository;

/** Spring Data implementation of the {@link Notifications} port. */
interface JpaNotifications extends Notifications, Repository<Notification, Long> {
}
