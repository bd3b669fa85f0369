package dev.bearing.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.AssessmentApi.BulkAnswer;
import dev.bearing.common.ProblemException;
import dev.bearing.common.ProblemTypes;
import dev.bearing.common.StorableText;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.QuestionType;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the respondent's survey pages show and accept: the sections of the respondent's role,
 * each question with its stored answer and version, progress, and form saves (the no-JavaScript
 * path). Answers are saved through {@link AnswerService}, so the API and the pages share one set
 * of rules.
 */
@ApplicationScoped
public class SurveyService {

    @Inject
    AssessmentService assessments;

    @Inject
    AnswerService answerService;

    @Inject
    AnswerCodec codec;

    @Inject
    ObjectMapper json;

    /**
     * Typical time to read and answer one question, in seconds: reading the question (and its
     * help) at about 4 words a second, plus each choice label for choice questions, plus the
     * time to decide or type: 10 s for a scale, 15 s for a choice or a number, 90 s for free
     * text. Measured against a read-through by a real respondent (development role: 26–46
     * minutes), which the former 25 s per question understated.
     *
     * @param q a question
     * @return seconds
     */
    static int secondsToAnswer(Question q) {
        int words = words(q.text()) + words(q.help());
        if (q.choices() != null) {
            words += q.choices().stream().mapToInt(c -> words(c.label())).sum();
        }
        int decide = switch (q.type()) {
            case SCALE -> 10;
            case SINGLE, MULTI, NUMBER -> 15;
            case TEXT -> 90;
        };
        return (int) Math.ceil(words / 4.0) + decide;
    }

    private static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    /**
     * The respondent's survey as a whole.
     *
     * @param token secret token
     * @param organisation organisation name
     * @param role role label, e.g. Operations
     * @param title questionnaire title
     * @param description questionnaire description
     * @param estimatedMinutes typical time for this role, in minutes, from the questions the role
     *     can be asked (follow-ups included, except the "which tools?" text under "Something else")
     *     by type: see {@link #secondsToAnswer}
     * @param questionCount questions the role can be asked, follow-ups included
     * @param startedAt first answer, or null
     * @param submittedAt submission time, or null
     * @param reopenedAt when a consultant last reopened the submitted survey (the earlier answers
     *     are kept), or null
     * @param sections the role's sections with progress
     * @param requiredTotal visible required questions in all sections
     * @param requiredAnswered of those, answered
     * @param requiredFollowUps of {@code requiredTotal}, the follow-ups (questions with a
     *     visibleWhen condition) that earlier answers made visible: the amount by which the
     *     target has grown, which the pages show as "+N follow-up questions"
     */
    public record Survey(String token, String organisation, String role, String title, String description,
            int estimatedMinutes, int questionCount, Instant startedAt, Instant submittedAt, Instant reopenedAt,
            List<SectionProgress> sections,
            int requiredTotal, int requiredAnswered, int requiredFollowUps) {

        /** @return percentage of required questions answered, 0..100 (also in the progress API) */
        @com.fasterxml.jackson.annotation.JsonProperty("percent")
        public int percent() {
            return dev.bearing.questionnaire.Progress.percent(requiredAnswered, requiredTotal);
        }

        /** @return e.g. "3 required questions", "1 required question": those visible still to answer (pages) */
        public String missingText() {
            return dev.bearing.common.UserText.count(Math.max(0, requiredTotal - requiredAnswered), "required question");
        }

        /** @return e.g. "12 of 55": required questions answered of those visible (pages and API) */
        @com.fasterxml.jackson.annotation.JsonProperty("countText")
        public String countText() {
            return requiredAnswered + " of " + requiredTotal;
        }

        /**
         * @return " (+3 follow-up questions)" when earlier answers revealed required follow-ups,
         *     else empty: how much the target grew (pages and API, so the script shows the same words)
         */
        @com.fasterxml.jackson.annotation.JsonProperty("followUpsText")
        public String followUpsText() {
            return requiredFollowUps == 0 ? ""
                    : " (+" + requiredFollowUps + " follow-up question" + (requiredFollowUps == 1 ? "" : "s") + ")";
        }

        /** @return true once submitted: the survey is read-only */
        public boolean submitted() {
            return submittedAt != null;
        }

        /** @return the first section with a required question still to answer, else the first section */
        public String resumeSection() {
            return sections.stream().filter(s -> s.requiredAnswered() < s.requiredTotal()).findFirst()
                    .orElse(sections.get(0)).key();
        }
    }

