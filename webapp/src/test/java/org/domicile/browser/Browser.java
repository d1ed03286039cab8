package org.domicile.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window on the test server, with the few things a person does: open a
 * page, type into a field, press a button, read what the page says. Every wait is explicit (for
 * an element, a text or an address), so a slow page makes a test slower, not flaky.
 */
public final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final String name;
    private final String baseUrl;
    private final Path profile;
    private final Path downloads;
    private final ChromeDriver driver;

    private Browser(String name, String baseUrl, Path profile, Path downloads, ChromeDriver driver) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.downloads = downloads;
        this.driver = driver;
    }

    /** A fresh browser (own profile, no cookies) on {@code baseUrl}. */
    static Browser open(String name, String baseUrl, Path profilesDir) {
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(profilesDir), "chrome-" + name + "-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            var options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
            // Files a page answers with land in this browser's own folder, without asking.
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "download.directory_upgrade", true));
            var driver = new ChromeDriver(options);
            driver.manage().window().setSize(new Dimension(1280, 1000));
            return new Browser(name, baseUrl, profile, downloads, driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code path} (e.g. "/login.xhtml") on the server. */
    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The path of the address shown, e.g. "/code.xhtml". */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until the browser shows {@code path}, then for the page to be loaded. */
    public Browser awaitPath(String path) {
        try {
            until("address " + path, d -> path.equals(path()));
        } catch (TimeoutException e) {
            throw new AssertionError("Expected to arrive on " + path + " but the browser shows " + url()
                    + (messages().isBlank() ? "" : " saying: " + messages()), e);
        }
        until("page loaded", d -> "complete".equals(script("return document.readyState")));
        return this;
    }

    /** The element with this id, once it is on the page. */
    public WebElement element(String id) {
        return until("element #" + id, d -> {
            List<WebElement> found = d.findElements(By.id(id));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** True if an element with this id is on the page now (no wait). */
    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Types into a field as a person would, after clearing it. */
    public Browser type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Puts a value into a field at once, as pasting would: for long input, ignoring any maxlength. */
    public Browser paste(String id, String text) {
        script("arguments[0].value = arguments[1];", element(id), text);
        return this;
    }

    public Browser click(String id) {
        element(id).click();
        return this;
    }

    /**
     * Presses a button and waits for the answer, whether the page is sent again or updated in
     * place: a new page, or a message in #messages. Returns what #messages then says ("" if none).
     * The old message is wiped first, so the same message shown twice still counts as an answer.
     */
    public String submit(String buttonId) {
        WebElement button = element(buttonId);
        script("window.__beforeSubmit = true; var m = document.getElementById('messages');"
                + " if (m) { m.innerHTML = ''; }");
        button.click();
        try {
            until("an answer to " + buttonId, d -> {
                boolean newPage = !Boolean.TRUE.equals(script("return window.__beforeSubmit === true"))
                        && "complete".equals(script("return document.readyState"));
                return newPage || !messages().isBlank() ? Boolean.TRUE : null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("No answer to " + buttonId + " on " + url() + " (no new page, no message)", e);
        }
        return messages();
    }

    /** Waits until the page is loaded and no request made by the page (PrimeFaces AJAX) is running. */
    public Browser awaitQuiet() {
        until("a quiet page", d -> Boolean.TRUE.equals(script("return document.readyState === 'complete'"
                + " && (typeof jQuery === 'undefined' || jQuery.active === 0)")) ? Boolean.TRUE : null);
        return this;
    }

    /**
     * Presses a button that answers with a file (the page stays as it is), waits until the browser
     * has saved the whole file, and returns it.
     */
    public Path download(String buttonId) {
        Set<Path> before = downloaded();
        element(buttonId).click();
        try {
            return until("a file from " + buttonId, d -> {
                Set<Path> now = downloaded();
                // Chromium writes into a hidden or ".crdownload" file and renames it once complete.
                if (now.stream().map(f -> f.getFileName().toString())
                        .anyMatch(n -> n.startsWith(".") || n.endsWith(".crdownload"))) {
                    return null;
                }
                return now.stream().filter(f -> !before.contains(f)).findFirst().orElse(null);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("No file was downloaded by " + buttonId + " on " + url()
                    + (messages().isBlank() ? "" : " (the page says: " + messages() + ")"), e);
        }
    }

    private Set<Path> downloaded() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the current address again, every second, until the element with this id shows exactly
     * {@code expected}: for what the server does in the background. Returns the text shown.
     */
    public String reloadUntilText(String id, String expected, Duration within) {
        String address = url();
        Instant deadline = Instant.now().plus(within);
        while (true) {
            String shown = has(id) ? safeText(id).strip() : "(no element #" + id + ")";
            if (shown.equals(expected)) {
                return shown;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected #" + id + " on " + path() + " to show '" + expected + "' within "
                        + within.toSeconds() + " s, but it shows: " + shown);
            }
            RunningServer.pause(1000);
            driver.get(address);
            awaitQuiet();
        }
    }

    /** The visible text of the element with this id (waits for the element). */
    public String text(String id) {
        return element(id).getText();
    }

    /** Waits until the element with this id shows a text containing {@code expected}; returns its whole text. */
    public String awaitText(String id, String expected) {
        try {
            return until("text '" + expected + "' in #" + id, d -> {
                List<WebElement> found = d.findElements(By.id(id));
                if (found.isEmpty()) {
                    return null;
                }
                String text = found.get(0).getText();
                return text.contains(expected) ? text : null;
            });
        } catch (TimeoutException e) {
            String shown = has(id) ? safeText(id) : "(no element #" + id + ")";
            throw new AssertionError("Expected #" + id + " on " + path() + " to contain '" + expected
                    + "' but it shows: " + shown, e);
        }
    }

    /** What the page's message area (#messages) says now, or "" when there is none. */
    public String messages() {
        return has("messages") ? safeText("messages") : "";
    }

    /** Waits until the message area says something, and returns it. */
    public String awaitMessages() {
        return until("a message in #messages", d -> {
            String text = messages();
            return text.isBlank() ? null : text;
        });
    }

    public String source() {
        return driver.getPageSource();
    }

    public Optional<String> cookie(String cookieName) {
        return Optional.ofNullable(driver.manage().getCookieNamed(cookieName)).map(Cookie::getValue);
    }

    /**
     * Reads a page in a second tab, as a person glances at another window, and comes back to
     * the first tab without reloading it.
     */
    public <T> T inOtherTab(String path, Function<Browser, T> read) {
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            go(path);
            until("page loaded", d -> "complete".equals(script("return document.readyState")));
            return read.apply(this);
        } finally {
            driver.close();
            driver.switchTo().window(first);
        }
    }

    /** Opens {@code path} in a new tab, which becomes the current one; returns the handle of the tab left. */
    public String openTab(String path) {
        String left = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        go(path);
        return left;
    }

    /** The handle of the current tab, for {@link #toTab(String)}. */
    public String tab() {
        return driver.getWindowHandle();
    }

    public Browser toTab(String handle) {
        driver.switchTo().window(handle);
        return this;
    }

    /** Replaces this browser's cookie of that name (as someone replaying a stolen or old cookie would). */
    public Browser setCookie(String cookieName, String value) {
        driver.manage().deleteCookieNamed(cookieName);
        driver.manage().addCookie(new Cookie(cookieName, value, "/"));
        return this;
    }

    public <T> T until(String what, Function<WebDriver, T> condition) {
        var wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        wait.withMessage(() -> "waiting for " + what + " on " + driver.getCurrentUrl());
        return wait.until(condition::apply);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a screenshot and the page source as {@code <dir>/<label>-<name>.png/.html}. */
    void saveEvidence(Path dir, String label) {
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(label + "-" + name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Path html = dir.resolve(label + "-" + name + ".html");
            Files.writeString(html, "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
            System.err.println("[browser-it] " + name + " was on " + driver.getCurrentUrl() + "; saved " + png
                    + " and " + html);
        } catch (IOException | RuntimeException e) {
            System.err.println("[browser-it] could not save the page of " + name + ": " + e);
        }
    }

    private String safeText(String id) {
        try {
            return driver.findElement(By.id(id)).getText();
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            RunningServer.deleteTree(profile);
        }
    }
}
