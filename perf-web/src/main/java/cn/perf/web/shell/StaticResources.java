package cn.perf.web.shell;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The application's own static files — {@code /css/**}, {@code /js/**} and the webjars (Bootstrap, htmx) under
 * {@code /webjars/**} with version-less paths — served with content-hash names ({@code perf-3f2a….css}, written by
 * {@code @{...}} links) and cached for a year. Only these three prefixes are static: Boot's default {@code /**}
 * mapping is off ({@code spring.web.resources.add-mappings=false}), because with it every link a page renders
 * ({@code @{/declarations/form/rows}} …, hundreds on a 40-row form) was resolved against the classpath as a
 * possible static file, and misses are not cached — the edit page spent most of its time there. No
 * {@code Last-Modified}: a name changes with the content, and a file inside the jar has no time to read (Spring asked
 * the file system for it and caught a {@code FileNotFoundException} on every request of a stylesheet).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        hashed(registry, "/css/**", "classpath:/static/css/");
        hashed(registry, "/js/**", "classpath:/static/js/");
        hashed(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/")
                .addResolver(new LiteWebJarsResourceResolver());
    }

    /** {@code pattern} served from {@code location} with content-hash names, a year of caching, no Last-Modified. */
    private static ResourceChainRegistration hashed(ResourceHandlerRegistry registry, String pattern, String location) {
        return registry.addResourceHandler(pattern).addResourceLocations(location).setCacheControl(A_YEAR)
                .setUseLastModified(false).resourceChain(true).addResolver(versioned());
    }

    private static VersionResourceResolver versioned() {
        return new VersionResourceResolver().addContentVersionStrategy("/**");
    }
}
