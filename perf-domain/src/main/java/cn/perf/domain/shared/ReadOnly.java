package cn.perf.domain.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case that only reads, next to its {@code @Transactional}: its transaction is read-only. The
 * persistence side (perf-persistence, {@code ReadOnlyUseCases}) gives such a method a read-only transaction: nothing
 * it loads is watched for changes or flushed (no snapshot of each loaded row, no dirty check before every query and
 * at the commit), and PostgreSQL refuses any write in it ({@code BEGIN READ ONLY}), so a marked method that did write
 * fails instead of writing. {@code jakarta.transaction.Transactional}, which the domain uses, has no read-only flag.
 *
 * <p>Only for a method whose every path reads: a use case that writes on some path (a lazy start, a backfill) must
 * not carry it. A marked method called from within a read-write transaction joins that one and changes nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {
}
