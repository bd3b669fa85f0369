package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.evaluation.RuleScenarioTest;
import dev.bearing.evaluation.Scenario;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Page breaks of the PDF roadmap: no page's text ends with a heading, nor with a table's header
 * row that has no row under it on that page (the reader would turn the page to find what the
 * heading or the header is about). Checked on the demo report, the hostile sample (long answers
 * in the appendix) and every scenario report in {@code rules/scenarios}, read back with PDFBox.
 * Each report is rendered and read once: about a minute in all on two busy cores.
 */
@QuarkusTest
class ReportPageBreaksTest {

    /** Bottom page margin of roadmap.css, 22 mm in points: the footer and page number sit below it. */
    static final float BOTTOM_MARGIN = 22 / 25.4f * 72;

    /** A heading wraps to at most this many lines. */
    private static final int MAX_HEADING_LINES = 3;

    @Inject
    ReportRenderer renderer;

    @Inject
    RuleEngine engine;

    @Inject
    QuestionnaireRegistry questionnaires;

    @BeforeAll
    static void load() {
        RuleScenarioTest.load();
    }

    static Stream<String> reports() throws IOException {
        return Stream.concat(Stream.of("demo", "hostile"),
                RuleScenarioTest.scenarios().map(p -> p.getFileName().toString().replace(".yaml", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void noPageEndsWithAHeadingOrATableHeaderWithoutARow(String name) throws IOException {
        ReportData data = switch (name) {
            case "demo" -> SampleReport.demo(engine, questionnaires.latest("devops-maturity"));
            case "hostile" -> SampleReport.hostile(engine, questionnaires.latest("devops-maturity"));
            default -> scenario(name);
        };
        String xhtml = renderer.xhtml(data);
        List<String> stranded = strandedPageEnds(renderer.pdf(xhtml), xhtml);
        assertTrue(stranded.isEmpty(), name + ": " + stranded.size() + " page(s) end with a heading or a bare table header: "
                + stranded);
    }

    private static ReportData scenario(String name) throws IOException {
        Scenario s = RuleScenarioTest.read(Path.of("rules/scenarios", name + ".yaml"));
        EvaluationResult r = RuleScenarioTest.engine.evaluate(RuleScenarioTest.input(s));
        return new ReportData(s.name(), 7, Instant.parse("2026-12-01T09:00:00Z"), r, List.of());
    }

    /**
     * @param pdf the rendered report
     * @param xhtml the XHTML it was rendered from: its h1–h3 and table header rows are what may
     *     not end a page
     * @return one entry per page whose last lines above the footer are a heading or a header
     *     row, as "page N: text"; empty when none is
     */
    static List<String> strandedPageEnds(byte[] pdf, String xhtml) throws IOException {
        // what may not end a page, by its words: each heading, and each header row's cells one word apart
        Map<String, String> heads = new HashMap<>();
        org.w3c.dom.Document dom = ReportRenderer.parse(xhtml);
        for (String tag : List.of("h1", "h2", "h3")) {
            NodeList headings = dom.getElementsByTagNameNS("*", tag);
            for (int i = 0; i < headings.getLength(); i++) {
                String text = headings.item(i).getTextContent().strip();
                heads.put(words(text), tag + " \"" + text + "\"");
            }
        }
        // a heading whose words also stand in a table cell or a paragraph (a capability named in a
        // roadmap row, say) cannot be told from that text by its words: it is not judged
        for (String tag : List.of("td", "p", "span", "div", "li")) {
            NodeList other = dom.getElementsByTagNameNS("*", tag);
            for (int i = 0; i < other.getLength(); i++) {
                String key = words(other.item(i).getTextContent());
                if (heads.containsKey(key) && heads.get(key).startsWith("h")) {
                    heads.remove(key);
                }
            }
        }
        NodeList headers = dom.getElementsByTagNameNS("*", "thead");
        for (int i = 0; i < headers.getLength(); i++) {
            NodeList cells = ((Element) headers.item(i)).getElementsByTagNameNS("*", "th");
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < cells.getLength(); c++) {
                texts.add(cells.item(c).getTextContent().strip());
            }
            String row = String.join(" ", texts).strip();
            heads.put(words(row), "table header \"" + row + "\"");
        }
        List<String> stranded = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                PDPage page = doc.getPage(p);
                PDFTextStripperByArea stripper = new PDFTextStripperByArea();
                stripper.setSortByPosition(true);
                stripper.addRegion("body", new Rectangle2D.Float(0, 0, page.getMediaBox().getWidth(),
                        page.getMediaBox().getHeight() - BOTTOM_MARGIN));
                stripper.extractRegions(page);
                List<String> lines = stripper.getTextForRegion("body").lines().filter(l -> !l.isBlank()).toList();
                for (int k = 1; k <= Math.min(MAX_HEADING_LINES, lines.size()); k++) {
                    String last = words(String.join(" ", lines.subList(lines.size() - k, lines.size())));
                    if (heads.containsKey(last)) {
                        stranded.add("page " + (p + 1) + ": " + heads.get(last));
                        break;
                    }
                }
            }
        }
        return stranded;
    }

    /** @return the words of the text, sorted, so a wrapped line or a wrapped header cell still matches */
    private static String words(String text) {
        String[] words = text.strip().split("\\s+");
        Arrays.sort(words);
        return String.join(" ", words);
    }
}
