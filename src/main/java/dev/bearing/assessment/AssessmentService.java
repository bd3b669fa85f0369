package dev.bearing.assessment;

import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.common.ProblemException;
import dev.bearing.common.Identities;
import dev.bearing.common.TokenGenerator;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import dev.bearing.questionnaire.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates and reads assessments and their respondents. */
@ApplicationScoped
public class AssessmentService {

    /** Questionnaire used when a request names none. */
    public static final String DEFAULT_QUESTIONNAIRE = "devops-maturity";

    @Inject
    OnceForms onceForms;

    @Inject
    QuestionnaireRegistry questionnaires;

    @Inject
    TokenGenerator tokens;

    @Inject
    Clock clock;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    dev.bearing.security.Audit audit;

    @Inject
    AnswerCodec codec;

    @Inject
    dev.bearing.common.BearingConfig config;

    @Inject
    dev.bearing.assessment.AccessControl access;

    /**
     * Creates an organisation and an assessment for it, linked to the organisation's newest earlier
     * assessment the caller may see (see {@link #create(String, String, Integer, Long, boolean)}).
     *
     * @param organisationName 1..200 characters (validated by the caller)
     * @param questionnaireKey questionnaire key or null for the default
     * @param version questionnaire version or null for the newest
     * @return the new assessment
     * @throws ProblemException 404 when the questionnaire or version does not exist
     */
    @Transactional
    public AssessmentView create(String organisationName, String questionnaireKey, Integer version) {
        return create(organisationName, questionnaireKey, version, null, true, Identities.accountId(identity));
    }

    /**
     * As {@link #create(String, String, Integer)}, owned by the given account (null: nobody, seen by
     * admins only).
     */
    @Transactional
    public AssessmentView create(String organisationName, String questionnaireKey, Integer version, Long ownerId) {
        return create(organisationName, questionnaireKey, version, null, true, ownerId);
    }

    /**
     * As {@link #create(String, String, Integer, Long, boolean, Long)}, owned by the caller.
     */
    @Transactional
    public AssessmentView create(String organisationName, String questionnaireKey, Integer version,
            Long previousAssessmentId, boolean linkPrevious) {
        return create(organisationName, questionnaireKey, version, previousAssessmentId, linkPrevious,
                Identities.accountId(identity));
    }

    /**
     * As {@link #create(String, String, Integer, Long, boolean)}, from a form sent with the token
     * {@code once}: a second send of the same form creates nothing.
     *
     * @throws OnceForms.Resent with the assessment the form's first send created
     */
    @Transactional
    public AssessmentView createOnce(String once, String organisationName, boolean linkPrevious) {
        onceForms.claim(once, "assessment");
        AssessmentView v = create(organisationName, null, null, null, linkPrevious, Identities.accountId(identity));
        onceForms.created(once, v.id());
        return v;
    }

    /**
     * Creates an organisation and an assessment for it. Every assessment keeps the organisation's
     * name as typed; two assessments are of the same organisation when their names are equal apart
     * from case and white space (SQL {@code organisation_key(name)}, V7). A re-assessment links to
     * the previous milestone: the assessment named, else (when {@code linkPrevious}) the newest
     * earlier assessment of the same organisation that the caller may see.
     *
     * @param organisationName 1..200 characters (validated by the caller)
     * @param questionnaireKey questionnaire key or null for the default
     * @param version questionnaire version or null for the newest
     * @param previousAssessmentId the previous assessment to link, or null to find it by name
     * @param linkPrevious false for an organisation's first assessment: nothing is linked (ignored
     *     when {@code previousAssessmentId} is given)
     * @param ownerId the owning account (null: nobody, seen by admins only)
     * @return the new assessment
     * @throws ProblemException 404 when the questionnaire or version does not exist; 400 naming
     *     {@code previousAssessmentId} when that assessment does not exist or the caller may not see it
     */
    @Transactional
    public AssessmentView create(String organisationName, String questionnaireKey, Integer version,
            Long previousAssessmentId, boolean linkPrevious, Long ownerId) {
        String key = questionnaireKey == null || questionnaireKey.isBlank() ? DEFAULT_QUESTIONNAIRE : questionnaireKey;
        Questionnaire q = version == null ? questionnaires.latest(key) : questionnaires.get(key, version);
        String name = dev.bearing.common.UserText.singleLine(organisationName);
        Long previous;
        if (previousAssessmentId != null) {
            Assessment p = previousAssessmentId > 0 ? Assessment.findById(previousAssessmentId) : null;
            if (p == null || !access.maySee(p)) {
                throw ProblemException.badField("previousAssessmentId",
                        "no assessment " + previousAssessmentId + " to follow on from");
            }
            previous = p.id;
        } else {
            previous = linkPrevious ? newestOfOrganisation(name) : null;
        }
        Organisation org = new Organisation();
        org.name = name;
        org.createdAt = clock.instant();
        org.persist();
        Assessment a = new Assessment();
        a.organisation = org;
        a.questionnaireKey = q.key();
        a.questionnaireVersion = q.version();
        a.createdAt = clock.instant();
        a.previousAssessmentId = previous;
        a.ownerId = ownerId;
        a.persist();
        audit.record("assessment.created", a.id, "for \"" + org.name + "\" on " + q.key() + " v" + q.version());
        return view(a);
    }

