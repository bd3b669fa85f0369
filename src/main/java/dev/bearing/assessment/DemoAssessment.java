package dev.bearing.assessment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentApi.BulkAnswer;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.evaluation.EvaluationService;
import dev.bearing.questionnaire.AnswerSheet;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import dev.bearing.questionnaire.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The demo assessment ({@code src/main/resources/demo/demo-assessment.yaml}): on first start
 * with an empty database (and {@code bearing.demo.enabled}), it creates the organisation, three
 * respondents, their answers, submits them and evaluates, so the PDF can be opened at once.
 * The log prints the demo's URLs.
 */
@ApplicationScoped
public class DemoAssessment {

    private static final Logger LOG = Logger.getLogger(DemoAssessment.class);

    @Inject
    AssessmentService assessments;

    @Inject
    AnswerService answers;

    @Inject
    EvaluationService evaluations;

    @Inject
    QuestionnaireRegistry questionnaires;

    @Inject
    dev.bearing.common.BearingConfig config;

    record DemoFile(String organisation, List<DemoRespondent> respondents) {
    }

    record DemoRespondent(Role role, String name, Integer fill, Boolean submitted, Map<String, JsonNode> answers) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        String publicUrl = config.publicUrl();
        if (Assessment.count() > 0) {
            LOG.infof("Bearing is ready: log in at %s/login; API documentation at %s/q/swagger-ui. "
                    + "Existing data kept; the demo is created only in an empty database.", publicUrl, publicUrl);
            return;
        }
        List<String> links = new ArrayList<>();
        AssessmentView a = create(links);
        LOG.infof("Demo assessment %d created for \"%s\".", a.id(), a.organisation());
        LOG.infof("  Evaluation: %s/api/v1/assessments/%d/evaluation", publicUrl, a.id());
        LOG.infof("  PDF roadmap: %s/api/v1/assessments/%d/report.pdf", publicUrl, a.id());
        // the links exist only now: Bearing keeps a fingerprint of each, never the link
        links.forEach(line -> LOG.infof("  Survey link (%s; demo only, shown once): %s", line.split("\\|")[0],
                line.split("\\|")[1]));
        LOG.infof("  Assessment page (log in as an admin): %s/assessments/%d", publicUrl, a.id());
        LOG.infof("  API documentation: %s/q/swagger-ui", publicUrl);
    }

    /**
     * Creates, answers, submits and evaluates the demo assessment.
     *
     * @return the new assessment
     */
    public AssessmentView create() {
        return create(new ArrayList<>());
    }

    /**
     * As {@link #create()}, adding to {@code links} "role, state|survey URL" for each respondent:
     * the only moment their links are known.
     */
    AssessmentView create(List<String> links) {
        DemoFile demo = read();
        AssessmentView a = assessments.create(demo.organisation(), null, null);
        Questionnaire q = questionnaires.get(a.questionnaireKey(), a.questionnaireVersion());
        for (DemoRespondent d : demo.respondents()) {
            RespondentView r = assessments.addRespondent(a.id(), d.role(), d.name());
            Map<String, AnswerValue> sheet = AnswerSheet.build(q, d.role(), d.fill(), d.answers());
            List<BulkAnswer> bulk = new ArrayList<>();
            sheet.forEach((key, value) -> {
                var question = q.question(key).orElseThrow();
                bulk.add(new BulkAnswer(key, value.toJsonValue(question), value.isNotApplicable() ? true : null, null));
            });
            answers.save(r.token(), bulk);
            boolean submitted = !Boolean.FALSE.equals(d.submitted());
            if (submitted) {
                answers.submit(r.token());
            }
            links.add(d.role().label() + ", " + (submitted ? "submitted" : "open, half answered") + "|" + r.surveyUrl());
        }
        evaluations.evaluate(a.id());
        return assessments.get(a.id());
    }

    private static DemoFile read() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = DemoAssessment.class.getClassLoader().getResourceAsStream("demo/demo-assessment.yaml")) {
            return yaml.readValue(in, DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo/demo-assessment.yaml cannot be read", e);
        }
    }
}
