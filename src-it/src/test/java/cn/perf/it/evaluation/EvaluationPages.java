package cn.perf.it.evaluation;

import cn.perf.it.browser.Browser;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What the 自评表 browser tests do on the evaluation pages, on top of {@link Browser}: read the live score board and
 * a row's computed cell (swapped out of band by the debounced preview, so every read waits for a DOM state), read
 * text inside a collapsed {@code <details>} (the trace), and the reviewer's panel. Row numbers {@code n} are the
 * form's 1-based 序号 ({@code #row-n}, {@code #computed-n}); the inputs are 0-based ({@code rows[n-1].actual}).
 */
final class EvaluationPages {

    /**
     * What htmx logs as console errors when the edit page's preview replaces an older one still in flight
     * ({@code hx-sync="this:replace"} aborts it: "htmx:sendAbort", then "htmx:afterRequest" of the aborted request),
     * expected while typing; a preview that fails still shows as "htmx:responseError" and a failed resource load.
     * And the favicon the app does not serve.
     */
    static final String[] EXPECTED_CONSOLE_ERRORS = {"\"htmx:sendAbort\"", "\"htmx:afterRequest\"", "/favicon.ico"};

    static final Pattern EDIT_PATH = Pattern.compile(".*/evaluations/(\\d+)/edit(?:[?#].*)?$");

    private final Browser browser;

    EvaluationPages(Browser browser) {
        this.browser = browser;
    }

    static By actual(int n) {
        return By.name("rows[" + (n - 1) + "].actual");
    }

    static By recordedScore(int n) {
        return By.name("rows[" + (n - 1) + "].recordedScore");
    }

    static By reason(int n) {
        return By.name("rows[" + (n - 1) + "].deviationReason");
    }

    static By computed(int n) {
        return By.id("computed-" + n);
    }

    static By finalScore(int n) {
        return By.cssSelector("#computed-" + n + " .final-score");
    }

    /** The id of the 自评表 whose edit page is open. */
    long evaluationIdFromEditPage() {
        String url = browser.waitUntil("the address of an evaluation's edit page",
                d -> EDIT_PATH.matcher(d.getCurrentUrl()).matches() ? d.getCurrentUrl() : null);
        Matcher m = EDIT_PATH.matcher(url);
        if (!m.matches()) {
            throw new AssertionError(url);
        }
        return Long.parseLong(m.group(1));
    }

    /** The score board's 合计 as shown now. */
    String total() {
        return browser.text(By.id("board-total")).strip();
    }

    /** Waits until the score board's 合计 is no longer {@code before}, and returns it. */
    String totalOtherThan(String before) {
        return browser.waitUntil("#board-total to change from " + before, d -> {
            String now = d.findElement(By.id("board-total")).getText().strip();
            return now.isEmpty() || now.equals(before) ? null : now;
        });
    }

    /** Waits until the element's visible text is exactly {@code expected}. */
    void waitForText(By locator, String expected) {
        browser.waitUntil(locator + " to read '" + expected + "'",
                d -> expected.equals(d.findElement(locator).getText().strip()));
    }

    /** Waits until the element's visible text contains {@code part}, and returns the text. */
    String waitForTextContaining(By locator, String part) {
        return browser.waitUntil(locator + " to contain '" + part + "'", d -> {
            String text = d.findElement(locator).getText();
            return text.contains(part) ? text : null;
        });
    }

    /** The text of an element whether displayed or not (e.g. a trace inside a collapsed {@code <details>}). */
    String textContent(By locator) {
        return browser.waitUntil("text content of " + locator, d -> Objects.toString(
                d.findElement(locator).getDomProperty("textContent"), null));
    }

    /** Waits until the text content (displayed or not) of {@code locator} contains {@code part}; returns it. */
    String waitForTextContent(By locator, String part) {
        return browser.waitUntil(locator + " to contain (text content) '" + part + "'", d -> {
            String text = d.findElement(locator).getDomProperty("textContent");
            return text != null && text.contains(part) ? text : null;
        });
    }

    /** The value an input or textarea holds now. */
    String value(By field) {
        return browser.waitUntil("the value of " + field,
                d -> Objects.toString(d.findElement(field).getDomProperty("value"), ""));
    }

    /**
     * Saves a screenshot ({@link Browser#screenshot}) with row {@code n} in the middle of the viewport and its trace
     * open, then scrolls back to the top. Scrolling is instant: the page scrolls smoothly otherwise, and a click
     * during a smooth scroll lands where the element was.
     */
    void screenshotAtRow(int n, String name) {
        browser.waitUntil("row " + n + " in the middle of the viewport with its trace open", d -> {
            WebElement row = d.findElement(By.id("row-" + n));
            browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
                    + "arguments[0].querySelectorAll('details.trace').forEach(e => e.open = true);", row);
            return Boolean.TRUE;
        });
        browser.screenshot(name);
        browser.script("window.scrollTo({top: 0, left: 0, behavior: 'instant'});");
        browser.waitUntil("the page scrolled back to the top",
                d -> Long.valueOf(0).equals(browser.script("return Math.round(window.scrollY);")));
    }

    /**
     * Waits until the read view's status badge (已提交, 审核中, 已确认 …) reads {@code expected}, and checks that it is
     * drawn on a colour of its own (a badge's text is white: on no background it cannot be read).
     */
    void waitForStatus(String expected) {
        By badge = By.cssSelector(".detail-toolbar .status-badge");
        waitForText(badge, expected);
        String background = browser.waitUntil("the badge's background colour",
                d -> d.findElement(badge).getCssValue("background-color"));
        if (background == null || background.equals("transparent") || background.matches("rgba\\(.*,\\s*0\\)")) {
            throw new AssertionError("the status badge '" + expected + "' has no background colour (" + background
                    + "): white text on the page's white");
        }
    }

    /** The reviewer's 调整评分 of row {@code n}: row chosen, score and reason typed, submitted; waits for the list. */
    void adjust(int n, String score, String reason) {
        browser.waitUntil("the row select of the adjustment form", d -> {
            WebElement e = d.findElement(By.id("adjust-position"));
            if (!e.isDisplayed() || !e.isEnabled()) {
                return null;
            }
            new Select(e).selectByValue(String.valueOf(n));
            return String.valueOf(n).equals(e.getDomProperty("value")) ? Boolean.TRUE : null;
        });
        browser.type(By.id("adjust-score"), score);
        browser.type(By.id("adjust-reason"), reason);
        browser.clickAndWait(By.id("review-adjust"), By.id("adjustments"));
    }
}
