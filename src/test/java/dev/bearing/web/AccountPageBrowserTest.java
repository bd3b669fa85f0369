package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import dev.bearing.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two personal API tokens created before the account page the first form leads to has loaded (a
 * double submit, two tabs, a slow page): the browser keeps both one-time cookies and the page
 * shows both tokens, each named, once. A single cookie lost the first token: it was made, but
 * its owner never saw it.
 */
@QuarkusTest
class AccountPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @RegisterExtension
    final Browser.Session browser = new Browser.Session();

    @Test
    void twoTokensCreatedBeforeTheAccountPageLoadsAreBothShownOnce() {
        String username = "browsertokens";
        Api.as(username); // creates the account with the test password
        ChromeDriver driver = browser.start();
        Browser.login(driver, base, username, Api.CONSULTANT_PASSWORD);
        driver.get(base + "account");
        // the token form sent twice, as the browser sends it, without following either 303
        Object statuses = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector("form[action='/account/tokens']");
                const send = name => {
                  const body = new URLSearchParams(new FormData(form));
                  body.set('name', name);
                  return fetch(form.action, {method: 'POST', body, redirect: 'manual', credentials: 'same-origin'})
                      .then(r => r.type);
                };
                send('nightly export').then(a => send('deploy hook').then(b => done([a, b])));
                """);
        assertEquals(List.of("opaqueredirect", "opaqueredirect"), statuses, "both forms ended in a redirect");

        driver.get(base + "account");
        Browser.screenshot(driver, "account-two-new-tokens");
        List<WebElement> cards = driver.findElements(By.cssSelector("div.card[role=status]"));
        assertEquals(2, cards.size(), "both new tokens are shown: " + driver.getPageSource());
        assertTrue(cards.get(0).getText().startsWith("Your new token \u201cnightly export\u201d"), cards.get(0).getText());
        assertTrue(cards.get(1).getText().startsWith("Your new token \u201cdeploy hook\u201d"), cards.get(1).getText());
        for (String id : List.of("new-token", "new-token-2")) {
            String token = driver.findElement(By.id(id)).getText();
            assertTrue(token.matches("bearing_[A-Za-z0-9_-]{43}"), token);
            io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/account").then().statusCode(200);
        }

        driver.navigate().refresh();
        assertEquals(0, driver.findElements(By.cssSelector("code[id^=new-token]")).size(), "shown once");
        assertEquals(2, driver.findElements(By.xpath("//td[@data-label='Name'][.='nightly export' or .='deploy hook']")).size(),
                "two tokens made, no more");
    }
}
