package dev.bearing.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides how far a respondent has got: which questions are visible (through
 * {@link Visibility}), how many visible required questions there are and how many are answered,
 * per section and overall, how many of them are follow-ups, and which are still missing. The
 * survey pages, the progress API, the submit check and the consultant's respondent list all read
 * it, so they always agree.
 *
 * @param visible keys of the visible questions of the role, in survey order
 * @param sections the role's sections (those holding at least one of its questions) with counts
 * @param requiredTotal visible required questions in all sections
 * @param requiredAnswered of those, answered
 * @param requiredFollowUps of {@code requiredTotal}, the follow-ups (questions with a visibleWhen
 *     condition) that earlier answers made visible
 * @param missingRequired the visible required questions not answered yet, in survey order
 */
public record Progress(Set<String> visible, List<SectionCount> sections, int requiredTotal, int requiredAnswered,
        int requiredFollowUps, List<Question> missingRequired) {

    /**
     * Progress of one section.
     *
     * @param section the section
     * @param requiredTotal visible required questions of the role in it
     * @param requiredAnswered of those, answered
     * @param answered visible questions answered in it, required or not
     */
    public record SectionCount(Questionnaire.Section section, int requiredTotal, int requiredAnswered, int answered) {
    }

    /**
     * @param q the questionnaire
     * @param role the respondent's role
     * @param answers the stored answers by question key
     * @return the progress those answers make
     */
    public static Progress of(Questionnaire q, Role role, Map<String, AnswerValue> answers) {
        Set<String> visible = Visibility.visibleKeys(q, role, answers);
        List<SectionCount> sections = new ArrayList<>();
        List<Question> missing = new ArrayList<>();
        int total = 0;
        int done = 0;
        int followUps = 0;
        for (Questionnaire.Section s : sectionsFor(q, role)) {
            int req = 0;
            int reqDone = 0;
            int answered = 0;
            for (Question qu : s.questions()) {
                if (!visible.contains(qu.key())) {
                    continue;
                }
                boolean has = answers.containsKey(qu.key());
                answered += has ? 1 : 0;
                if (qu.required()) {
                    req++;
                    reqDone += has ? 1 : 0;
                    followUps += qu.visibleWhen() != null ? 1 : 0;
                    if (!has) {
                        missing.add(qu);
                    }
                }
            }
            sections.add(new SectionCount(s, req, reqDone, answered));
            total += req;
            done += reqDone;
        }
        return new Progress(visible, sections, total, done, followUps, missing);
    }

    /**
     * @param q the questionnaire
     * @param role a role
     * @return the sections holding at least one question for the role, in survey order
     */
    public static List<Questionnaire.Section> sectionsFor(Questionnaire q, Role role) {
        return q.sections().stream().filter(s -> s.questions().stream().anyMatch(qu -> qu.roles().contains(role)))
                .toList();
    }

    /**
     * @param requiredAnswered answered required questions
     * @param requiredTotal visible required questions
     * @return the share answered in percent, 0..100 (100 when nothing is required)
     */
    public static int percent(int requiredAnswered, int requiredTotal) {
        return requiredTotal == 0 ? 100 : Math.round(100f * requiredAnswered / requiredTotal);
    }
}
