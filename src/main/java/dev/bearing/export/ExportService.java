package dev.bearing.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.Answer;
import dev.bearing.assessment.AnswerCodec;
import dev.bearing.assessment.Assessment;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.Respondent;
import dev.bearing.common.ProblemException;
import dev.bearing.common.UserText;
import dev.bearing.evaluation.Evaluation;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.export.AssessmentExport.AnswerPart;
import dev.bearing.export.AssessmentExport.AssessmentPart;
import dev.bearing.export.AssessmentExport.EvaluationPart;
import dev.bearing.export.AssessmentExport.RespondentPart;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Role;
import dev.bearing.review.AssessmentVersion;
import dev.bearing.assessment.AccessControl;
import dev.bearing.security.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exports answers and results as CSV ({@link SafeCsv}) and JSON ({@link AssessmentExport}), for
 * one assessment or a set (a list of ids, e.g. a dashboard filter's result), and the roadmap as a
 * backlog CSV for Jira or GitHub. Every assessment goes through {@link AccessControl} (404 when
 * the caller may not see it); every export is written to the audit log, per assessment, with what
 * and how many rows.
 */
@ApplicationScoped
public class ExportService {

    /** Most assessments one export may hold. */
    public static final int MAX_ASSESSMENTS = 1000;

    @Inject
    AccessControl access;

    @Inject
    AssessmentService assessments;

    @Inject
    AnswerCodec codec;

    @Inject
    ObjectMapper json;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /**
     * A CSV file to download.
     *
     * @param filename suggested file name
     * @param content UTF-8 bytes (with a BOM when asked)
     * @param rows data rows (the header not counted)
     */
    public record CsvFile(String filename, byte[] content, int rows) {
    }

    /** Backlog CSV flavours: the column names each importer maps by itself. */
    public enum BacklogFormat {
        /** Jira's CSV importer (Summary, Description, Issue Type, Labels...). */
        JIRA,
        /** GitHub issues (title, body, labels, milestone), e.g. for {@code gh issue create}. */
        GITHUB
    }

    /** Columns of the answers CSV. */
    static final List<String> ANSWER_COLUMNS = List.of("assessment_id", "organisation", "questionnaire",
            "respondent_id", "role", "respondent_name", "respondent_email", "respondent_status", "section",
            "question_key", "question", "answer", "value_json", "updated_at");

    /** Columns of the results CSV: one row per capability of the latest evaluation. */
    static final List<String> RESULT_COLUMNS = List.of("assessment_id", "organisation", "evaluated_at",
            "rule_set_version", "respondents_included", "stage", "delivery_band", "maturity_index", "capability_key",
            "capability", "dimension", "combined", "business", "development", "operations", "largest_gap");

    /**
     * Every saved answer of the assessments' respondents (submitted or not), one row per answer.
     *
     * @param assessmentIds 1..{@value #MAX_ASSESSMENTS} ids (duplicates ignored)
     * @param bom start with a UTF-8 byte-order mark (for Excel)
     * @return the CSV
     * @throws ProblemException 404 when an assessment does not exist or the caller may not see it
     */
    @Transactional
    public CsvFile answersCsv(List<Long> assessmentIds, boolean bom) {
        List<List<Object>> rows = new ArrayList<>();
        for (Assessment a : visible(assessmentIds)) {
            int before = rows.size();
            Questionnaire q = assessments.questionnaire(a);
            Map<String, String> sectionOf = new HashMap<>();
            q.sections().forEach(s -> s.questions().forEach(qu -> sectionOf.put(qu.key(), s.title())));
            for (Respondent r : Respondent.ofAssessment(a.id)) {
                Map<String, Answer> stored = new HashMap<>();
                Answer.ofRespondent(r.id).forEach(an -> stored.put(an.questionKey, an));
                for (Question qu : q.questions()) {
                    Answer an = stored.get(qu.key());
                    if (an == null) {
                        continue;
                    }
                    AnswerValue v = codec.read(an.valueJson);
                    rows.add(List.of(a.id, a.organisation.name, a.questionnaireKey + " v" + a.questionnaireVersion,
                            r.id, r.role.name(), nz(r.displayName), nz(r.email), status(r), sectionOf.get(qu.key()),
                            qu.key(), qu.text(), v.display(qu), write(v.toJsonValue(qu)), an.updatedAt.toString()));
                }
            }
            audit.record("export.answers_csv", a.id, "Exported answers as CSV: " + UserText.count(rows.size() - before, "row")
                    + (assessmentIds.size() > 1 ? " (one of " + assessmentIds.size() + " assessments in the file)" : "") + ".");
        }
        return new CsvFile(name(assessmentIds, "answers"), SafeCsv.write(ANSWER_COLUMNS, rows, bom), rows.size());
    }

    /**
     * The latest evaluation of each assessment, one row per capability; assessments not
     * evaluated yet have no rows.
     *
     * @param assessmentIds 1..{@value #MAX_ASSESSMENTS} ids
     * @param bom start with a UTF-8 byte-order mark
     * @return the CSV
     * @throws ProblemException 404 when an assessment does not exist or the caller may not see it
     */
    @Transactional
    public CsvFile resultsCsv(List<Long> assessmentIds, boolean bom) {
        List<List<Object>> rows = new ArrayList<>();
        for (Assessment a : visible(assessmentIds)) {
            int before = rows.size();
            Evaluation e = Evaluation.latestOf(a.id).orElse(null);
            if (e != null) {
                EvaluationResult r = read(e.resultJson);
                for (EvaluationResult.CapabilityResult c : r.capabilities()) {
                    List<Object> row = new ArrayList<>(List.of(a.id, a.organisation.name, e.createdAt.toString(),
                            e.ruleSetVersion, e.respondentsIncluded, r.stage().label(), nz(r.delivery().band()),
                            r.maturity().index(), c.key(), c.name(), c.dimension()));
                    row.add(c.combined());
                    for (Role role : Role.values()) {
                        row.add(c.byRole() == null ? null : c.byRole().get(role.name()));
                    }
                    row.add(c.gap());
                    rows.add(row);
                }
            }
            audit.record("export.results_csv", a.id, "Exported results as CSV: " + UserText.count(rows.size() - before, "row")
                    + (e == null ? " (not evaluated yet)" : "") + ".");
        }
        return new CsvFile(name(assessmentIds, "results"), SafeCsv.write(RESULT_COLUMNS, rows, bom), rows.size());
    }

    /**
     * @return the assessments as JSON documents, in the order of the ids
     * @throws ProblemException 404 when an assessment does not exist or the caller may not see it
     */
    @Transactional
    public List<AssessmentExport> json(List<Long> assessmentIds) {
        List<AssessmentExport> out = new ArrayList<>();
        for (Assessment a : visible(assessmentIds)) {
            AssessmentExport x = document(a);
            out.add(x);
            audit.record("export.json", a.id, "Exported as JSON: " + UserText.count(x.respondents().size(), "respondent") + ", "
                    + UserText.count(x.respondents().stream().mapToInt(r -> r.answers().size()).sum(), "answer") + ", "
                    + UserText.count(x.evaluations().size(), "evaluation") + ".");
        }
        return out;
    }

    /**
     * @param organisation part of an organisation's name, matched without regard to case
     * @return ids of the visible assessments of matching organisations, oldest first (at most
     *     {@value #MAX_ASSESSMENTS})
     * @throws ProblemException 400 (field {@code organisation}) when blank
     */
    @Transactional
    public List<Long> assessmentIdsOfOrganisation(String organisation) {
        if (organisation == null || organisation.isBlank()) {
            throw ProblemException.badField("organisation", "give part of an organisation's name");
        }
        String pattern = "%" + organisation.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        // visibility in the query, as Assessment.visibleTo: owned or shared, or everything for an admin
        String visible = access.isAdmin() ? ""
                : " and (ownerId = ?2 or id in (select s.assessmentId from AssessmentShare s where s.accountId = ?2))";
        var query = access.isAdmin()
                ? Assessment.find("lower(organisation.name) like ?1 escape '\\'" + visible + " order by id", pattern)
                : Assessment.find("lower(organisation.name) like ?1 escape '\\'" + visible + " order by id", pattern,
                        access.accountId());
        List<Assessment> found = query.page(0, MAX_ASSESSMENTS).list();
        return found.stream().map(a -> a.id).toList();
    }

    /**
     * The roadmap as a backlog: of the newest approved version when there is one, else of the
     * latest evaluation. One row per roadmap item; its id {@code bearing-<assessment>-<item key>}
     * comes from the rule's item key, so it stays the same across evaluations.
     *
     * @param assessmentId assessment id
     * @param format column names for Jira or GitHub
     * @return the CSV (no BOM: importers read UTF-8)
     * @throws ProblemException 404 unknown assessment or not evaluated yet
     */
    @Transactional
    public CsvFile backlogCsv(long assessmentId, BacklogFormat format) {
        Assessment a = access.assessment(assessmentId);
        AssessmentVersion version = AssessmentVersion.latestOf(a.id).orElse(null);
        String source;
        EvaluationResult result;
        if (version != null) {
            result = read(version.resultJson);
            source = "approved version " + version.number;
        } else {
            Evaluation e = Evaluation.latestOf(a.id).orElseThrow(() -> new ProblemException(404, "Not evaluated",
                    "Assessment " + assessmentId + " has not been evaluated yet; the backlog comes from its roadmap.",
                    List.of()));
            result = read(e.resultJson);
            source = "evaluation of " + e.createdAt + " (not approved)";
        }
        List<List<Object>> rows = new ArrayList<>();
        for (EvaluationResult.RoadmapEntry item : result.roadmap()) {
            String id = itemId(a.id, item.key());
            String phaseLabel = "phase-" + item.phase() + "-" + slug(item.phaseLabel());
            String deps = String.join(", ", item.dependsOn().stream().map(k -> itemId(a.id, k)).toList());
            StringBuilder d = new StringBuilder(nz(item.rationale()));
            d.append("\n\nPhase: ").append(item.phaseLabel());
            if (item.tool() != null) {
                d.append("\nTool: ").append(item.tool());
            }
            d.append("\nEffort: ").append(nz(item.effort())).append("\nOwner: ").append(nz(item.owner()));
            if (!deps.isEmpty()) {
                d.append("\nDepends on: ").append(deps);
            }
            d.append("\nBearing item: ").append(id).append(" (").append(a.organisation.name).append(", ").append(source)
                    .append(")");
            if (format == BacklogFormat.JIRA) {
                rows.add(List.of(item.title(), d.toString(), "Task", "bearing", phaseLabel, id, item.phaseLabel(),
                        nz(item.effort()), nz(item.owner()), deps, nz(item.capability()), nz(item.tool())));
            } else {
                rows.add(List.of(item.title(), d.toString(), "bearing," + phaseLabel, item.phaseLabel(), id,
                        nz(item.effort()), nz(item.owner()), deps));
            }
        }
        List<String> header = format == BacklogFormat.JIRA
                ? List.of("Summary", "Description", "Issue Type", "Labels", "Labels", "Bearing ID", "Phase", "Effort",
                        "Owner role", "Depends on", "Capability", "Tool")
                : List.of("title", "body", "labels", "milestone", "bearing_id", "effort", "owner_role", "depends_on");
        audit.record("export.backlog_csv", a.id, "Exported the roadmap as a "
                + (format == BacklogFormat.JIRA ? "Jira" : "GitHub") + " backlog CSV: " + UserText.count(rows.size(), "row")
                + ", from the " + source + ".");
        return new CsvFile("assessment-" + a.id + "-backlog-" + format.name().toLowerCase(Locale.ROOT) + ".csv",
                SafeCsv.write(header, rows, false), rows.size());
    }

    /** @return the stable backlog id of a roadmap item: {@code bearing-<assessment id>-<item key>} */
    static String itemId(long assessmentId, String key) {
        return "bearing-" + assessmentId + "-" + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }

    private static String slug(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    AssessmentExport document(Assessment a) {
        Questionnaire q = assessments.questionnaire(a);
        List<RespondentPart> respondents = new ArrayList<>();
        for (Respondent r : Respondent.ofAssessment(a.id)) {
            Map<String, Answer> stored = new HashMap<>();
            Answer.ofRespondent(r.id).forEach(an -> stored.put(an.questionKey, an));
            List<AnswerPart> answers = new ArrayList<>();
            for (Question qu : q.questions()) {
                Answer an = stored.get(qu.key());
                if (an != null) {
                    AnswerValue v = codec.read(an.valueJson);
                    answers.add(new AnswerPart(qu.key(), v.isNotApplicable() ? null : v.toJsonValue(qu),
                            v.isNotApplicable(), v.display(qu), an.updatedAt));
                }
            }
            respondents.add(new RespondentPart(r.id, r.role, r.displayName, r.email, status(r), r.createdAt,
                    r.startedAt, r.submittedAt, r.reopenedAt, answers));
        }
        List<Evaluation> evaluations = Evaluation.list("assessment.id = ?1 order by createdAt, id", a.id);
        List<EvaluationPart> evs = evaluations.stream().map(e -> new EvaluationPart(e.id, e.createdAt, e.ruleSetVersion,
                e.respondentsIncluded, read(e.resultJson))).toList();
        return new AssessmentExport(AssessmentExport.FORMAT, clock.instant(), new AssessmentPart(a.id, a.organisation.name,
                a.questionnaireKey, a.questionnaireVersion, a.createdAt), respondents, evs);
    }

    private List<Assessment> visible(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.badField("assessment", "name at least one assessment id, or an organisation");
        }
        LinkedHashSet<Long> unique = new LinkedHashSet<>(ids);
        if (unique.size() > MAX_ASSESSMENTS) {
            throw ProblemException.badField("assessment", "at most " + MAX_ASSESSMENTS + " assessments per export, was "
                    + unique.size());
        }
        return unique.stream().map(access::assessment).toList();
    }

    private static String name(List<Long> ids, String what) {
        LinkedHashSet<Long> unique = new LinkedHashSet<>(ids);
        return (unique.size() == 1 ? "assessment-" + unique.iterator().next() : unique.size() + "-assessments") + "-"
                + what + ".csv";
    }

    static String status(Respondent r) {
        return r.submittedAt != null ? "SUBMITTED" : r.startedAt != null ? "IN_PROGRESS" : "NOT_STARTED";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Value cannot be written as JSON", e);
        }
    }

    EvaluationResult read(String s) {
        try {
            return json.readValue(s, EvaluationResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evaluation cannot be read", e);
        }
    }
}
