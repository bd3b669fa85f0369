package dev.bearing.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Questionnaire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between stored answer JSON and {@link AnswerValue}. */
@ApplicationScoped
public class AnswerCodec {

    @Inject
    ObjectMapper json;

    /** @return the canonical JSON stored for an answer */
    public String write(AnswerValue value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer cannot be serialised", e);
        }
    }

    /** @return the answer stored as JSON */
    public AnswerValue read(String valueJson) {
        try {
            return json.readValue(valueJson, AnswerValue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer is not valid JSON", e);
        }
    }

    /**
     * @return the respondent's answers by question key, keeping only questions that exist in
     *     the questionnaire, in survey order
     */
    public Map<String, AnswerValue> answersOf(Respondent r, Questionnaire q) {
        return answersOf(r.id, q);
    }

    /** As {@link #answersOf(Respondent, Questionnaire)}, for the respondent with this id. */
    public Map<String, AnswerValue> answersOf(long respondentId, Questionnaire q) {
        return answersOf(java.util.List.of(respondentId), q).get(respondentId);
    }

    /**
     * As {@link #answersOf(Respondent, Questionnaire)}, for several respondents of one
     * questionnaire in one query.
     *
     * @return for each of the respondents (also those with no answer) their answers by question key
     */
    public Map<Long, Map<String, AnswerValue>> answersOf(java.util.Collection<Long> respondentIds, Questionnaire q) {
        Map<Long, Map<String, String>> stored = new java.util.HashMap<>();
        respondentIds.forEach(id -> stored.put(id, new java.util.HashMap<>()));
        if (!respondentIds.isEmpty()) {
            for (Object[] row : Answer.valuesOf(respondentIds)) {
                stored.get((Long) row[0]).put((String) row[1], (String) row[2]);
            }
        }
        Map<Long, Map<String, AnswerValue>> out = new LinkedHashMap<>();
        stored.forEach((id, values) -> out.put(id, read(values, q)));
        return out;
    }

    /**
     * @param stored stored answer JSON by question key
     * @return those answers read, keeping only questions that exist in the questionnaire, in
     *     survey order
     */
    public Map<String, AnswerValue> read(Map<String, String> stored, Questionnaire q) {
        Map<String, AnswerValue> answers = new LinkedHashMap<>();
        q.questions().forEach(qu -> {
            String v = stored.get(qu.key());
            if (v != null) {
                answers.put(qu.key(), read(v));
            }
        });
        return answers;
    }
}
