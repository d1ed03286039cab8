package org.domicile.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The browsers of one test: opened on demand (a test may need two people at once), a screenshot
 * and the page source of each saved under {@code target/browser-failures/} when the test fails,
 * all closed after it. Register as an instance field:
 * {@code @RegisterExtension final Browsers browsers = new Browsers();}
 */
public final class Browsers implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler,
        AfterEachCallback {

    private final List<Browser> open = new ArrayList<>();

    /** A fresh browser, with no cookies, on the shared test server. */
    public Browser open(String name) {
        RunningServer server = RunningServer.get();
        Browser browser = Browser.open(name, server.baseUrl(), server.workDir().resolve("chrome"));
        open.add(browser);
        return browser;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        saveEvidence(context);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        saveEvidence(context);
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Browser browser : open) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                System.err.println("[browser-it] could not close " + browser.name() + ": " + e);
            }
        }
        open.clear();
    }

    private void saveEvidence(ExtensionContext context) {
        Path dir = RunningServer.targetDir().resolve("browser-failures");
        String label = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        System.err.println("[browser-it] " + label + " failed; server console output: " + RunningServer.get().log());
        open.forEach(b -> b.saveEvidence(dir, label));
    }
}
