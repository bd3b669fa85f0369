package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.RuleScenarioTest;
import dev.bearing.evaluation.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The leadership summary of clients across the field, from an on-premises bank to a cloud-native
 * elite start-up (every scenario in rules/scenarios): the first two pages of each report hold where they stand, the decisions, a line
 * for every stack entry and the first 30 days. The PDFs are left in target/scenario-reports for a
 * person to look at.
 */
@QuarkusTest
class ScenarioReportsTest {

    @Inject
    ReportRenderer renderer;

    @BeforeAll
    static void load() {
        RuleScenarioTest.load();
    }

    /** Every client in rules/scenarios: a summary that overflows page 2 for any of them is a defect. */
    static java.util.stream.Stream<String> scenarios() throws java.io.IOException {
        return RuleScenarioTest.scenarios().map(p -> p.getFileName().toString().replaceFirst("\\.yaml$", ""));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("scenarios")
    void theFirstTwoPagesLeadWithWhereTheyStandTheDecisionsTheStackAndTheFirst30Days(String name) throws Exception {
        Scenario s = RuleScenarioTest.read(Path.of("rules/scenarios", name + ".yaml"));
        EvaluationResult r = RuleScenarioTest.engine.evaluate(RuleScenarioTest.input(s));
        byte[] pdf = renderer.render(new ReportData(s.name(), 7, Instant.parse("2026-12-01T09:00:00Z"), r, List.of()));
        Path out = Path.of("target/scenario-reports", name + ".pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        String summary;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(2);
            summary = squash(text.getText(doc));
        }
        assertTrue(summary.contains(squash(r.stage().label())), name + ": stage on pages 1–2");
        for (EvaluationResult.Decision d : r.decisions()) {
            assertTrue(summary.contains(squash(d.title())), name + ": decision \"" + d.title() + "\" on pages 1–2");
        }
        for (LayerRecommendation l : r.stack()) {
            if ("LATER".equals(l.change())) {
                // why, in its first sentence (the tool menus give the rest)
                String why = l.note().strip();
                why = why.contains(". ") ? why.substring(0, why.indexOf(". ") + 1) : why;
                assertTrue(summary.contains(squash("Not needed yet" + why)), name + ": " + l.key() + " said to be not needed yet, with why");
            } else if (l.primary() == null) {
                // no pick: the line names the tool in use and why a constraint rules it out
                for (var c : l.current().size() == 1 ? l.current() : List.<EvaluationResult.CurrentToolResult>of()) {
                    l.excluded().stream().filter(x -> x.key().equals(c.key())).findFirst().ifPresent(x -> assertTrue(
                            summary.contains(squash("In use today: " + c.name() + ". " + x.reasons().get(0))),
                            name + ": " + l.key() + " line states why " + c.name() + " conflicts"));
                }
            } else if ("KEEP_UNLISTED".equals(l.change())) {
                // a tool the catalog does not know, kept: the line keeps it and says whether a catalog tool would
                // succeed it (a pick with a caveat or no reason is not offered as the best fit)
                for (var c : l.current()) {
                    assertTrue(summary.contains(squash(c.name())), name + ": " + l.key() + " keeps " + c.name() + " on pages 1–2");
                }
                assertTrue(summary.contains(squash(l.unlistedNote())), name + ": " + l.key() + " says what would succeed it");
            } else if (l.primary() != null) {
                assertTrue(summary.contains(squash(l.primary().name())), name + ": " + l.key() + " pick on pages 1–2");
            }
        }
        r.roadmap().stream().filter(e -> e.phase() == 1)
                .forEach(e -> assertTrue(summary.contains(squash(e.title())), name + ": first-30-days item " + e.key()));
        assertFalse(summary.toLowerCase().contains("bearingcanprovision"), name + ": no provisioning claim");
    }

    /**
     * A runtime the catalog does not know is kept; the catalog's pick is offered as what "fits best" only
     * when it is a reasoned fit: not AKS to an App Service team that lists no Kubernetes skills (131), not
     * virtual machines to a team on Salesforce (129).
     */
    @org.junit.jupiter.api.Test
    void aKeptToolOutsideTheCatalogIsNotGivenASuccessorThatDoesNotFit() throws Exception {
        LayerRecommendation appService = runtime("131-medical-device-maker-30-iec-62304-firmware-and-clinician-portal-azure-devops-app-service-design-change-board");
        assertTrue(appService.unlistedNote().contains("no clear successor to it: Azure Kubernetes Service (AKS) needs Kubernetes skills"),
                appService.unlistedNote());
        assertFalse(appService.unlistedNote().contains("fits best"), appService.unlistedNote());
        LayerRecommendation salesforce = runtime("129-leasing-company-salesforce-team-14-sales-and-service-cloud-github-actions-gearset-metadata-deployments-business-hours");
        assertTrue(salesforce.unlistedNote().contains("no catalog tool stands out as a successor"), salesforce.unlistedNote());
        assertFalse(salesforce.unlistedNote().contains("Virtual machines"), salesforce.unlistedNote());
    }

    private static LayerRecommendation runtime(String name) throws Exception {
        Scenario s = RuleScenarioTest.read(Path.of("rules/scenarios", name + ".yaml"));
        EvaluationResult r = RuleScenarioTest.engine.evaluate(RuleScenarioTest.input(s));
        LayerRecommendation l = r.stack().stream().filter(x -> x.key().equals("runtime")).findFirst().orElseThrow();
        assertTrue("KEEP_UNLISTED".equals(l.change()), name + ": runtime kept outside the catalog");
        return l;
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }
}
