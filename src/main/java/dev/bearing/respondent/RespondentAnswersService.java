package dev.bearing.respondent;

import dev.bearing.assessment.AnswerCodec;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.Respondent;
import dev.bearing.common.ProblemException;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.QuestionType;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Visibility;
import dev.bearing.security.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the consultant sees of one respondent's answers (read-only, saved answers whether or not
 * submitted) and reopening a submitted survey.
 */
@ApplicationScoped
public class RespondentAnswersService {

    @Inject
    InvitationService invitations;

    @Inject
    AssessmentService assessments;

    @Inject
    AnswerCodec codec;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /**
     * One respondent's answers as the consultant reads them.
     *
     * @param assessmentId assessment id
     * @param organisation organisation name
     * @param respondent the respondent with progress (no token)
     * @param sections the role's sections in survey order, each with its questions visible now
     */
    public record AnswerSheetView(long assessmentId, String organisation, RespondentView respondent,
            List<SectionAnswers> sections) {
    }

    /**
     * @param key section key
     * @param title section title
     * @param questions the questions of the section the respondent sees now, answered or not
     */
    public record SectionAnswers(String key, String title, List<AnswerLine> questions) {
    }

    /**
     * @param questionKey question key
     * @param text question text
     * @param required whether an answer is required to submit
     * @param freeText true for a free-text question (what the respondent wrote in their own words)
     * @param answer the answer as a reader sees it (choice labels, "3 of 5", the text), or null
     *     when not answered yet
     */
    public record AnswerLine(String questionKey, String text, boolean required, boolean freeText, String answer) {
    }

    /**
     * @return the respondent's saved answers, submitted or not, by section
     * @throws ProblemException 404 unknown assessment or respondent
     */
    @Transactional
    public AnswerSheetView answers(long assessmentId, long respondentId) {
        Respondent r = invitations.respondent(assessmentId, respondentId);
        Questionnaire q = assessments.questionnaire(r.assessment);
        Map<String, AnswerValue> answers = codec.answersOf(r, q);
        Set<String> visible = Visibility.visibleKeys(q, r.role, answers);
        List<SectionAnswers> sections = new ArrayList<>();
        for (Questionnaire.Section s : q.sections()) {
            List<AnswerLine> lines = new ArrayList<>();
            for (Question qu : s.questions()) {
                if (!visible.contains(qu.key()) && !answers.containsKey(qu.key())) {
                    continue;
                }
                AnswerValue v = answers.get(qu.key());
                lines.add(new AnswerLine(qu.key(), qu.text(), qu.required(), qu.type() == QuestionType.TEXT,
                        v == null ? null : v.display(qu)));
            }
            if (!lines.isEmpty()) {
                sections.add(new SectionAnswers(s.key(), s.title(), lines));
            }
        }
        return new AnswerSheetView(r.assessment.id, r.assessment.organisation.name,
                assessments.respondentView(r, q, null), sections);
    }

    /**
     * Reopens a submitted survey: the respondent can change answers with the same link and
     * submit again. Answers are kept. Audited with the note.
     *
     * @param note why, 1..1000 characters
     * @return the respondent, no longer submitted
     * @throws ProblemException 404 unknown respondent; 400 (field {@code note}) without a note;
     *     409 when the survey is not submitted
     */
    @Transactional
    public RespondentView reopen(long assessmentId, long respondentId, String note) {
        dev.bearing.common.StorableText.refuseNul("note", note); // as the API refuses it, not silently dropped
        String n = note == null ? "" : dev.bearing.common.UserText.stripInvisible(note).strip();
        if (n.isEmpty() || n.length() > 1000) {
            throw ProblemException.badField("note", n.isEmpty() ? "say why the survey is reopened"
                    : "must be at most 1000 characters");
        }
        Respondent r = invitations.respondent(assessmentId, respondentId);
        if (r.submittedAt == null) {
            throw ProblemException.conflict("Respondent " + respondentId + " has not submitted; there is nothing to reopen.",
                    List.of());
        }
        audit.record("respondent.reopened", r.assessment.id, "Reopened the survey of "
                + InvitationService.describe(r) + ", submitted " + dev.bearing.common.UserText.when(r.submittedAt) + ". Note: " + n);
        r.submittedAt = null;
        r.reopenedAt = clock.instant();
        return assessments.respondentView(r, assessments.questionnaire(r.assessment), null);
    }
}
