package cn.perf.persistence.shared;

import cn.perf.domain.shared.ReadOnly;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.interceptor.DelegatingTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * Read-only transactions for the domain's {@link ReadOnly} use cases. Spring reads the domain's
 * {@code jakarta.transaction.Transactional}, which cannot say read-only; this wraps Spring's transaction attribute
 * source so that a method marked {@link ReadOnly} gets its {@code @Transactional} attribute with read-only set.
 * JPA then runs it as Spring's read-only transactions run: Hibernate's session in flush mode MANUAL with entities
 * loaded read-only (no snapshots, no dirty checking — on a 申报表's page that was a tenth of its work, before every
 * fetch query and at the commit), and the connection read-only, so PostgreSQL refuses a write.
 */
@Configuration(proxyBeanMethods = false)
public class ReadOnlyUseCases {

    /** Spring's bean of the transaction attributes ({@code AbstractTransactionManagementConfiguration}). */
    static final String SOURCE = "transactionAttributeSource";
    /** Spring's definition of it, kept under this name and wrapped. */
    static final String SPRINGS = "springTransactionAttributeSource";

    /**
     * Puts {@link WithReadOnly} in place of Spring's attribute source as a bean definition, before any bean exists:
     * the transaction advisor and interceptor are created early (by the auto-proxy creator, while other
     * post-processors are registered), too early for a bean post-processor to wrap the source they are given.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor readOnlyUseCasesMarker() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                if (!registry.containsBeanDefinition(SOURCE) || registry.containsBeanDefinition(SPRINGS)) {
                    return;
                }
                BeanDefinition springs = registry.getBeanDefinition(SOURCE);
                registry.removeBeanDefinition(SOURCE);
                springs.setAutowireCandidate(false);
                registry.registerBeanDefinition(SPRINGS, springs);
                RootBeanDefinition marked = new RootBeanDefinition(WithReadOnly.class);
                marked.getConstructorArgumentValues().addGenericArgumentValue(new RuntimeBeanReference(SPRINGS));
                marked.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
                registry.registerBeanDefinition(SOURCE, marked);
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            }
        };
    }

    /** The attributes of {@code delegate}, read-only for a method marked {@link ReadOnly}. */
    public static final class WithReadOnly implements TransactionAttributeSource {

        private final TransactionAttributeSource delegate;
        /** What this source answers, per method and class: Spring's attribute, or a read-only view of it. */
        private final Map<MethodClassKey, TransactionAttribute> answers = new ConcurrentHashMap<>();

        public WithReadOnly(TransactionAttributeSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean isCandidateClass(Class<?> targetClass) {
            return delegate.isCandidateClass(targetClass);
        }

        @Override
        public boolean hasTransactionAttribute(Method method, Class<?> targetClass) {
            return delegate.hasTransactionAttribute(method, targetClass);
        }

        @Override
        public TransactionAttribute getTransactionAttribute(Method method, Class<?> targetClass) {
            TransactionAttribute found = delegate.getTransactionAttribute(method, targetClass);
            if (found == null || found.isReadOnly()) {
                return found;
            }
            return answers.computeIfAbsent(new MethodClassKey(method, targetClass),
                    key -> isMarked(method, targetClass) ? readOnly(found) : found);
        }

        private static boolean isMarked(Method method, Class<?> targetClass) {
            Method specific = targetClass == null ? method : AopUtils.getMostSpecificMethod(method, targetClass);
            return AnnotatedElementUtils.hasAnnotation(specific, ReadOnly.class)
                    || AnnotatedElementUtils.hasAnnotation(method, ReadOnly.class);
        }

        private static TransactionAttribute readOnly(TransactionAttribute attribute) {
            return new DelegatingTransactionAttribute(attribute) {
                @Override
                public boolean isReadOnly() {
                    return true;
                }
            };
        }
    }
}