    /**
     * Progress of one section.
     *
     * @param number 1-based position among the role's sections
     * @param key section key
     * @param title section title
     * @param requiredTotal visible required questions
     * @param requiredAnswered of those, answered
     * @param answered answers given in the section
     */
    public record SectionProgress(int number, String key, String title, int requiredTotal, int requiredAnswered,
            int answered) {

        /** @return percentage of required questions answered, 0..100 (also in the progress API) */
        @com.fasterxml.jackson.annotation.JsonProperty("percent")
        public int percent() {
            return dev.bearing.questionnaire.Progress.percent(requiredAnswered, requiredTotal);
        }

        /** @return what the section list shows beside the title: "3/7", or "2 answered" when nothing is required */
        @com.fasterxml.jackson.annotation.JsonProperty("countText")
        public String countText() {
            return requiredTotal == 0 ? answered + " answered" : requiredAnswered + "/" + requiredTotal;
        }
    }

    /**
     * One section page.
     *
     * @param survey the survey
     * @param section this section's progress
     * @param intro section intro
     * @param questions the role's questions of the section (hidden ones marked, for branching)
     * @param previous previous section key, or null
     * @param next next section key, or null (then the review page follows)
     */
    public record SectionPage(Survey survey, SectionProgress section, String intro, List<QuestionView> questions,
            String previous, String next) {
    }

    /**
     * A question as a form field.
     *
     * @param q the question
     * @param visible whether its branching condition holds now
     * @param value the stored answer, or null
     * @param version the stored answer's version, or null when unanswered
     * @param display the stored answer as a reader sees it, or null
     * @param error a message about the last attempt to save it, or null
     * @param submitted what the respondent sent when its save was refused (shown again instead of
     *     the stored answer, so no tick or typed text is lost), or null
     * @param visibleWhenJson the branching condition as JSON for the page script, or null
     */
    public record QuestionView(Question q, boolean visible, AnswerValue value, Integer version, String display,
            String error, Submitted submitted, String visibleWhenJson) {

        /** @return true when the choice is ticked: in what was sent on a refused save, else in the stored answer */
        public boolean chose(String choiceKey) {
            if (submitted != null) {
                return !submitted.notApplicable() && submitted.values().contains(choiceKey);
            }
            return value != null && value.chose(choiceKey);
        }

        /**
         * @return true when the page offers "Clear answer": an optional question answered by one
         *     radio choice (SINGLE or SCALE), whose pick a browser cannot otherwise undo
         */
        public boolean clearable() {
            return !q.required() && (q.type() == QuestionType.SINGLE || q.type() == QuestionType.SCALE);
        }

        /** @return true when the scale point n is picked: in what was sent on a refused save, else stored */
        public boolean scaleIs(int n) {
            if (submitted != null) {
                return !submitted.notApplicable() && submitted.values().contains(String.valueOf(n));
            }
            return value != null && value.number() != null && value.number().intValue() == n;
        }

        /** @return the value for a NUMBER or TEXT field: what was typed on error, else the stored value */
        public String fieldValue() {
            if (submitted != null) {
                return submitted.notApplicable() || submitted.values().isEmpty() ? "" : submitted.values().get(0);
            }
            if (value == null || value.isNotApplicable()) {
                return "";
            }
            if (value.text() != null) {
                return value.text();
            }
            if (value.number() != null) {
                double n = value.number();
                return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
            }
            return "";
        }

        /** @return the accepted range of a NUMBER question as a hint, e.g. "A number from 0 to 500." */
        public String rangeText() {
            if (q.number() == null) {
                return "";
            }
            return "A number from " + plain(q.number().min()) + " to " + plain(q.number().max())
                    + (q.number().unit() == null ? "" : " (" + q.number().unit() + ")") + ".";
        }

        /**
         * What the page says when a value of this question is refused as invalid, in the words of
         * the form rather than the API's (whose problem detail stays exact for programs).
         *
         * @return e.g. "Enter a whole number from 1 to 100,000." for NUMBER, "Choose a point from 1 to
         *     5." for SCALE; null for other types, whose API messages are shown as they are
         */
        public String invalidValueText() {
            return switch (q.type()) {
                case NUMBER -> q.number() == null ? null
                        : "Enter a " + (q.number().wholeNumbers() ? "whole " : "") + "number from "
                                + plain(q.number().min()) + " to " + plain(q.number().max()) + ".";
                case SCALE -> "Choose a point from 1 to 5.";
                default -> null;
            };
        }

        /**
         * @param refusal why the service refused this question's answer
         * @return the message for the page: {@link #invalidValueText()} for an invalid value where
         *     there is one, else the refusal's own message starting with a capital and ending with a full stop
         */
        public String refusalText(ProblemException refusal) {
            if (ProblemTypes.INVALID_VALUE.equals(refusal.type()) && invalidValueText() != null) {
                return invalidValueText();
            }
            String m = refusal.errors().isEmpty() ? refusal.getMessage() : refusal.errors().get(0).message();
            if (m == null || m.isEmpty()) {
                return "Not saved.";
            }
            m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
            return m.endsWith(".") ? m : m + ".";
        }

        private static String plain(double d) {
            return d == Math.rint(d) ? String.format(java.util.Locale.UK, "%,d", (long) d) : String.valueOf(d);
        }

        /** @return true when "not applicable" is ticked: in what was sent on a refused save, else stored */
        public boolean notApplicable() {
            if (submitted != null) {
                return submitted.notApplicable();
            }
            return value != null && value.isNotApplicable();
        }

        /** @return whether the question has been answered */
        public boolean answered() {
            return value != null;
        }
    }

