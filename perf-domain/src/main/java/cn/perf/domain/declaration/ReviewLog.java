package cn.perf.domain.declaration;

import cn.perf.domain.account.AccountDirectory;
import cn.perf.domain.account.AccountProfile;
import cn.perf.domain.shared.DomainEvent;
import cn.perf.domain.shared.DomainEventPublisher;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes a declaration's review history ({@link ReviewStep}: who, with display name and unit as they are now, when,
 * what) and publishes the workflow's {@link DomainEvent}s, inside the caller's transaction. Used by the use cases
 * only ({@link DeclarationFiling}, {@link DeclarationReview}).
 */
@Named
public class ReviewLog {

    private final ReviewSteps steps;
    private final AccountDirectory accounts;
    private final DomainEventPublisher events;

    public ReviewLog(ReviewSteps steps, AccountDirectory accounts, DomainEventPublisher events) {
        this.steps = steps;
        this.accounts = accounts;
        this.events = events;
    }

    /** One history row. */
    public ReviewStep step(Long declarationId, ReviewAction action, FinanceGrade grade, String comment,
                           DeclarationStatus from, DeclarationStatus to, String username, Instant at) {
        Optional<AccountProfile> who = accounts.profile(username);
        return steps.save(new ReviewStep(declarationId, action, grade, comment, from, to, username,
                who.map(AccountProfile::displayName).orElse(null), who.map(AccountProfile::unitName).orElse(null),
                at));
    }

    public void publish(DomainEvent event) {
        events.publish(event);
    }
}
