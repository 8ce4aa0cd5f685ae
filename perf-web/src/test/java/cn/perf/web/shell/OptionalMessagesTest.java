package cn.perf.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class OptionalMessagesTest {

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aMessageThatExistsInTheRequestsLocaleAndNullForOneThatDoesNot() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("field.overview.suzhou", Locale.SIMPLIFIED_CHINESE, "项目概况");
        source.addMessage("field.overview.suzhou", Locale.ENGLISH, "Overview");
        source.addMessage("violation.tooLong", Locale.SIMPLIFIED_CHINESE, "{0}不能超过{1}个字");
        OptionalMessages messages = new OptionalMessages(source);

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(messages.orNull("field.overview.suzhou")).isEqualTo("项目概况");
        assertThat(messages.orNull("field.overview.national")).isNull();
        assertThat(messages.orNull("violation.tooLong", new Object[] {"项目名称", 200})).isEqualTo("项目名称不能超过200个字");
        assertThat(messages.orNull("violation.unknown", new Object[] {"x"})).isNull();

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(messages.orNull("field.overview.suzhou")).isEqualTo("Overview");
    }
}
