package dev.bearing.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** Every page says its encoding in the header, not only in its meta tag. */
@QuarkusTest
class PageCharsetTest {

    @Test
    void pagesWrittenFromAResponseSayUtf8() {
        // the login page, the dashboard and an unknown assessment's page were served as plain "text/html"
        given().get("/login").then().statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"));
        Api.consultant().get("/").then().statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"));
        Api.consultant().get("/assessments/999999999").then().statusCode(404)
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"));
    }

    @Test
    void otherTypesAreLeftAlone() {
        assertEquals("text/html; charset=utf-8", typeAfter("text/html; charset=utf-8"));
        assertEquals("application/problem+json", typeAfter("application/problem+json"));
        assertEquals("application/pdf", typeAfter("application/pdf"));
        assertEquals(null, typeAfter(null));
    }

    private static String typeAfter(String type) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        if (type != null) {
            h.set("Content-Type", type);
        }
        RequestGuards.pageCharset(h);
        return h.get("Content-Type");
    }
}
