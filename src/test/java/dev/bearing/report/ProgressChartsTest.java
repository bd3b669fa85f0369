package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The milestone and percentile charts without Quarkus: well-formed SVG, labels as real text, escaped. */
class ProgressChartsTest {

    static Charts charts;

    @BeforeAll
    static void fonts() throws Exception {
        ChartsTest.fonts();
        charts = ChartsTest.charts;
    }

    @Test
    void milestoneChangeWritesNamesAndSignedChangesAsText() throws Exception {
        String svg = charts.milestoneChange(List.of(new Charts.ScoreChange("Source <control> & \"friends\"", 50.0, 75.0),
                new Charts.ScoreChange("Test automation", 60.0, 55.5), new Charts.ScoreChange("Shadow IT", 40.0, 40.0),
                new Charts.ScoreChange("Not scored then", null, 30.0)));
        List<String> texts = texts(svg);
        assertTrue(texts.contains("Source <control> & \"friends\""), texts.toString());
        assertTrue(texts.containsAll(List.of("+25", "\u22124.5", "0", "Previous milestone", "Now")), texts.toString());
        assertTrue(!texts.contains("Not scored then"), "a capability scored on one side only has no row");
        assertEquals("", charts.milestoneChange(List.of(new Charts.ScoreChange("Only now", null, 10.0))));
    }

    @Test
    void percentilesDrawABarPerCapabilityWithItsValue() throws Exception {
        List<Map.Entry<String, Integer>> rows = new ArrayList<>();
        rows.add(new SimpleEntry<>("Source control", 67));
        rows.add(new SimpleEntry<>("Too few scored it", null));
        String svg = charts.percentiles(rows);
        List<String> texts = texts(svg);
        assertTrue(texts.contains("Source control") && texts.contains("67"), texts.toString());
        assertTrue(!texts.contains("Too few scored it"));
        assertEquals(1, parse(svg).getElementsByTagName("rect").getLength());
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(String svg) throws Exception {
        NodeList nodes = parse(svg).getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
