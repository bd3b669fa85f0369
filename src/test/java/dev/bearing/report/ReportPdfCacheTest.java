package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.evaluation.RuleEngine;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF's cost: an unchanged report comes from the cache and a changed one is rendered again;
 * the fonts are parsed once, not per render; the charts' labels are text a reader can select
 * and search (drawn by {@link ChartDrawer}, no longer glyph outlines).
 */
@QuarkusTest
class ReportPdfCacheTest {

    @Inject
    ReportService reports;

    @Inject
    ReportRenderer renderer;

    @Inject
    RuleEngine engine;

    @Inject
    QuestionnaireRegistry questionnaires;

    @Test
    void anUnchangedReportComesFromTheCacheAChangedOneIsRenderedAgain() throws IOException {
        ReportData demo = SampleReport.demo(engine, questionnaires.latest("devops-maturity"));
        byte[] first = reports.pdf(demo);
        assertSame(first, reports.pdf(SampleReport.demo(engine, questionnaires.latest("devops-maturity"))),
                "the same report, gathered again, is the cached PDF");
        ReportData renamed = new ReportData("Northwind Freight", demo.assessmentId(), demo.evaluatedAt(), demo.result(),
                demo.respondents(), demo.milestones(), demo.benchmark(), demo.approval());
        byte[] again = reports.pdf(renamed);
        assertNotSame(first, again);
        assertTrue(text(again).contains("Northwind Freight"), "the renamed organisation is in the new PDF");
        ReportData approved = new ReportData(demo.organisation(), demo.assessmentId(), demo.evaluatedAt(), demo.result(),
                demo.respondents(), demo.milestones(), demo.benchmark(),
                new ReportData.Approval(3, "casey", demo.evaluatedAt(), "c0ffee"));
        byte[] version = reports.pdf(approved);
        assertNotSame(first, version);
        assertTrue(text(version).contains("Version 3"), "the approved version's PDF names it");
    }

    @Test
    void fontsAreParsedOnceNotPerRender() {
        ReportData demo = SampleReport.demo(engine, questionnaires.latest("devops-maturity"));
        renderer.render(demo);
        long parses = ReportFonts.parses();
        renderer.render(demo);
        renderer.render(demo);
        assertEquals(parses, ReportFonts.parses(), "renders one after another parse no font");
    }

    @Test
    void chartLabelsAreTextAReaderCanFind() throws IOException {
        ReportData demo = SampleReport.demo(engine, questionnaires.latest("devops-maturity"));
        String text = text(renderer.render(demo)).replaceAll("\\s+", " ");
        List<String> labels = labels(demo);
        List<String> missing = labels.stream().filter(l -> !text.contains(l)).toList();
        assertTrue(missing.isEmpty(), "chart labels not found as text: " + missing);
    }

    /** @return labels only the charts show: the curve's marker and axis, the radar's axes and legend */
    static List<String> labels(ReportData demo) {
        List<String> labels = new ArrayList<>(List.of("Maturity index (0–100)", "Your organisation: index "
                + Math.round(demo.result().maturity().index()), "above about " + Math.round(demo.result().maturity()
                .percentile()) + " % of organisations on the assumed curve", "Combined score (mean of the roles)"));
        int axis = 0;
        for (var c : demo.result().capabilities()) {
            if (c.combined() != null) {
                labels.add(++axis + ". " + c.name().split(" ")[0]);
            }
        }
        return labels;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
