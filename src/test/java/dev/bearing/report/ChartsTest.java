package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.EvaluationResult.Maturity;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SVG charts without Quarkus: well-formed, escaped, labels that fit. */
class ChartsTest {

    static Charts charts;
    static byte[] dejaVu;

    @BeforeAll
    static void fonts() throws Exception {
        try (InputStream in = ChartsTest.class.getClassLoader().getResourceAsStream("report/fonts/DejaVuSans.ttf");
                InputStream b = ChartsTest.class.getClassLoader().getResourceAsStream("report/fonts/DejaVuSans-Bold.ttf")) {
            dejaVu = in.readAllBytes();
            charts = new Charts(Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(dejaVu)),
                    Font.createFont(Font.TRUETYPE_FONT, b));
        }
    }

    static CapabilityResult capability(String name, String dimension, Double b, Double d, Double o) {
        Map<String, Double> by = new java.util.LinkedHashMap<>();
        if (b != null) {
            by.put("BUSINESS", b);
        }
        if (d != null) {
            by.put("DEVELOPMENT", d);
        }
        if (o != null) {
            by.put("OPERATIONS", o);
        }
        double mean = by.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double max = by.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = by.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return new CapabilityResult(name.toLowerCase(), name, dimension, by.isEmpty() ? null : mean, by,
                by.size() < 2 ? null : max - min, null, null, null, null, null, List.of());
    }

    static void wellFormed(String svg) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
    }

    @Test
    void textInChartsIsEscapedAndTheSvgIsWellFormed() throws Exception {
        String hostile = "<script>alert(1)</script>\"'&\u0007";
        List<CapabilityResult> caps = List.of(capability(hostile, "ALIGNMENT", 20.0, 80.0, 50.0),
                capability("Source control", "TOOLING", null, 60.0, 40.0),
                capability("Lead time", "OUTCOMES", 30.0, 30.0, 30.0));
        List<RoadmapEntry> items = List.of(new RoadmapEntry("k", hostile, 2, "Within 90 days", "c", "ci", hostile,
                List.of(), "1–2 weeks", "Head of Delivery", "why", "rule"));
        for (String svg : List.of(charts.radar(caps), charts.alignmentGaps(caps),
                charts.timeline(items, List.of("A", "B", "C", "D")).get(0),
                charts.bellCurve(new Maturity(44, 36, 50, 18, "x"), 2, hostile))) {
            wellFormed(svg);
            assertFalse(svg.contains("<script"), svg);
            assertFalse(svg.contains("\u0007"));
            assertTrue(svg.contains("&lt;"), "escaped label expected");
        }
    }

    @Test
    void chartsCopeWithLittleData() throws Exception {
        assertEquals("", charts.radar(List.of(capability("One", "TOOLING", 50.0, null, null))));
        assertEquals("", charts.alignmentGaps(List.of(capability("One", "TOOLING", 50.0, null, null))));
        assertTrue(charts.timeline(List.of(), List.of()).isEmpty());
        wellFormed(charts.bellCurve(new Maturity(0, 0, 50, 18, ""), 1, "Exploring"));
        wellFormed(charts.bellCurve(new Maturity(100, 100, 50, 0, ""), 4, ""));
    }

    @Test
    void longRoadmapsAreCutIntoPageSizedCharts() {
        List<RoadmapEntry> items = new ArrayList<>();
        for (int i = 0; i < Charts.TIMELINE_ROWS_PER_CHART + 3; i++) {
            items.add(new RoadmapEntry("k" + i, "Item " + i, 1 + i % 4, "", null, null, null, List.of(), "", "", "", ""));
        }
        List<String> svgs = charts.timeline(items, List.of("A", "B", "C", "D"));
        assertEquals(2, svgs.size());
        assertTrue(svgs.get(1).contains(">R" + (Charts.TIMELINE_ROWS_PER_CHART + 1) + "<"), "numbering continues");
    }

    @Test
    void wrappedLabelsFitTheirWidthAndKeepEveryWordWhenThereIsRoom() {
        String text = "Configuration management and infrastructure as code";
        List<String> lines = charts.wrap(text, 9, false, 120, 5);
        assertEquals(text, String.join(" ", lines));
        lines.forEach(l -> assertTrue(charts.width(l, 9, false) <= 120, l));
        List<String> cut = charts.wrap("x".repeat(400), 9, false, 100, 2);
        assertEquals(2, cut.size());
        assertTrue(cut.get(1).endsWith("…"));
        cut.forEach(l -> assertTrue(charts.width(l, 9, false) <= 100, l));
    }

    @Test
    void fontsLoseTheirLigatureTableButStillParse() throws Exception {
        TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(dejaVu.clone()));
        assertNotNull(before.getGsub(), "DejaVu ships a GSUB table");
        TrueTypeFont after = new TTFParser().parse(
                new RandomAccessReadBuffer(ReportRenderer.withoutLigatures(dejaVu.clone())));
        assertNull(after.getGsub(), "GSUB must be hidden so that fi, fl stay two characters");
        assertEquals(before.getNumberOfGlyphs(), after.getNumberOfGlyphs());
    }
}
