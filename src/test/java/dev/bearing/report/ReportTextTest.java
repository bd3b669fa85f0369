package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.common.UserText;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Emoji, joiners and right-to-left text in the PDF, read back with PDFBox. */
@QuarkusTest
class ReportTextTest {

    @Inject
    ReportRenderer renderer;

    @Inject
    RuleEngine engine;

    @Inject
    QuestionnaireRegistry questionnaires;

    private String pdfText(String organisation) throws IOException {
        byte[] pdf = renderer.render(SampleReport.sparse(engine, questionnaires.latest("devops-maturity"), organisation));
        return ReportRendererTest.text(pdf);
    }

    @Test
    void emojiAreDrawnNeverAsHashes() throws IOException {
        String text = pdfText("Zeta 👍🏽 and 👩‍💻 Ltd");
        var lines = text.lines().filter(l -> l.contains("Zeta ")).toList();
        assertTrue(lines.size() >= 2, "cover and footers name the organisation: " + lines.size());
        for (String line : lines) {
            assertFalse(line.contains("#"), "an emoji came out as #: " + line);
            assertTrue(line.contains("👍") && line.contains("👩") && line.contains("💻"), "emoji kept: " + line);
        }
    }

    @Test
    void rightToLeftTextIsShapedAndExtractedInLogicalOrder() throws IOException {
        for (String s : new String[] {"نوع التذكرة", "CI مع Jenkins 2.0", "שלום"}) {
            String text = java.text.Normalizer.normalize(pdfText(s), java.text.Normalizer.Form.NFKC);
            assertTrue(text.contains(s), s + " not found in logical order in: "
                    + text.lines().filter(l -> !l.isBlank()).limit(3).toList());
        }
    }

    @Test
    void joinersStayInsideWordsAndEmojiAndGoElsewhere() {
        assertEquals("👩\u200D💻", UserText.stripInvisible("👩\u200D💻"));
        assertEquals("می\u200Cخواهم", UserText.stripInvisible("می\u200Cخواهم"));
        assertEquals("क्\u200Dष", UserText.stripInvisible("क्\u200Dष"));
        assertEquals("a b", UserText.stripInvisible("a\u200D \u200Cb"));
        assertEquals("ab", UserText.stripInvisible("\u200Dab\u200C"));
        assertEquals("ab", UserText.stripInvisible("a\u200Bb"), "zero-width space is still noise");
    }
}
