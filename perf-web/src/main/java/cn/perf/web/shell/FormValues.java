package cn.perf.web.shell;

import cn.perf.domain.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;

/**
 * Reads the values typed into a form page (amounts in 万元, scores, dates, text blocks): what is not a value of its
 * kind is rejected on {@code errors} with a {@code shape.*} message key (Chinese in the bundle) and read as
 * {@code null}, so nothing else is lost and every message lands beside its field. With {@code errors == null} it reads
 * leniently (for live checks of unsaved input). Shared by the declaration and self-evaluation form objects.
 */
public final class FormValues {

    private static final Pattern MONEY = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");
    private static final Pattern WEIGHT = Pattern.compile("\\d{1,4}(\\.\\d{1,2})?");
    private static final Pattern CN_DATE = Pattern.compile("(\\d{4})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?");

    private final Errors errors;

    public FormValues(Errors errors) {
        this.errors = errors;
    }

    public void reject(String path, String code) {
        if (errors != null) {
            errors.rejectValue(path, code);
        }
    }

    public Money money(String path, String text) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip().replace(",", "").replace("，", "").replace(" ", "");
        if (!MONEY.matcher(t).matches()) {
            reject(path, t.startsWith("-") ? "shape.money.negative" : "shape.money");
            return null;
        }
        return Money.ofWan(new BigDecimal(t));
    }

    /** A text block as typed (paragraphs one per line), at most 20,000 characters. */
    public String block(String path, String text) {
        if (blank(text)) {
            return null;
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n'); // as typed, one line ending
        if (lines.length() > cn.perf.domain.shared.Texts.BLOCK_MAX) {
            reject(path, "shape.blockTooLong");
            return null;
        }
        return lines;
    }

    public String shortText(String path, String text, int max) {
        if (blank(text)) {
            return null;
        }
        if (text.strip().length() > max) {
            reject(path, "shape.tooLong");
            return null;
        }
        return text;
    }

    public BigDecimal weight(String path, String text) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        if (!WEIGHT.matcher(t).matches()) {
            reject(path, "shape.weight");
            return null;
        }
        return new BigDecimal(t);
    }

    public LocalDate date(String path, String text) {
        if (blank(text)) {
            return null;
        }
        LocalDate d = parseDate(text);
        if (d == null) {
            reject(path, "shape.date");
        }
        return d;
    }

    /** An amount in 万元 as a plain number (the command's type), {@code null} when blank or not a number. */
    public BigDecimal wan(String path, String text) {
        Money m = money(path, text);
        return m == null ? null : m.wan();
    }

    /** A score (自评分, 得分): like a weight, a number with at most two decimals. */
    public BigDecimal score(String path, String text) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        if (!WEIGHT.matcher(t).matches()) {
            reject(path, "shape.score");
            return null;
        }
        return new BigDecimal(t);
    }

    /** {@code 2019-08-01}, {@code 2019年8月1日}, {@code 2019.8.1}, {@code 2019/8/1}; null when none of these. */
    public static LocalDate parseDate(String text) {
        String t = text.strip();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            Matcher m = CN_DATE.matcher(t);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException invalid) {
                    return null;
                }
            }
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
