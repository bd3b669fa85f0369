package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.bearing.report.ReportFonts.Face;
import java.io.IOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

/** The font pool without Quarkus: one copy per render at once, each face kept once between renders. */
class ReportFontsTest {

    @Test
    void rendersAtOnceGetTheirOwnCopyAndOnlyTheFirstIsKeptBetweenRenders() throws IOException {
        ReportFonts fonts = new ReportFonts();
        TrueTypeFont first = fonts.borrow(Face.REGULAR);
        TrueTypeFont second = fonts.borrow(Face.REGULAR);
        assertNotSame(first, second, "two renders at once never share a parsed font");
        assertNull(second.getGsub(), "a copy parsed from the first one keeps GSUB hidden");
        assertEquals(first.getNumberOfGlyphs(), second.getNumberOfGlyphs());
        fonts.giveBack(Face.REGULAR, second);
        fonts.giveBack(Face.REGULAR, first);

        long parses = ReportFonts.parses();
        for (int i = 0; i < 3; i++) {
            TrueTypeFont again = fonts.borrow(Face.REGULAR);
            assertSame(first, again, "between renders only the first copy is kept, and lent again");
            fonts.giveBack(Face.REGULAR, again);
        }
        assertEquals(parses, ReportFonts.parses(), "renders one after another parse no font");
    }

    @Test
    void theFallbacksAreParsedOnlyWhenADocumentNeedsThem() {
        ReportFonts fonts = new ReportFonts();
        assertEquals(List.of(Face.REGULAR, Face.BOLD), fonts.faces("Zażółć gęślą jaźń – “quoted”"));
        assertEquals(List.of(Face.REGULAR, Face.BOLD, Face.FALLBACK, Face.SYMBOLS), fonts.faces("发布 🚀"));
        long parses = ReportFonts.parses();
        TrueTypeFont cjk = fonts.borrow(Face.FALLBACK);
        fonts.giveBack(Face.FALLBACK, cjk);
        assertSame(cjk, fonts.borrow(Face.FALLBACK), "parsed at its first use, then kept");
        assertEquals(parses + 1, ReportFonts.parses());
    }
}
