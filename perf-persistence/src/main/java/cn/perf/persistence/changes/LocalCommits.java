package cn.perf.persistence.changes;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * This node's own commits reach its copies at once: after a JPA transaction commits, each entity it inserted,
 * updated or deleted is passed to the {@link ChangeFeed} as {@code <table>:<id>}, on the committing thread, before
 * the request that saved goes on to answer. Without this, the page shown after a save (the next request, maybe on
 * the same node) could be served from a copy the save's notification had not yet dropped. The notification still
 * comes, and drops the copy again; that is harmless. Every entity of the application is written through JPA, and
 * the triggers cover anything written otherwise.
 */
@Component
class LocalCommits implements PostCommitInsertEventListener, PostCommitUpdateEventListener,
        PostCommitDeleteEventListener {

    private final ChangeFeed feed;

    LocalCommits(EntityManagerFactory entityManagerFactory, ChangeFeed feed) {
        this.feed = feed;
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_COMMIT_INSERT, this);
        registry.appendListeners(EventType.POST_COMMIT_UPDATE, this);
        registry.appendListeners(EventType.POST_COMMIT_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        committed(event.getPersister(), event.getId());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        committed(event.getPersister(), event.getId());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        committed(event.getPersister(), event.getId());
    }

    /** Only entities of tables that copies are kept of (the others would queue an action per row for nothing). */
    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return feed.watches(table(persister));
    }

    @Override
    public void onPostInsertCommitFailed(PostInsertEvent event) {
        // rolled back: nothing changed
    }

    @Override
    public void onPostUpdateCommitFailed(PostUpdateEvent event) {
        // rolled back: nothing changed
    }

    @Override
    public void onPostDeleteCommitFailed(PostDeleteEvent event) {
        // rolled back: nothing changed
    }

    private void committed(EntityPersister persister, Object id) {
        feed.committedHere(table(persister), String.valueOf(id));
    }

    private static String table(EntityPersister persister) {
        String table = persister.getRootTableName();
        int dot = table.lastIndexOf('.');
        return dot < 0 ? table : table.substring(dot + 1);
    }
}