    /**
     * @param organisationName a name as typed
     * @return id of the newest assessment of the organisation of that name (case and white space
     *     aside) that the caller may see, or null
     */
    @SuppressWarnings("unchecked")
    Long newestOfOrganisation(String organisationName) {
        List<Number> ids = Assessment.getEntityManager().createNativeQuery("""
                select a.id from assessment a join organisation o on o.id = a.organisation_id
                where organisation_key(o.name) = organisation_key(:name)
                order by a.created_at desc, a.id desc limit 50""").setParameter("name", organisationName).getResultList();
        for (Number id : ids) {
            Assessment candidate = Assessment.findById(id.longValue());
            if (candidate != null && access.maySee(candidate)) {
                return candidate.id;
            }
        }
        return null;
    }

    /**
     * @return the assessment with its respondents' progress
     * @throws ProblemException 404 when it does not exist
     */
    @Transactional
    public AssessmentView get(long id) {
        return view(find(id));
    }

    /**
     * Adds a respondent with a new secret token.
     *
     * @param assessmentId assessment id
     * @param role role
     * @param name optional name or job title
     * @return the respondent, with the token and survey link
     * @throws ProblemException 404 when the assessment does not exist
     */
    @Transactional
    public RespondentView addRespondent(long assessmentId, Role role, String name) {
        return addRespondent(assessmentId, role, name, null);
    }

    /**
     * As {@link #addRespondent(long, Role, String)}, keeping the respondent's e-mail address.
     *
     * @param email address for the invitation and reminders, or null/blank for none (validated by
     *     the caller; stored stripped)
     */
    @Transactional
    public RespondentView addRespondent(long assessmentId, Role role, String name, String email) {
        Assessment a = find(assessmentId);
        Respondent r = new Respondent();
        r.assessment = a;
        r.role = role;
        r.displayName = name == null || name.isBlank() ? null : dev.bearing.common.UserText.singleLine(name);
        r.email = email == null || email.isBlank() ? null : email.strip();
        String token = tokens.newToken();
        r.tokenHash = TokenGenerator.hash(token);
        r.createdAt = clock.instant();
        r.persist();
        audit.record("respondent.added", a.id, "Added " + r.role.label() + " respondent " + r.id
                + (r.displayName == null ? "" : " (" + r.displayName + ")") + (r.email == null ? "" : " with e-mail " + r.email) + ".");
        return respondentView(r, questionnaire(a), token);
    }

    /**
     * @return the assessment's respondents with progress
     * @throws ProblemException 404 when the assessment does not exist
     */
    @Transactional
    public List<RespondentView> respondents(long assessmentId) {
        Assessment a = find(assessmentId);
        Questionnaire q = questionnaire(a);
        return Respondent.ofAssessment(a.id).stream().map(r -> respondentView(r, q, null)).toList();
    }

    /** @return the questionnaire version the assessment is pinned to */
    public Questionnaire questionnaire(Assessment a) {
        return questionnaires.get(a.questionnaireKey, a.questionnaireVersion);
    }

    /**
     * @return the assessment
     * @throws ProblemException 404 when it does not exist
     */
    public static Assessment find(long id) {
        Assessment a = Assessment.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Assessment " + id);
        }
        return a;
    }

    private AssessmentView view(Assessment a) {
        Questionnaire q = questionnaire(a);
        List<RespondentView> rs = Respondent.ofAssessment(a.id).stream().map(r -> respondentView(r, q, null)).toList();
        Instant latest = dev.bearing.evaluation.Evaluation.latestOf(a.id).map(e -> e.createdAt).orElse(null);
        return new AssessmentView(a.id, a.organisation.name, a.questionnaireKey, a.questionnaireVersion, a.createdAt,
                rs, latest, a.previousAssessmentId);
    }

    /**
     * @param token the survey link's token when it was just created or re-issued (the only time it
     *     is known), otherwise null: the view then carries no token and no link
     * @return the respondent with progress counts computed from the stored answers
     */
    public RespondentView respondentView(Respondent r, Questionnaire q, String token) {
        Map<String, AnswerValue> answers = codec.answersOf(r, q);
        dev.bearing.questionnaire.Progress progress = dev.bearing.questionnaire.Progress.of(q, r.role, answers);
        return new RespondentView(r.id, r.role, r.displayName, token, token == null ? null : config.publicUrl() + "/survey/" + token,
                answers.size(), progress.requiredTotal(), progress.requiredAnswered(), r.startedAt, r.submittedAt, r.email, r.lastMailedAt,
                r.reopenedAt);
    }
}
