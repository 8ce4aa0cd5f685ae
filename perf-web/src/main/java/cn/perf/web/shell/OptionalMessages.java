package cn.perf.web.shell;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A message that may not exist, for templates: {@code ${@optionalMessages.orNull('field.' + b + '.suzhou')} ?: #{…}}.
 * Thymeleaf's {@code #messages.msgOrNull} asks the message source for the message and catches the
 * {@code NoSuchMessageException} it throws when there is none, so every miss fills an exception's stack trace: on the
 * declaration pages, once per header field and render. Asked with a default, the message source answers without one.
 */
@Component("optionalMessages")
public class OptionalMessages {

    private final MessageSource source;

    OptionalMessages(MessageSource source) {
        this.source = source;
    }

    /** The message {@code code} in the request's locale, or null when there is none. */
    public String orNull(String code) {
        return orNull(code, null);
    }

    /** As {@link #orNull(String)}, with the message's arguments. */
    public String orNull(String code, Object[] args) {
        return source.getMessage(code, args, null, LocaleContextHolder.getLocale());
    }
}
