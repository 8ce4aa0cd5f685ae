package cn.perf.web.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perf.domain.declaration.DeclarationFiling;
import cn.perf.domain.evaluation.EvaluationFiling;
import cn.perf.domain.shared.ReadOnly;
import cn.perf.domain.todo.Inbox;
import jakarta.transaction.Transactional;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The domain's {@link ReadOnly} use cases run in read-only transactions (perf-persistence's ReadOnlyUseCases): the
 * application's transaction interceptor makes a marked {@code jakarta.transaction.Transactional} method read-only,
 * PostgreSQL then refuses a write in it, and an unmarked one stays read-write.
 */
class ReadOnlyUseCasesTest extends DeclarationPageSupport {

    @Autowired
    TransactionInterceptor transactions;
    @Autowired
    JdbcTemplate jdbc;

    /** Stands for a use case: the same annotations, proxied by the application's own transaction interceptor. */
    public static class Probe {

        private JdbcTemplate jdbc;

        @Transactional
        @ReadOnly
        public boolean markedReadsReadOnly() {
            return TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        }

        @Transactional
        @ReadOnly
        public void markedWrites() {
            jdbc.update("update budget_unit set name = name where id = (select min(id) from budget_unit)");
        }

        @Transactional
        public boolean unmarkedReadsReadOnly() {
            jdbc.update("update budget_unit set name = name where id = (select min(id) from budget_unit)");
            return TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        }
    }

    @Test
    void aMarkedUseCaseRunsReadOnlyAndPostgresqlRefusesItsWrites() {
        Probe target = new Probe();
        target.jdbc = jdbc;
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvice(transactions);
        Probe probe = (Probe) factory.getProxy();

        assertThat(probe.markedReadsReadOnly()).isTrue();
        assertThatThrownBy(probe::markedWrites).isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("read-only transaction");
        assertThat(probe.unmarkedReadsReadOnly()).isFalse();
    }

    @Test
    void thePagesAndListsAreReadOnlyAndTheWritesAreNot() {
        TransactionAttributeSource source = transactions.getTransactionAttributeSource();
        assertThat(source).isNotNull();
        for (String read : new String[] {"page", "search", "forEachRow"}) {
            assertThat(readOnly(source, DeclarationFiling.class, read)).as("DeclarationFiling." + read).isTrue();
            assertThat(readOnly(source, EvaluationFiling.class, read)).as("EvaluationFiling." + read).isTrue();
        }
        assertThat(readOnly(source, Inbox.class, "recent")).isTrue();
        assertThat(readOnly(source, Inbox.class, "unread")).isTrue();
        for (String write : new String[] {"revise", "create", "submit", "copyToNextYear"}) {
            assertThat(readOnly(source, DeclarationFiling.class, write)).as("DeclarationFiling." + write).isFalse();
        }
        assertThat(readOnly(source, EvaluationFiling.class, "save")).isFalse();
        assertThat(readOnly(source, Inbox.class, "markRead")).isFalse();
    }

    private static boolean readOnly(TransactionAttributeSource source, Class<?> type, String name) {
        Method method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(type.getSimpleName() + " has no method " + name));
        var attribute = source.getTransactionAttribute(method, type);
        assertThat(attribute).as(type.getSimpleName() + "." + name + " is transactional").isNotNull();
        return attribute.isReadOnly();
    }
}
