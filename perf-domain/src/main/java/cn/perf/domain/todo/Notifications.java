package cn.perf.domain.todo;

import java.util.List;
import java.util.Optional;

/** Repository port for {@link Notification}. */
public interface Notifications {

    Notification save(Notification notification);

    List<Notification> findTop20ByRecipientOrderByCreatedAtDescIdDesc(String recipient);

    long countByRecipientAndReadAtIsNull(String recipient);

    Optional<Notification> findByIdAndRecipient(Long id, String recipient);
}
