package dev.bearing.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (vendored from the npm package into {@code src/test/resources/axe/}, MPL-2.0) run in
 * the page the browser shows. The script is injected through WebDriver, which the page's
 * Content-Security-Policy does not govern, so the page itself stays unchanged.
 */
public final class Axe {

    /** The WCAG 2.1 A and AA rule tags the product promises to meet. */
    public static final List<String> WCAG21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String SCRIPT = load();

    private Axe() {
    }

    /**
     * Runs axe on the current page with the WCAG 2.1 AA tags.
     *
     * @return one line per violation: rule id, impact, help text and the CSS targets of the
     *         offending elements; empty when the page passes
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(ChromeDriver driver) {
        driver.executeScript(SCRIPT);
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ') + ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']').join('; '))))"
                + ".catch(e => done(['axe failed: ' + e]));",
                WCAG21_AA);
        return (List<String>) result;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