    /**
     * What a form sent for one question whose save was refused.
     *
     * @param values the values of {@code q.<key>} as sent (several for MULTI)
     * @param notApplicable whether "not applicable" was ticked
     */
    public record Submitted(List<String> values, boolean notApplicable) {
    }

    /**
     * Why a form's answer to one question was not saved.
     *
     * @param message what the page says on the field
     * @param submitted what was sent, to show again; null when the stored answer is shown instead
     *     (it was changed elsewhere meanwhile, and the message says so)
     */
    public record Refusal(String message, Submitted submitted) {
    }

    /**
     * A section of the respondent's read-only answers.
     *
     * @param key section key
     * @param title section title
     * @param lines the visible questions of the section with their answers
     */
    public record AnswerSection(String key, String title, List<ReviewLine> lines) {
    }

    /**
     * One line of the review page.
     *
     * @param section section key
     * @param sectionTitle section title
     * @param key question key
     * @param text question text
     * @param required whether required
     * @param display the answer, or null when unanswered
     */
    public record ReviewLine(String section, String sectionTitle, String key, String text, boolean required,
            String display) {
    }

    /**
     * @return the survey overview for the token
     * @throws ProblemException 404 when the token is unknown
     */
    @Transactional
    public Survey survey(String token) {
        Respondent r = AnswerService.respondent(token);
        Questionnaire q = assessments.questionnaire(r.assessment);
        return survey(token, r, q, Progress.of(q, r.role, codec.answersOf(r, q)));
    }

