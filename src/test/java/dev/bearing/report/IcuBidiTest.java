package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.extend.TextRenderer;
import org.junit.jupiter.api.Test;

/**
 * Which documents get the bidi splitter (only those with right-to-left text or bidi controls;
 * the PDFs themselves are read back in ReportTextTest), and the printable-text scan that replaced
 * openhtmltopdf's stream.
 */
class IcuBidiTest {

    @Test
    void leftToRightScriptsNeedNoBidi() {
        assertFalse(IcuBidi.needed("<p class=\"x\">Łódź, Ελληνικά, Кириллица, 日本語, 👩‍💻, 3–4 € (5%)</p>"));
    }

    @Test
    void hebrewArabicAndBidiControlsNeedIt() {
        assertTrue(IcuBidi.needed("<p>שלום</p>"));
        assertTrue(IcuBidi.needed("<p>نوع التذكرة</p>"));
        assertTrue(IcuBidi.needed("<p>١٢٣</p>"), "Arabic-Indic digits");
        assertTrue(IcuBidi.needed("a\u200Fb"), "right-to-left mark");
        assertTrue(IcuBidi.needed("a\u202Eb"), "right-to-left override");
        assertTrue(IcuBidi.needed("ﻻ"), "Arabic presentation form");
        assertTrue(IcuBidi.needed("𐤀"), "Phoenician, outside the BMP");
    }

    @Test
    void printableTextDropsWhatOpenhtmltopdfDrops() {
        for (String s : new String[] {"", "plain words", "soft\u00ADhyphen", "object\uFFFCchar", "emoji 👍🏽\u00AD"}) {
            assertEquals(TextRenderer.getEffectivePrintableString(s), MeasuringTextRenderer.printable(s), s);
        }
        assertEquals("softhyphen", MeasuringTextRenderer.printable("soft\u00ADhyphen"));
    }
}
