package cn.perf.it.declaration;

import cn.perf.it.browser.Browser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Drives the 申报表 form page ({@code templates/declaration/form.html}) in a {@link Browser}: fields by their
 * request-parameter names ({@code projectName}, {@code indicators[3].targetText}), row tables that htmx re-renders,
 * and waits that hold on a loaded machine — every wait is on DOM state, never on time.
 *
 * <p>"htmx idle" means no element carries htmx's {@code htmx-request}, {@code htmx-swapping},
 * {@code htmx-settling} or {@code htmx-added} class: a request is in flight from the moment its trigger fires until
 * its response is swapped in and settled (the new content's buttons are wired to htmx only when it has settled).
 * A row operation is complete when the expected row is there and htmx is idle; only then is it safe to type into
 * the table again (a row response replaces the table with the values the server saw).
 *
 * <p>The application serves no {@code /favicon.ico}; Chromium asks for it on its own, so its 404 is the one console
 * error these tests allow ({@link #NO_FAVICON}).
 */
final class FormPage {

    static final By FORM = By.id("declaration-form");
    static final By SAVE = By.id("save-button");
    static final By SAVED = By.cssSelector(".alert-success[role=status]");
    /** The console error allowed: Chromium's own request for the site icon, which the application does not serve. */
    static final String NO_FAVICON = "/favicon.ico";
    private static final Pattern EDIT_PATH = Pattern.compile("/declarations/(\\d+)/edit");

    private final Browser browser;

    FormPage(Browser browser) {
        this.browser = browser;
    }

    Browser browser() {
        return browser;
    }

    static By field(String name) {
        return By.name(name);
    }

    // ------------------------------------------------------------------ waiting

    /** Waits until no htmx request is in flight, being swapped or settling. */
    void htmxIdle() {
        browser.waitUntil("htmx to be idle (no .htmx-request/-swapping/-settling/-added)", d -> Boolean.TRUE.equals(
                js(d, "return document.readyState === 'complete' && typeof htmx !== 'undefined' && "
                        + "document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
                        + " === null")));
    }

    /** Waits until the element's text contains {@code expected} (htmx idle too), and returns the text. */
    String waitForText(By locator, String expected) {
        String text = browser.waitUntil("text of " + locator + " to contain '" + expected + "'", d -> {
            String t = d.findElement(locator).getText();
            return t.contains(expected) ? t : null;
        });
        htmxIdle();
        return text;
    }

    // ------------------------------------------------------------------ reading fields

    /** The current value of the field named {@code name} (a text input, a textarea, a single select). */
    String value(String name) {
        return browser.waitUntil("the value of " + name, d -> d.findElement(field(name)).getDomProperty("value"));
    }

    /** The visible texts of the selected options of the (multi-)select named {@code name}. */
    List<String> selectedTexts(String name) {
        return browser.waitUntil("the selected options of " + name, d -> {
            List<String> out = new ArrayList<>();
            for (WebElement o : new Select(d.findElement(field(name))).getAllSelectedOptions()) {
                out.add(o.getText().strip());
            }
            return out;
        });
    }

    /** Row numbers printed in the first cell of each row of the table body {@code tbodySelector}. */
    List<String> rowNumbers(String tbodySelector) {
        return browser.waitUntil("row numbers of " + tbodySelector, d -> d.findElements(
                By.cssSelector(tbodySelector + " > tr > td:first-child")).stream().map(e -> e.getText().strip())
                .toList());
    }

    /** The ids of the rows ({@code row-indicators-3} …) of the table body {@code tbodySelector}, in order. */
    List<String> rowIds(String tbodySelector) {
        return browser.waitUntil("rows of " + tbodySelector, d -> d.findElements(
                By.cssSelector(tbodySelector + " > tr")).stream().map(e -> e.getDomAttribute("id")).toList());
    }

    // ------------------------------------------------------------------ typing and choosing

    /** Types {@code text} into the field named {@code name} (nothing when blank and the field is empty). */
    void type(String name, String text) {
        String t = text == null ? "" : text;
        scrollToCenter(field(name));
        browser.type(field(name), t);
    }

    /** Types, then leaves the field with TAB so that its {@code change} event fires (the live checks run). */
    void typeAndLeave(String name, String text) {
        type(name, text);
        browser.waitUntil("leaving " + name, d -> {
            d.findElement(field(name)).sendKeys(Keys.TAB);
            return Boolean.TRUE;
        });
    }

    /** Chooses the option of the single select named {@code name} whose value is {@code value}. */
    void selectValue(String name, String value) {
        scrollToCenter(field(name));
        browser.waitUntil("choosing value '" + value + "' in " + name, d -> {
            Select s = new Select(d.findElement(field(name)));
            s.selectByValue(value);
            return Objects.equals(d.findElement(field(name)).getDomProperty("value"), value) ? Boolean.TRUE : null;
        });
    }

    /** Chooses the option of the single select named {@code name} whose visible text is {@code text}. */
    void selectText(String name, String text) {
        scrollToCenter(field(name));
        browser.waitUntil("choosing '" + text + "' in " + name, d -> {
            Select s = new Select(d.findElement(field(name)));
            s.selectByVisibleText(text);
            return text.equals(s.getFirstSelectedOption().getText().strip()) ? Boolean.TRUE : null;
        });
    }

    /** Selects exactly the options of the multi-select named {@code name} whose visible texts are {@code texts}. */
    void multiSelect(String name, List<String> texts) {
        scrollToCenter(field(name));
        browser.waitUntil("choosing " + texts + " in " + name, d -> {
            Select s = new Select(d.findElement(field(name)));
            for (WebElement o : s.getOptions()) {
                boolean wanted = texts.contains(o.getText().strip());
                if (o.isSelected() != wanted) {
                    o.click(); // in a multiple select a click toggles the option (WebDriver's element click)
                }
            }
            List<String> now = s.getAllSelectedOptions().stream().map(o -> o.getText().strip()).toList();
            return now.size() == texts.size() && now.containsAll(texts) ? Boolean.TRUE : null;
        });
    }

    /** Clicks the radio button named {@code name} with value {@code value}. */
    void choose(String name, String value) {
        By radio = By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']");
        clickInPlace(radio);
        browser.waitUntil("radio " + name + "=" + value + " checked",
                d -> d.findElement(radio).isSelected() ? Boolean.TRUE : null);
    }

    // ------------------------------------------------------------------ clicking

    /**
     * Clicks {@code target} where it is: scrolled (instantly: Bootstrap makes scrolling smooth, and a click aimed
     * at a moving element lands elsewhere) to the middle of the window, so that neither the sticky top bar nor the
     * sticky action bar covers it. The click counts only when the element itself received it (a one-time listener
     * records a token); a click that landed elsewhere or was intercepted did not happen and is retried.
     */
    void clickInPlace(By target) {
        browser.waitUntil("clicking " + target, d -> {
            WebElement e = d.findElement(target);
            String token = UUID.randomUUID().toString();
            js(d, "const el = arguments[0], token = arguments[1];"
                    + " el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});"
                    + " el.addEventListener('click', () => { window.__perfClicked = token; }, {once: true});",
                    e, token);
            if (!e.isDisplayed() || !e.isEnabled()) {
                return null;
            }
            try {
                e.click();
            } catch (ElementClickInterceptedException covered) {
                return null;
            }
            return token.equals(js(d, "return window.__perfClicked")) ? Boolean.TRUE : null;
        });
    }

    /**
     * Clicks a row button (添加一行, ↑, ↓, ×) and waits until the table has {@code rowsAfter} rows in
     * {@code tbodySelector} and htmx is idle. Returns the row ids afterwards.
     */
    List<String> rowOperation(By button, String tbodySelector, int rowsAfter) {
        htmxIdle();
        clickInPlace(button);
        browser.waitUntil(tbodySelector + " to have " + rowsAfter + " rows", d -> d.findElements(
                By.cssSelector(tbodySelector + " > tr")).size() == rowsAfter ? Boolean.TRUE : null);
        htmxIdle();
        return rowIds(tbodySelector);
    }

    /**
     * Clicks 添加一行 / 添加指标 ({@code button}) and waits for the new row, the last of {@code tbodySelector};
     * returns its index in the form ({@code row-indicators-12} → 12).
     */
    int addRow(By button, String tbodySelector) {
        htmxIdle();
        int before = rowIds(tbodySelector).size();
        List<String> ids = rowOperation(button, tbodySelector, before + 1);
        String last = ids.get(ids.size() - 1);
        return Integer.parseInt(last.substring(last.lastIndexOf('-') + 1));
    }

    /** Saves the form (保存) and waits for the page after it: the edit page with 已保存 on success. */
    WebElement save(By readyWhen) {
        htmxIdle();
        scrollToCenter(SAVE);
        return browser.clickAndWait(SAVE, readyWhen);
    }

    /**
     * Saves the form (保存) expecting success: the edit page with 已保存, whose text is returned. When the page
     * comes back with messages instead, fails naming every message and the field it stands at.
     */
    String saveSuccessfully() {
        WebElement outcome = save(By.cssSelector(".alert-success[role=status], .form-errors"));
        if (outcome.getDomAttribute("class").contains("form-errors")) {
            String messages = browser.driver().findElements(By.cssSelector(".invalid-feedback")).stream()
                    .map(e -> {
                        List<WebElement> field = e.findElements(By.xpath(
                                "ancestor::*[descendant::*[@name and not(@type='hidden')]][1]"
                                        + "/descendant::*[@name and not(@type='hidden')][1]"));
                        return (field.isEmpty() ? "?" : field.get(0).getDomAttribute("name")) + ": " + e.getText();
                    }).toList().toString();
            throw new AssertionError("saving failed on " + browser.driver().getCurrentUrl() + ": "
                    + outcome.getText() + " " + messages);
        }
        return outcome.getText();
    }

    /** The id in the address {@code /declarations/{id}/edit}. */
    long idFromAddress() {
        String url = browser.driver().getCurrentUrl();
        Matcher m = EDIT_PATH.matcher(url);
        if (!m.find()) {
            throw new AssertionError("not an edit page: " + url);
        }
        return Long.parseLong(m.group(1));
    }

    // ------------------------------------------------------------------ evidence

    /** A screenshot of the whole page (the viewport made as tall as the page, then back to 1366×768). */
    Path fullPageScreenshot(String name) {
        htmxIdle();
        long height = ((Number) browser.script(
                "return Math.min(16000, Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))"))
                .longValue();
        try {
            browser.viewport(Browser.WIDTH, (int) Math.max(Browser.HEIGHT, height));
            return browser.screenshot(name);
        } finally {
            browser.desktopViewport();
        }
    }

    // ------------------------------------------------------------------ internals

    private void scrollToCenter(By target) {
        browser.waitUntil("scrolling to " + target, d -> {
            js(d, "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'})",
                    d.findElement(target));
            return Boolean.TRUE;
        });
    }

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }
}
