package org.accord.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An end-to-end test in headless Chromium: the application runs on a random port with the demo city loaded and a
 * fresh database of its own (as for {@link IntegrationTest}), and each test method may declare a {@link Browser}
 * (or a plain {@link org.openqa.selenium.WebDriver}) parameter: a new browser, closed after the method. A failing
 * method leaves a screenshot in {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// A real browser carries Spring Session's cookie: these tests keep sessions in the database, as production does.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "accord.sessions.store=jdbc")
@ActiveProfiles("demo")
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {}
