package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.Decision;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.PeerComparison;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.evaluation.RuleScenarioTest;
import dev.bearing.evaluation.Scenario;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PDF roadmap read back with PDFBox. What a leader reads first: the executive summary on
 * pages 1–2 with the decisions, one stack line per entry and the first 30 days, no points,
 * rule-set hash or provisioning claim before the appendix, ties shown as ties, typed tool names
 * kept. What must never break: hostile text survives unchanged and escaped, nothing leaves the
 * margins or gets lost, fonts are embedded, the outline and title are there. The samples are
 * written to {@code target/report-demo.pdf} and {@code target/report-sample.pdf} for a person
 * to look at.
 */
@QuarkusTest
class ReportRendererTest {

    /** Page margins of roadmap.css, left and right: 18 mm in points. */
    static final float SIDE_MARGIN = 18 / 25.4f * 72;

    @Inject
    ReportRenderer renderer;

    @Inject
    RuleEngine engine;

    @Inject
    QuestionnaireRegistry questionnaires;

    static ReportData data;
    static String xhtml;
    static byte[] pdf;
    static String text;

    static ReportData demo;
    static byte[] demoPdf;
    static String demoText;

    /** The appendix's heading: everything before it is the leadership part. */
    static final String APPENDIX = "Appendix for the delivery team";

    @BeforeEach
    void renderOnce() throws IOException {
        if (pdf != null) {
            return;
        }
        data = SampleReport.hostile(engine, questionnaire());
        xhtml = renderer.xhtml(data);
        pdf = renderer.render(data);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/report-sample.pdf"), pdf);
        Files.writeString(Path.of("target/report-sample.xhtml"), xhtml);
        text = text(pdf);
        Files.writeString(Path.of("target/report-sample.txt"), text);
        demo = SampleReport.demo(engine, questionnaire());
        demoPdf = renderer.render(demo);
        Files.write(Path.of("target/report-demo.pdf"), demoPdf);
        Files.writeString(Path.of("target/report-demo.xhtml"), renderer.xhtml(demo)); // PdfLoop's input
        demoText = text(demoPdf);
        Files.writeString(Path.of("target/report-demo.txt"), demoText);
    }

    // ------------------------------------------------------------ what a leader reads first

    private static String tieJoin(LayerRecommendation l) {
        return l.tiedWith().size() == 1 ? " or " : ", ";
    }

    @Test
    void executiveSummaryOnPagesOneAndTwoLeadsWithDecisionsStackAndFirst30Days() throws IOException {
        EvaluationResult r = demo.result();
        try (PDDocument doc = Loader.loadPDF(demoPdf)) {
            String first = squash(pageText(doc, 1) + pageText(doc, 2));
            assertTrue(first.toLowerCase(Locale.ROOT).contains("executivesummary"), "no executive summary on page 1–2");
            assertTrue(first.contains(squash(r.stage().label())), "stage not on page 1–2");
            assertFalse(r.decisions().isEmpty(), "the demo should ask leadership for decisions");
            for (Decision d : r.decisions()) {
                assertTrue(first.contains(squash(d.title())), "decision not on page 1–2: " + d.title());
            }
            for (LayerRecommendation l : r.stack()) {
                // a layer with several kinds is named by its kind alone ("Contract tests")
                String layer = l.kindName() == null ? l.layerName() : l.kindName();
                assertTrue(first.contains(squash(layer)), "no stack line for " + l.key());
                String expected = switch (l.primary() == null ? "NONE" : l.change()) {
                    case "NONE" -> "No catalog tool fits";
                    // a layer not needed yet names no tool on its line, tied or not, and says why
                    case "LATER" -> "Not needed yet" + l.note().substring(0, 40);
                    // a tie of two reads "A or B", of three or more "A, B or C"
                    case "KEEP" -> l.tiedWith().isEmpty() ? "Keep " + l.primary().name() : l.primary().name() + tieJoin(l);
                    case "ADD" -> l.tiedWith().isEmpty() ? "Add " + l.primary().name() : l.primary().name() + tieJoin(l);
                    default -> l.tiedWith().isEmpty() ? " to " + l.primary().name() : l.primary().name() + tieJoin(l);
                };
                assertTrue(first.contains(squash(expected)), "stack line for " + l.key() + " lacks \"" + expected + "\"");
            }
            List<RoadmapEntry> first30 = r.roadmap().stream().filter(e -> e.phase() == 1).toList();
            assertFalse(first30.isEmpty(), "the demo should have first-30-days items");
            for (RoadmapEntry e : first30) {
                assertTrue(first.contains(squash(e.title())), "first-30-days item not on page 1–2: " + e.title());
                // the rules are still gaining owners and efforts; until then the summary says so
                String owner = e.owner() == null || e.owner().isBlank() ? "To be named" : e.owner();
                String effort = e.effort() == null || e.effort().isBlank() ? "To be estimated" : e.effort();
                assertTrue(first.contains(squash(e.title() + owner + effort)),
                        "owner or effort missing beside " + e.title());
            }
        }
        // the summary gives a layer's "not needed yet" in one sentence; its menu in the appendix in full
        String appendix = squash(demoText.substring(demoText.indexOf(APPENDIX)));
        List<LayerRecommendation> later = r.stack().stream().filter(l -> "LATER".equals(l.change())).toList();
        assertFalse(later.isEmpty(), "the demo has a layer not needed yet");
        for (LayerRecommendation l : later) {
            assertTrue(appendix.contains(squash(l.note())), "the menu of " + l.key() + " lacks why it is not needed yet");
        }
    }

