package cn.perf.web.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.engine.AttributeDefinitions;

/**
 * Registers, before the first request, every attribute name the templates write, so that Thymeleaf never has to add
 * one while pages are being rendered.
 *
 * <p><b>Why.</b> Thymeleaf looks up each attribute a processor sets ({@code hx-post}, {@code aria-label},
 * {@code data-key} …: every name outside its built-in HTML list) in a repository guarded by a <em>fair</em>
 * read-write lock, and adds a name it has not seen under the write lock. Readers of a fair lock queue behind any
 * queued thread; under load (hundreds of request threads on two cores, each render of a 40-row form taking that
 * read lock hundreds of times) one name seen for the first time, say the first PDF of the day, starts a queue that
 * new readers keep joining faster than it drains. A 1,200-user Gatling run (docs/performance.md) had its request
 * threads parked there for 65,000 s in 7 minutes, load average 6 on a machine with work to do, requests timing
 * out at 60 s. With every name registered at start-up no writer ever comes, and readers of an unqueued lock never
 * wait.
 *
 * <p><b>Which names.</b> From every template under {@code classpath:templates/}: each attribute name written in the
 * markup; for each {@code th:NAME} the {@code NAME} the processor writes; and the names assigned in
 * {@code th:attr}, {@code th:attrappend} and {@code th:attrprepend}. {@code TemplateAttributeNamesTest} renders the
 * pages and checks that no name is added afterwards.
 */
@Component
class TemplateAttributeNames implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TemplateAttributeNames.class);
    /** An attribute in a start tag: its name, then {@code =} or the end of the attribute. */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "[\\s\"'](?<name>[A-Za-z_][-A-Za-z0-9_:.]*)(?=\\s*=|\\s|/?>)");
    private static final Pattern ASSIGNING = Pattern.compile(
            "th:attr(?:append|prepend)?\\s*=\\s*\"(?<value>[^\"]*)\"");
    private static final Pattern ASSIGNED = Pattern.compile("(?:^|,)\\s*(?<name>[A-Za-z_][-A-Za-z0-9_:.]*)\\s*=");
    private static final Pattern TAG = Pattern.compile("<[A-Za-z][^<>]*>", Pattern.DOTALL);

    private final ITemplateEngine engine;

    TemplateAttributeNames(ITemplateEngine engine) {
        this.engine = engine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!(engine instanceof TemplateEngine thymeleaf)) {
            return;
        }
        Set<String> names = names();
        AttributeDefinitions definitions = thymeleaf.getConfiguration().getAttributeDefinitions();
        names.forEach(definitions::forHTMLName);
        log.info("Registered {} attribute names of the templates with Thymeleaf", names.size());
    }

    /** Every attribute name the templates under {@code classpath:templates/} may write. */
    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
                try (InputStream in = r.getInputStream()) {
                    collect(new String(in.readAllBytes(), StandardCharsets.UTF_8), names);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the templates cannot be read", e);
        }
        return names;
    }

    static void collect(String template, Set<String> names) {
        Matcher tag = TAG.matcher(template);
        while (tag.find()) {
            String t = tag.group();
            Matcher a = ATTRIBUTE.matcher(t);
            while (a.find()) {
                String name = a.group("name").toLowerCase(java.util.Locale.ROOT);
                names.add(name);
                if (name.startsWith("th:")) {
                    names.add(name.substring(3));
                }
            }
            Matcher assigning = ASSIGNING.matcher(t);
            while (assigning.find()) {
                Matcher assigned = ASSIGNED.matcher(assigning.group("value"));
                while (assigned.find()) {
                    names.add(assigned.group("name").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
    }
}
