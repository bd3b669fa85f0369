package dev.bearing.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What cleaning does to typed text, on both of its paths (text left as it is, and text changed). */
class UserTextTest {

    @Test
    void textWithNothingToCleanIsReturnedAsItIs() {
        String typed = "Zażółć gęślą jaźń — “quoted”, 3–4 € (5%)\nsecond line";
        assertSame(typed, UserText.clean(typed));
        assertSame(typed, UserText.stripInvisible(typed));
    }

    @Test
    void spacesLineBreaksAndInvisibleCharactersAreStillCleaned() {
        assertEquals("a b c\nd\ne", UserText.clean("a\tb\u00A0c\r\nd\re"));
        assertEquals("a\tb\u00A0c\nd\ne", UserText.stripInvisible("a\tb\u00A0c\r\nd\re"));
        assertEquals("a b", UserText.clean("a\u202Fb"), "narrow no-break space");
        assertEquals("ab", UserText.clean("a\u200Bb"), "zero-width space");
        assertEquals("ab", UserText.clean("a\u0085b"), "a C1 control character");
        assertEquals("ab", UserText.clean("a\u202Eb"), "right-to-left override");
        assertEquals("ab", UserText.clean("a\u0007b"), "bell");
        assertEquals("👩\u200D💻 ok", UserText.clean("👩\u200D💻\tok"));
    }

    @Test
    void aNameIsKeptOnOneLine() {
        assertEquals("Evil Bcc: x@example.com", UserText.singleLine("Evil\r\nBcc: x@example.com"));
        assertEquals("a b c", UserText.singleLine(" a \n\n b\tc "));
        assertEquals("Zed 👨\u200D👩\u200D👧 Cargo", UserText.singleLine("Zed 👨\u200D👩\u200D👧 Cargo\u200B"));
        String plain = "Northwind Logistics";
        assertSame(plain, UserText.singleLine(plain));
        assertEquals(null, UserText.singleLine(null));
    }

    @Test
    void countsSayOneOrMany() {
        assertEquals("1 submitted survey", UserText.count(1, "submitted survey"));
        assertEquals("3 submitted surveys", UserText.count(3, "submitted survey"));
        assertEquals("0 changes", UserText.count(0, "change"));
        assertEquals("2 categories", UserText.count(2, "category"));
        assertEquals("2 addresses", UserText.count(2, "address"));
        assertEquals("3 days", UserText.count(3, "day"));
    }

    @Test
    void alternativesReadAsOneChoice() {
        assertEquals("", UserText.either(java.util.List.of()));
        assertEquals("Vault", UserText.either(java.util.List.of("Vault")));
        assertEquals("Vault or OpenBao", UserText.either(java.util.List.of("Vault", "OpenBao")));
        assertEquals("k6, Gatling or JMeter", UserText.either(java.util.List.of("k6", "Gatling", "JMeter")));
    }
}