    @Test
    void everyFindingNamesWhatItConcernsAToolsFindingItsStackLayer() throws IOException {
        String xhtml = renderer.xhtml(demo);
        // the demo's Opsgenie is past its end of sale: its finding has no capability, its layer names it
        assertTrue(demo.result().findings().stream().anyMatch(f -> f.key().equals("tool.lifecycle") && f.capability() == null),
                "the demo has a finding about a tool");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<div class=\"finding-meta\">([^<]*)</div>").matcher(xhtml);
        int n = 0;
        while (m.find()) {
            n++;
            assertTrue(m.group(1).matches("F\\d+ · .+"), "finding label without what it concerns: " + m.group(1));
        }
        assertEquals(demo.result().findings().size(), n);
        assertTrue(xhtml.contains("· Incident response and on-call</div>"), "Opsgenie's finding names its layer");
    }

    @Test
    void aStackLineThatKeepsOneToolNamesTheToolsInUseTheRoadmapMovesOff() throws IOException {
        // Northwind runs GitHub Actions and Jenkins; the stack keeps GitHub Actions and the roadmap moves off Jenkins
        EvaluationResult r = demo.result();
        LayerRecommendation ci = r.stack().stream().filter(l -> l.key().equals("ci")).findFirst().orElseThrow();
        assertEquals("KEEP", ci.change());
        assertEquals("github_actions", ci.primary().key());
        assertTrue(r.roadmap().stream().anyMatch(e -> e.key().equals("migrate.jenkins")), "the demo moves off Jenkins");
        try (PDDocument doc = Loader.loadPDF(demoPdf)) {
            String first = squash(pageText(doc, 1) + pageText(doc, 2));
            assertTrue(first.contains(squash("Keep GitHub Actions, move off Jenkins")), "CI stack line");
            assertFalse(first.contains(squash("Also in use: Jenkins")), "Jenkins is moved off, not kept beside it");
        }
    }

    @Test
    void aStackLineThatMovesOffAToolSaysWhyItGoes() throws IOException {
        // Northwind's developer rates Selenium 2 of 5; the stack moves end-to-end tests to Playwright
        LayerRecommendation e2e = demo.result().stack().stream().filter(l -> l.key().equals("test_automation/end_to_end"))
                .findFirst().orElseThrow();
        assertEquals("REPLACE", e2e.change());
        assertEquals(List.of("In use but rated 2.0 of 5: the people who use Selenium would rather have something else."),
                e2e.whyMove());
        try (PDDocument doc = Loader.loadPDF(demoPdf)) {
            String first = squash(pageText(doc, 1) + pageText(doc, 2));
            assertTrue(first.contains(squash("Move from Selenium to Playwright Selenium is rated 2.0 of 5 by those who use it.")),
                    "the summary's line says why Selenium goes");
            // an ending tool's line gives the first sentence of what is said against it
            assertTrue(first.contains(squash("Move from Atlassian Opsgenie to Jira Service Management Atlassian Opsgenie is"
                    + " past its end of sale")), "the summary's line says why Opsgenie goes");
        }
        // only a move says why a tool in use goes
        for (LayerRecommendation l : demo.result().stack()) {
            if (!"REPLACE".equals(l.change())) {
                assertEquals(List.of(), l.whyMove(), l.key());
            }
        }
    }

    @Test
    void noPointsHashRuleNamesOrProvisioningClaimBeforeTheAppendix() {
        for (var sample : List.of(Map.entry(demo, demoText), Map.entry(data, text))) {
            String leadership = leadershipPart(sample.getValue());
            String lower = leadership.toLowerCase(Locale.ROOT);
            for (String bad : List.of("bearing can provision", "aws blueprint", "points", "suitability", "rule set")) {
                assertFalse(lower.contains(bad), "\"" + bad + "\" before the appendix");
            }
            String hash = sample.getKey().result().ruleSetVersion();
            assertFalse(squash(leadership).contains(hash.substring(0, 12)), "rule-set hash before the appendix");
            for (String rule : sample.getKey().result().firedRules()) {
                assertFalse(squash(leadership).contains(squash(rule)), "rule name before the appendix: " + rule);
            }
            String appendix = squash(sample.getValue().substring(sample.getValue().indexOf(APPENDIX)));
            assertTrue(appendix.contains(hash), "the method section names the full rule-set version");
            assertTrue(appendix.contains("points"), "the tool menus show points");
        }
    }

    @Test
    void percentileIsLabelledAnAssumptionAndPeerFiguresCarryTheirSource() {
        String leadership = leadershipPart(demoText);
        assertTrue(leadership.contains("% (assumed curve)"), "percentile without its assumption");
        assertTrue(leadership.contains("not a peer benchmark"), "the curve's assumption is not said in words");
        for (String sentence : leadership.split("(?<=\\.) ")) {
            if (sentence.contains("% of organisations")) {
                assertTrue(sentence.contains("assumed"), "a share of organisations not labelled assumed: " + sentence);
            }
        }
        PeerComparison peers = demo.result().delivery().peers();
        assertNotNull(peers, "the demo answers industry and size, so it has a peer comparison");
        assertTrue(leadership.contains(peers.source()), "peer figures without attribution");
        assertTrue(leadership.contains("Bearing's estimate"), "percentile estimate not attributed to Bearing");
    }

    @Test
    void aTieReadsAsATieNotARanking() throws IOException {
        ReportData tied = SampleReport.withTie(demo);
        LayerRecommendation l = tied.result().stack().stream().filter(x -> !x.tiedWith().isEmpty()).findFirst()
                .orElseThrow();
        byte[] bytes = renderer.render(tied);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String first = squash(pageText(doc, 1) + pageText(doc, 2));
            String line = l.primary().name() + " or " + l.tiedWith().get(0) + " — equal fit";
            assertTrue(first.contains(squash(line)), "the tie does not read \"" + line + "\"");
            // and it is a decision to make: the client settles a tie, so "Decisions to make" names it
            String decisions = first.substring(first.indexOf("Decisionstomake"), first.indexOf("Recommendedstack"));
            String what = l.kindName() == null ? l.layerName() : l.kindName();
            boolean decided = tied.result().decisions().stream().limit(3).anyMatch(d -> l.key().equals(d.layer()));
            assertTrue(decisions.contains(squash(decided ? l.tiedWith().get(0)
                    : what + ": choose between " + l.primary().name() + " and " + l.tiedWith().get(0))),
                    "the tie is not among the decisions to make: " + decisions);
            // what to choose on: the tie's own reasons on its line, or once under the stack for every
            // tie that has none
            if (!first.contains(squash(line) + "Chooseon")) {
                assertTrue(first.contains(squash("Equal fit: nothing in the answers separates the tools; choose on cost, "
                        + "your teams' skills and the support you need.")), "no legend for the ties without reasons");
            }
        }
        String all = text(bytes);
        assertTrue(squash(all.substring(all.indexOf(APPENDIX))).contains(squash("A tie: " + l.tiedWith().get(0))),
                "the tool menu does not call the tie a tie");
    }

    @Test
    void aToolTypedUnderSomethingElseAppearsByName() throws IOException {
        boolean carried = demo.result().stack().stream().flatMap(l -> l.current().stream())
                .anyMatch(c -> c.key() == null && SampleReport.TYPED_TOOL.equals(c.name()));
        assertTrue(carried, "the evaluation lost the tool typed under \"Something else\"");
        try (PDDocument doc = Loader.loadPDF(demoPdf)) {
            String first = squash(pageText(doc, 1) + pageText(doc, 2));
            assertTrue(first.contains(squash(SampleReport.TYPED_TOOL)), "typed tool not in the summary's stack lines");
        }
        assertTrue(squash(demoText).contains(squash(SampleReport.TYPED_TOOL
                + " (named by the respondents; not in the catalog)")),
                "the tool menu does not show the typed tool");
    }

    @Test
    void testToolsOfNoKindAreSeenInTheSummaryAndTheToolMenus() throws IOException {
        // scenario 110: "pytest, Great Expectations" typed under test automation serve none of its kinds (end-to-end,
        // load, contract); they are not shown as any kind's tool, and still seen, once, at the layer
        Scenario s = RuleScenarioTest.read(Path.of("rules/scenarios",
                "110-statistics-office-data-platform-25-air-gapped-rke2-kubernetes-gitlab-jenkins-nexus-harbor-business-hours.yaml"));
        if (RuleScenarioTest.questionnaires == null) {
            RuleScenarioTest.questionnaires = questionnaires;
        }
        EvaluationResult r = engine.evaluate(RuleScenarioTest.input(s));
        byte[] bytes = renderer.render(new ReportData(s.name(), 7, SampleReport.EVALUATED_AT, r, List.of()));
        String all = text(bytes);
        String appendix = squash(all.substring(all.indexOf(APPENDIX)));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String first = squash(pageText(doc, 1) + pageText(doc, 2));
            assertTrue(first.contains(squash("Also in use for test automation: Great Expectations and pytest.")),
                    "the summary's stack does not show the test tools of no kind");
        }
        assertTrue(appendix.contains(squash("Also in use for test automation, outside the kinds listed here: "
                + "Great Expectations (named by the respondents; not in the catalog)")), "the tool menus do not show them");
        assertEquals(1, appendix.split(squash("Also in use for test automation, outside")).length - 1,
                "shown once, not under every kind of test");
        assertFalse(appendix.contains(squash("In use today: Great Expectations")), "shown as a kind's tool in use");
    }

    @Test
    void theAppendixIsSeparateAndTheRawAnswersComeAfterIt() throws IOException {
        int appendix = demoText.indexOf(APPENDIX);
        assertTrue(appendix > 0, "no appendix heading");
        int answers = demoText.indexOf("Respondent 1 · Business");
        assertTrue(answers > appendix, "raw answers before the appendix heading");
        try (PDDocument doc = Loader.loadPDF(demoPdf)) {
            assertTrue(pageOf(doc, APPENDIX) > 2, "the appendix starts within the executive summary");
        }
        String leadership = leadershipPart(demoText);
        assertTrue(leadership.contains("In their own words"), "respondents' words missing");
        assertTrue(leadership.indexOf("In their own words") > leadership.indexOf("What we found"),
                "their words come before the findings");
        assertTrue(squash(leadership).contains(squash("Let the teams release on their own when the pipeline is green.")),
                "a respondent's free text is not quoted");
    }

    Questionnaire questionnaire() {
        return questionnaires.latest("devops-maturity");
    }

    @Test
    void polishGreekCyrillicAndMarkupCharactersComeOutUnchanged() {
        for (String s : List.of(SampleReport.ORGANISATION, SampleReport.GREEK, SampleReport.CYRILLIC,
                SampleReport.AMPERSAND, SampleReport.CODE, SampleReport.CJK)) {
            assertTrue(text.contains(s), "PDF text lacks " + s);
        }
    }

    @Test
    void respondentMarkupIsShownAsTextNeverAsMarkup() {
        assertTrue(text.contains(SampleReport.MARKUP), "PDF text lacks the typed markup");
        assertTrue(xhtml.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"), "markup not escaped");
        assertFalse(xhtml.contains("<img"), "an img element reached the XHTML");
        assertTrue(xhtml.contains("Zoë &amp; Søn &lt;Ltd&gt;"));
        assertTrue(xhtml.contains("if a&lt;b &amp;&amp; c&gt;d"));
    }

    @Test
    void tabsBecomeSpacesLineBreaksStayInvisibleCharactersGo() {
        assertTrue(text.contains("Build: Jenkins\nTest: JUnit 5"), "tab, CRLF or no-break spaces mishandled");
        assertTrue(text.contains("Jenkins") && text.contains("JUnit 5"));
        for (char c : new char[] {'\u0007', '\u200B', '\t', '\u00A0', '\u202F', '\r'}) {
            assertEquals(-1, text.indexOf(c), "character U+" + Integer.toHexString(c) + " in the PDF text");
        }
    }

    @Test
    void longUrlAndLongAnswerStayInsideTheMarginsWithNothingLost() throws IOException {
        String flat = withoutPageFurniture(text).replaceAll("\\s+", "");
        assertTrue(flat.contains(SampleReport.URL), "the 400-character URL is not complete");
        assertTrue(flat.contains(SampleReport.LONG_ANSWER.replaceAll("\\s+", "")), "the 6,000-character answer lost text");
        List<String> outside = glyphsOutsideMargins(pdf);
        assertTrue(outside.isEmpty(), outside.size() + " glyphs outside the margins, e.g. "
                + outside.subList(0, Math.min(5, outside.size())));
    }

    @Test
    void tablesContinueOnTheNextPageWithTheirHeader() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int first = pageOf(doc, "w0000");
            int last = pageOf(doc, "w0999");
            assertTrue(first > 0 && last > first, "the 6,000-character answer should span pages: " + first + ", " + last);
            String lastPage = pageText(doc, last);
            assertTrue(lastPage.contains("Question Answer"), "table header not repeated on page " + last);
        }
    }

    @Test
    void unansweredQuestionsSayNotAnsweredAndNoPlaceholderLeaks() {
        assertTrue(text.contains("Not answered"));
        for (String bad : List.of("NOT_FOUND", "{", "}", "NaN", "Infinity", "RawString", "ReportView")) {
            assertFalse(text.contains(bad), "placeholder " + bad + " in the PDF text");
        }
        Matcher m = Pattern.compile("\\bnull\\b", Pattern.CASE_INSENSITIVE).matcher(text);
        assertFalse(m.find(), "\"null\" in the PDF text");
    }

    @Test
    void titleOutlineAndPages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals("DevOps roadmap — " + SampleReport.ORGANISATION, doc.getDocumentInformation().getTitle());
            assertTrue(doc.getNumberOfPages() > 5, "pages: " + doc.getNumberOfPages());
            List<String> top = new ArrayList<>();
            PDOutlineItem item = doc.getDocumentCatalog().getDocumentOutline().getFirstChild();
            int nested = 0;
            while (item != null) {
                top.add(item.getTitle());
                nested += descendants(item);
                item = item.getNextSibling();
            }
            assertEquals(List.of("Executive summary", "Findings", "In their own words", "Roadmap",
                    "Where you stand in detail", "Appendix"), top);
            assertTrue(nested >= 3 + data.result().stack().size() + data.respondents().size(), "nested bookmarks");
            assertTrue(text.contains("Page 2 of " + doc.getNumberOfPages()), "page numbers in the footer");
        }
    }

    private static int descendants(PDOutlineItem item) {
        int n = 0;
        for (PDOutlineItem c = item.getFirstChild(); c != null; c = c.getNextSibling()) {
            n += 1 + descendants(c);
        }
        return n;
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                collectFonts(page.getResources(), fonts, 0);
            }
            assertFalse(fonts.isEmpty());
            List<String> notEmbedded = fonts.stream().filter(f -> f.endsWith("(not embedded)")).toList();
            assertTrue(notEmbedded.isEmpty(), "fonts not embedded: " + notEmbedded);
        }
    }

    @Test
    void organisationWithMarkupIsTheTitleAsTyped() throws IOException {
        byte[] other = renderer.render(SampleReport.sparse(engine, questionnaire(), SampleReport.AMPERSAND));
        try (PDDocument doc = Loader.loadPDF(other)) {
            assertEquals("DevOps roadmap — " + SampleReport.AMPERSAND, doc.getDocumentInformation().getTitle());
            String t = new PDFTextStripper().getText(doc);
            assertTrue(t.contains(SampleReport.AMPERSAND));
            assertTrue(t.contains("Not answered"), "a sparse assessment lists its unanswered questions");
            assertFalse(Pattern.compile("\\bnull\\b").matcher(t).find());
            assertFalse(t.contains("{") || t.contains("NOT_FOUND"));
        }
    }

    @Test
    void anOrganisationNameWithoutSpacesWrapsInsideTheMargins() throws IOException {
        String name = "Łódź" + "x".repeat(150) + "运维" + "y".repeat(150);
        byte[] other = renderer.render(SampleReport.sparse(engine, questionnaire(), name));
        List<String> outside = glyphsOutsideMargins(other);
        assertTrue(outside.isEmpty(), outside.size() + " glyphs outside the margins, e.g. "
                + outside.subList(0, Math.min(5, outside.size())));
        try (PDDocument doc = Loader.loadPDF(other)) {
            assertEquals("DevOps roadmap — " + name, doc.getDocumentInformation().getTitle());
        }
        assertTrue(withoutPageFurniture(text(other)).replaceAll("\\s+", "").contains(name));
    }

    @Test
    void concurrentRendersGiveTheSameDocument() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> renderer.render(data)));
            }
            for (var run : runs) {
                String t = text(run.get());
                assertEquals(text, t, "a concurrent render differs from the single one");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void warmRenderTime() {
        int runs = 5;
        long[] ms = new long[runs];
        long qute = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            String x = renderer.xhtml(data);
            long mid = System.nanoTime();
            renderer.pdf(x);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            qute += (mid - start) / 1_000_000;
        }
        System.out.printf("Report view + Qute: %d ms on average%n", qute / runs);
        long[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("Report render (warm), %d runs: %s ms, median %d ms, %d bytes%n", runs,
                java.util.Arrays.toString(ms), sorted[runs / 2], pdf.length);
        assertTrue(sorted[runs / 2] < 10_000, "a warm render took " + sorted[runs / 2] + " ms");
    }

    // ---------------------------------------------------------------------------------------

    /** @return the text before the appendix heading, which must exist */
    static String leadershipPart(String text) {
        int i = text.indexOf(APPENDIX);
        assertTrue(i > 0, "no appendix heading");
        return text.substring(0, i).replaceAll("\\s+", " ");
    }

    /** @return the string with runs of white space as one space, as {@link #pageText} reads */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** @return the string without white space, so text wrapped anywhere in the PDF still matches */
    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * @return the text without what repeats on every page (footer, page number, repeated table
     *     headers), so that text continuing on the next page reads as one piece
     */
    static String withoutPageFurniture(String text) {
        return text.replaceAll("(?m)^Bearing · DevOps roadmap — .*$", "")
                .replaceAll("(?m)^Page \\d+ of \\d+$", "")
                .replaceAll("(?m)^Question\\s*Answer$", "");
    }

    static String text(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setLineSeparator("\n");
            return s.getText(doc);
        }
    }

    static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setLineSeparator("\n");
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc).replaceAll("\\s+", " ");
    }

    /** @return the first 1-based page whose text contains the string, or 0 */
    static int pageOf(PDDocument doc, String needle) throws IOException {
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            if (pageText(doc, p).contains(needle)) {
                return p;
            }
        }
        return 0;
    }

    /** @return one line per glyph outside the page's side margins or off the page */
    static List<String> glyphsOutsideMargins(byte[] bytes) throws IOException {
        List<String> outside = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) throws IOException {
                    PDPage page = getCurrentPage();
                    float width = page.getMediaBox().getWidth();
                    float height = page.getMediaBox().getHeight();
                    for (TextPosition p : positions) {
                        float x = p.getXDirAdj();
                        float right = x + p.getWidthDirAdj();
                        float y = p.getYDirAdj();
                        if (x < SIDE_MARGIN - 0.5f || right > width - SIDE_MARGIN + 0.5f || y < 0 || y > height) {
                            outside.add("page " + getCurrentPageNo() + " '" + p.getUnicode() + "' at x=" + x
                                    + ".." + right + " y=" + y + " in \"" + s + "\"");
                        }
                    }
                    super.writeString(s, positions);
                }
            };
            stripper.getText(doc);
        }
        return outside;
    }

    private static void collectFonts(PDResources resources, List<String> out, int depth) throws IOException {
        if (resources == null || depth > 10) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            out.add(font.getName() + (font.isEmbedded() ? "" : " (not embedded)"));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), out, depth + 1);
            }
        }
    }
}