    /**
     * @param token secret token
     * @param sectionKey section key
     * @param refusals why answers of a form save were refused, by question key (may be empty)
     * @return the section page
     * @throws ProblemException 404 when the token or the section (for this role) is unknown
     */
    @Transactional
    public SectionPage section(String token, String sectionKey, Map<String, Refusal> refusals) {
        Respondent r = AnswerService.respondent(token);
        Questionnaire q = assessments.questionnaire(r.assessment);
        Map<String, AnswerValue> answers = codec.answersOf(r, q);
        Progress progress = Progress.of(q, r.role, answers);
        Survey survey = survey(token, r, q, progress);
        List<Questionnaire.Section> sections = Progress.sectionsFor(q, r.role);
        int index = -1;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).key().equals(sectionKey)) {
                index = i;
            }
        }
        if (index < 0) {
            throw ProblemException.notFound("Section " + sectionKey);
        }
        Questionnaire.Section s = sections.get(index);
        Map<String, Answer> stored = new HashMap<>();
        Answer.ofRespondent(r.id).forEach(a -> stored.put(a.questionKey, a));
        List<QuestionView> views = new ArrayList<>();
        for (Question qu : s.questions()) {
            if (!qu.roles().contains(r.role)) {
                continue;
            }
            Answer a = stored.get(qu.key());
            AnswerValue v = answers.get(qu.key());
            Refusal refused = refusals.get(qu.key());
            views.add(new QuestionView(qu, progress.visible().contains(qu.key()), v, a == null ? null : a.version,
                    v == null ? null : v.display(qu), refused == null ? null : refused.message(),
                    refused == null ? null : refused.submitted(),
                    qu.visibleWhen() == null ? null : write(qu.visibleWhen())));
        }
        return new SectionPage(survey, survey.sections().get(index), s.intro(), views,
                index > 0 ? sections.get(index - 1).key() : null,
                index < sections.size() - 1 ? sections.get(index + 1).key() : null);
    }

    /**
     * @return every visible question of the respondent with its answer, in survey order
     * @throws ProblemException 404 when the token is unknown
     */
    @Transactional
    public List<ReviewLine> review(String token) {
        Respondent r = AnswerService.respondent(token);
        Questionnaire q = assessments.questionnaire(r.assessment);
        Map<String, AnswerValue> answers = codec.answersOf(r, q);
        Set<String> visible = Progress.of(q, r.role, answers).visible();
        List<ReviewLine> out = new ArrayList<>();
        for (Questionnaire.Section s : q.sections()) {
            for (Question qu : s.questions()) {
                if (visible.contains(qu.key())) {
                    AnswerValue v = answers.get(qu.key());
                    out.add(new ReviewLine(s.key(), s.title(), qu.key(), qu.text(), qu.required(),
                            v == null ? null : v.display(qu)));
                }
            }
        }
        return out;
    }

    /**
     * @return the respondent's answers by section, as the review page lists them (visible
     *     questions only), for the read-only view after submit
     * @throws ProblemException 404 when the token is unknown
     */
    @Transactional
    public List<AnswerSection> answersBySection(String token) {
        Map<String, AnswerSection> out = new LinkedHashMap<>();
        for (ReviewLine l : review(token)) {
            out.computeIfAbsent(l.section(), k -> new AnswerSection(k, l.sectionTitle(), new ArrayList<>())).lines().add(l);
        }
        return List.copyOf(out.values());
    }

    /** Why a section form's answer was not saved when another tab or window changed it first. */
    static final String CHANGED_MEANWHILE = "This answer was changed meanwhile in another window or tab, so yours was "
            + "not saved. The saved answer is shown; change it again if needed.";

    /**
     * Saves a section form (the path without JavaScript). Each question is saved on its own:
     * valid answers are kept even when another is refused; an emptied field removes the answer.
     *
     * @param page the section as it is stored now (what the form's fields are compared with)
     * @param form form fields: {@code q.<key>} (repeated for MULTI), {@code na.<key>},
     *     {@code v.<key>} (the version the page was rendered with), {@code clear} (the key of
     *     a question whose "Clear answer" button was pressed: its answer is removed)
     * @return why answers were refused, by question key (empty when all saved): what was sent is
     *     kept to be shown again, except for an answer changed elsewhere meanwhile, whose stored
     *     value is shown with a message saying so; and the follow-up answers the saved changes
     *     removed because they hid them, which the page must mention (see {@link FormSaved})
     * @throws ProblemException 409 when already submitted
     */
    public FormSaved saveForm(SectionPage page, Map<String, List<String>> form) {
        String token = page.survey().token();
        if (page.survey().submitted()) {
            throw ProblemException.conflict("This survey was submitted and can no longer change.", List.of());
        }
        Map<String, Refusal> errors = new LinkedHashMap<>();
        Set<String> onThisPage = new java.util.HashSet<>();
        page.questions().forEach(v -> onThisPage.add(v.q().key()));
        Map<String, List<String>> removed = new LinkedHashMap<>();
        for (QuestionView view : page.questions()) {
            Question qu = view.q();
            List<String> values = form.getOrDefault("q." + qu.key(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            boolean na = form.containsKey("na." + qu.key());
            if (form.getOrDefault("clear", List.of()).contains(qu.key()) && view.clearable()) {
                values = List.of();
                na = false;
            }
            Integer version = parseVersion(form.get("v." + qu.key()));
            Submitted sent = new Submitted(values, na);
            if (values.stream().anyMatch(StorableText::hasNul)) {
                // refused as the API refuses it, before the database would (see StorableText)
                errors.put(qu.key(), new Refusal("This answer " + StorableText.NUL_MESSAGE + ".", sent));
                continue;
            }
            JsonNode value;
            try {
                value = na ? null : AnswerValue.fromForm(qu, values);
            } catch (AnswerValue.AmbiguousNumberException e) {
                errors.put(qu.key(), new Refusal(e.pageText(), sent));
                continue;
            } catch (NumberFormatException e) {
                errors.put(qu.key(), new Refusal("Enter a number.", sent));
                continue;
            }
            boolean unchanged = sameAsStored(view, value, na);
            if (unchanged) {
                continue;
            }
            if (value == null && !na && view.version() != null && version == null) {
                // the page was rendered before this question had an answer: one given meanwhile in
                // another tab is not removed by a form that never showed it
                errors.put(qu.key(), new Refusal(CHANGED_MEANWHILE, null));
                continue;
            }
            try {
                List<String> cleared = List.of();
                if (value == null && !na) {
                    if (view.version() != null) {
                        cleared = answerService.delete(token, qu.key(), version);
                    }
                } else {
                    cleared = answerService.save(token, List.of(new BulkAnswer(qu.key(), value, na ? true : null, version)))
                            .stream().flatMap(a -> a.clearedFollowUps() == null ? java.util.stream.Stream.<String>empty()
                                    : a.clearedFollowUps().stream()).toList();
                }
                if (!cleared.isEmpty()) {
                    removed.put(qu.key(), cleared);
                }
            } catch (ProblemException e) {
                if (ProblemTypes.NOT_VISIBLE.equals(e.type())) {
                    // a follow-up this post's own answers hide (its hidden field was sent along):
                    // nothing the respondent can see was lost, and its stored answer went with the parent's change
                    continue;
                }
                if (ProblemTypes.STALE_VERSION.equals(e.type())) {
                    errors.put(qu.key(), new Refusal(CHANGED_MEANWHILE, null));
                } else {
                    errors.put(qu.key(), new Refusal(view.refusalText(e), sent));
                }
            }
        }
        int total = removed.values().stream().mapToInt(List::size).sum();
        int here = (int) removed.values().stream().flatMap(List::stream).filter(onThisPage::contains).count();
        return new FormSaved(errors, List.copyOf(removed.keySet()), total, here);
    }

    /**
     * What a section form's save came to.
     *
     * @param refusals why answers were refused, by question key (empty when all saved)
     * @param removedAfter the questions whose changed answer hid follow-ups that had answers, in page order
     * @param removed how many follow-up answers those changes removed (0 when none)
     * @param removedHere how many of them were on the page that was sent (the rest are on other pages)
     */
    public record FormSaved(Map<String, Refusal> refusals, List<String> removedAfter, int removed, int removedHere) {
    }

    /**
     * The sentence a page shows after a form save removed follow-up answers, as the page script
     * says it beside the field ("Saved. 2 answers on other pages followed up this one and no longer
     * apply, so they were removed."), naming the question(s) changed since the page that says it
     * may be the next one.
     *
     * @param token the respondent's token
     * @param removed how many follow-up answers were removed (1 or more)
     * @param removedHere how many of them were on the page that was sent
     * @param after the keys of the questions whose change hid them; unknown keys are ignored
     * @return the sentence; null when {@code removed} is below 1 or no key names a question of the survey
     * @throws ProblemException 404 when the token is unknown
     */
    @Transactional
    public String removedFollowUpsText(String token, int removed, int removedHere, List<String> after) {
        if (removed < 1 || after == null) {
            return null;
        }
        Respondent r = AnswerService.respondent(token);
        Questionnaire q = assessments.questionnaire(r.assessment);
        List<String> texts = after.stream().distinct().map(q::question).flatMap(java.util.Optional::stream)
                .map(qu -> "\u201c" + qu.text() + "\u201d").toList();
        if (texts.isEmpty()) {
            return null;
        }
        String parents = texts.size() == 1 ? texts.get(0)
                : String.join(", ", texts.subList(0, texts.size() - 1)) + " and " + texts.get(texts.size() - 1);
        String yours = "your answer" + (texts.size() == 1 ? "" : "s") + " to " + parents;
        boolean elsewhere = removedHere <= 0;
        if (removed == 1) {
            return "Saved. 1 answer" + (elsewhere ? " on another page" : "") + " followed up " + yours
                    + " and no longer applies, so it was removed.";
        }
        return "Saved. " + removed + " answers" + (elsewhere ? " on other pages" : "") + " followed up " + yours
                + " and no longer apply, so they were removed.";
    }

    private boolean sameAsStored(QuestionView view, JsonNode value, boolean na) {
        if (view.value() == null) {
            return value == null && !na;
        }
        if (na || view.value().isNotApplicable()) {
            return na && view.value().isNotApplicable();
        }
        return value != null && value.equals(view.value().toJsonValue(view.q()));
    }

    private static Integer parseVersion(List<String> v) {
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.get(0).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The survey as the pages and the progress API show it, with the counts {@link Progress} made. */
    Survey survey(String token, Respondent r, Questionnaire q, Progress p) {
        List<SectionProgress> sections = new ArrayList<>();
        int number = 1;
        for (Progress.SectionCount c : p.sections()) {
            sections.add(new SectionProgress(number++, c.section().key(), c.section().title(), c.requiredTotal(),
                    c.requiredAnswered(), c.answered()));
        }
        List<Question> asked = q.questions().stream().filter(qu -> qu.roles().contains(r.role)).toList();
        return new Survey(token, r.assessment.organisation.name, r.role.label(), q.title(), welcomeText(q.description()),
                estimatedMinutes(q, r.role), asked.size(), r.startedAt, r.submittedAt, r.reopenedAt, sections, p.requiredTotal(),
                p.requiredAnswered(), p.requiredFollowUps());
    }

    /**
     * The questionnaire's description as the survey shows it. Released questionnaires (v1 to v3)
     * say "Every answer is saved as you go", which is true only while the page script runs; the
     * welcome page states how answers are saved itself (differently with and without the
     * script), so a sentence of the description about saving answers is left out. A released
     * file is never edited: its checksum is frozen.
     *
     * @param description the questionnaire's description
     * @return the description without sentences that say answers are saved as you go
     */
    static String welcomeText(String description) {
        if (description == null) {
            return null;
        }
        return java.util.Arrays.stream(description.strip().split("(?<=[.!?])\\s+"))
                .filter(sentence -> !sentence.matches("(?is).*\\bsaved\\b.*\\bas you go\\b.*"))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * Typical time a respondent of the role needs for the whole survey, as the welcome page and
     * the invitation mail state it.
     *
     * @param q the questionnaire
     * @param role the respondent's role
     * @return minutes, rounded up to a multiple of 5, at least 5: the sum of
     *     {@link #secondsToAnswer} over the questions the role can be asked (follow-ups included,
     *     except the "which tools?" text under "Something else")
     */
    public static int estimatedMinutes(Questionnaire q, dev.bearing.questionnaire.Role role) {
        // "which tools?" appears only under "Something else", which few respondents choose: not timed
        int seconds = q.questions().stream().filter(qu -> qu.roles().contains(role))
                .filter(qu -> qu.catalogRole() != Question.CatalogRole.OTHER_NAMES)
                .mapToInt(SurveyService::secondsToAnswer).sum();
        return Math.max(5, (int) Math.ceil(seconds / 300.0) * 5);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
