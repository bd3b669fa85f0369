package dev.bearing.support;

import dev.bearing.evaluation.Evaluation;
import dev.bearing.questionnaire.Role;
import dev.bearing.review.AssessmentVersion;
import dev.bearing.review.VersionApproved;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Test data for milestones and the benchmark: assessments answered at a known practice level,
 * evaluated through the API, and approved versions written the way the approval flow writes them
 * (an {@link AssessmentVersion} row copied from the evaluation, then {@link VersionApproved} fired
 * in the same transaction).
 */
public final class Approvals {

    private Approvals() {
    }

    /**
     * Creates an assessment answered by one respondent per role and evaluates it.
     *
     * @param organisation organisation name
     * @param level practice level 0..4 of every scored answer, per role in role order
     * @param context explicit answers (e.g. context.industry) for every role
     * @return the assessment id
     */
    public static long evaluated(String organisation, int[] level, Map<String, String> context) {
        long id = Api.createAssessment(organisation);
        answerAndEvaluate(id, level, context);
        return id;
    }

    /** Adds one respondent per role answering at the given levels, submits and evaluates. */
    public static void answerAndEvaluate(long id, int[] level, Map<String, String> context) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        Map<String, com.fasterxml.jackson.databind.JsonNode> explicit = new java.util.HashMap<>();
        context.forEach((k, v) -> explicit.put(k, f.textNode(v)));
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            String t = Api.addRespondent(id, roles[i].name());
            Api.putMany(t, FullSurvey.answers(roles[i], level[Math.min(i, level.length - 1)], explicit)).then()
                    .statusCode(200);
            Api.submit(t).then().statusCode(200);
        }
        Api.consultant().contentType("application/json").post("/api/v1/assessments/" + id + "/evaluation").then()
                .statusCode(201);
    }

    /**
     * Approves the assessment's latest evaluation as its next version.
     *
     * @return the version's id
     */
    public static long approveLatest(long assessmentId, String approver) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Evaluation e = Evaluation.latestOf(assessmentId).orElseThrow();
            List<AssessmentVersion> earlier = AssessmentVersion.ofAssessment(assessmentId);
            AssessmentVersion v = new AssessmentVersion();
            v.assessmentId = assessmentId;
            v.number = earlier.isEmpty() ? 1 : earlier.get(0).number + 1;
            v.evaluationId = e.id;
            v.approvedBy = approver;
            v.approvedAt = Instant.now();
            v.ruleSetVersion = e.ruleSetVersion;
            v.questionnaireKey = e.assessment.questionnaireKey;
            v.questionnaireVersion = e.assessment.questionnaireVersion;
            v.resultJson = e.resultJson;
            v.contentHash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(e.resultJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            v.stageQuarter = e.stageQuarter;
            v.stagePhase = e.stagePhase;
            v.deliveryBand = e.deliveryBand;
            v.maturityIndex = e.maturityIndex;
            v.persist();
            Arc.container().beanManager().getEvent().select(VersionApproved.class)
                    .fire(new VersionApproved(v.id, assessmentId));
            return v.id;
        });
    }
}
