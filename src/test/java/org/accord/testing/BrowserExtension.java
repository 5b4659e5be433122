package org.accord.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.WebDriver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * JUnit extension behind {@link BrowserTest}: resolves {@link Browser} and {@link WebDriver} parameters of test
 * methods with a new headless Chromium pointed at the running application ({@code local.server.port}), takes a
 * screenshot when the method fails, and closes the browser after it.
 */
public class BrowserExtension implements ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = browser(context);
        return parameter.getParameter().getType() == WebDriver.class ? browser.driver() : browser;
    }

    /** The browser of the current test method, started on first use. */
    public static Browser browser(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(key(context), key -> start(context), Browser.class);
    }

    private static Browser start(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        String port = application.getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("No local.server.port: browser tests need"
                    + " @SpringBootTest(webEnvironment = RANDOM_PORT), as @BrowserTest declares");
        }
        return Browser.start("http://localhost:" + port);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Browser browser = context.getStore(NAMESPACE).get(key(context), Browser.class);
        if (browser != null) {
            try {
                browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(key(context), Browser.class);
        if (browser != null) {
            browser.close();
        }
    }

    private static String key(ExtensionContext context) {
        return context.getUniqueId();
    }
}
