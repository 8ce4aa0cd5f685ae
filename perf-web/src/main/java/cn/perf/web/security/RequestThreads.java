package cn.perf.web.security;

import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The priority of Tomcat's request threads (issue 12, deadline week): {@code perf.server.request-thread-priority}
 * (environment {@code PERF_REQUEST_THREAD_PRIORITY}), a Java priority from 1 to 10, default 1.
 *
 * <p>It matters only where the JVM maps priorities to the operating system's: on Linux with
 * {@code -XX:ThreadPriorityPolicy=1} (priority 1 is nice 4, or {@code -XX:JavaPriority1_To_OSPriority=<nice>}); without
 * that flag Linux threads all run at the process's nice value and this setting changes nothing. With it, a node whose
 * cores are full gives the password-hashing lane ({@link HashingLane}, normal priority), PostgreSQL on the same machine
 * and the JVM's compiler and collector threads a larger share than any one of the dozens of runnable request threads:
 * a sign-in then waits behind fewer of them and is not refused as 系统繁忙 while the pages of the users already signed in
 * take the cores. A lower priority needs no privilege (the service user can set it); a higher one would.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

    @Bean
    TomcatProtocolHandlerCustomizer<ProtocolHandler> requestThreadPriority(
            @Value("${perf.server.request-thread-priority:1}") int priority) {
        if (priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
            throw new IllegalArgumentException("perf.server.request-thread-priority must be 1 to 10, got " + priority);
        }
        return handler -> {
            if (handler instanceof AbstractProtocol<?> protocol) {
                protocol.setThreadPriority(priority);
            }
        };
    }
}
