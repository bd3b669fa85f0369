package dev.bearing.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.evaluation.EvaluationInput;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.questionnaire.AnswerSheet;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Role;
import dev.bearing.questionnaire.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Report data for tests and for the sample PDFs, each a real evaluation by the rule base: the
 * demo assessment as a leader would receive it ({@link #demo}), and a regulated, on-premises
 * organisation (four respondents, all three roles) whose free-text answers are the hostile
 * inputs of {@code shared/cases/hostile-inputs.md} ({@link #hostile}).
 */
final class SampleReport {

    static final String ORGANISATION = "Zakład Żółw Łódź";
    static final String GREEK = "Ομάδα DevOps";
    static final String CYRILLIC = "Команда";
    /** Chinese, only in the fallback font. */
    static final String CJK = "运维团队";
    static final String AMPERSAND = "Zoë & Søn <Ltd>";
    static final String CODE = "if a<b && c>d";
    static final String MARKUP = "<img src=x onerror=alert(1)>\"'&";
    /** Tab, CRLF, no-break space, narrow no-break space, zero-width space, bell. */
    static final String WHITESPACE = "Build:\tJenkins\r\nTest:\u00A0JUnit\u202F5\u200B\u0007";
    static final String URL = longUrl();
    static final String LONG_ANSWER = longAnswer();
    static final Instant EVALUATED_AT = Instant.parse("2026-11-30T10:15:00Z");

    private static final String OBSTACLE = "context.biggest_obstacle";
    private static final String ONE_CHANGE = "context.one_change";

    /** A monitoring tool the demo's operations manager types under "Something else"; not in the catalog. */
    static final String TYPED_TOOL = "Splunk Enterprise";

    private SampleReport() {
    }

    /**
     * The demo assessment ({@code src/main/resources/demo/demo-assessment.yaml}) as submitted,
     * with two additions a real client gives: industry and size for the peer comparison, and a
     * monitoring tool typed under "Something else" ({@link #TYPED_TOOL}).
     *
     * @param engine the rule engine
     * @param q the questionnaire (v2 or later)
     * @return the demo report, free-text answers included
     */
    static ReportData demo(RuleEngine engine, Questionnaire q) {
        JsonNode demo;
        try (InputStream in = SampleReport.class.getClassLoader().getResourceAsStream("demo/demo-assessment.yaml")) {
            demo = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Person> people = new ArrayList<>();
        for (JsonNode r : demo.path("respondents")) {
            if (r.path("submitted").isBoolean() && !r.path("submitted").asBoolean()) {
                continue;
            }
            Role role = Role.valueOf(r.path("role").asText());
            ObjectNode answers = ((ObjectNode) r.path("answers")).deepCopy();
            if (role == Role.BUSINESS) {
                answers.put("context.industry", "other");
                answers.put("context.organisation_size", "fewer_than_1000");
            }
            if (role == Role.OPERATIONS && answers.has("current.monitoring")) {
                ((ArrayNode) answers.get("current.monitoring")).add("other");
                answers.put("current.monitoring_other", TYPED_TOOL);
            }
            Map<String, JsonNode> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), e.getValue());
            }
            Integer fill = r.path("fill").isInt() ? r.path("fill").asInt() : null;
            people.add(new Person(role, r.path("name").asText(null), fill, map, Map.of()));
        }
        return build(engine, q, demo.path("organisation").asText(), people);
    }

    /**
     * @param engine the rule engine
     * @param q the questionnaire
     * @return the hostile sample: organisation {@link #ORGANISATION}, hostile text answers, one
     *     visible optional question left unanswered
     */
    static ReportData hostile(RuleEngine engine, Questionnaire q) {
        return build(engine, q, ORGANISATION, List.of(
                new Person(Role.BUSINESS, AMPERSAND, 1, business(), Map.of(OBSTACLE, GREEK)),
                new Person(Role.DEVELOPMENT, "Lead developer", 3, development(), Map.of(OBSTACLE, WHITESPACE,
                        ONE_CHANGE, CODE)),
                new Person(Role.OPERATIONS, CJK, 1, operations(), Map.of(OBSTACLE, MARKUP, ONE_CHANGE, CYRILLIC)),
                new Person(Role.DEVELOPMENT, "Platform engineer", 2, development(), Map.of(OBSTACLE, URL,
                        ONE_CHANGE, LONG_ANSWER))));
    }

    /**
     * @param engine the rule engine
     * @param q the questionnaire
     * @param organisation organisation name
     * @return a sparse assessment: one Business respondent with a handful of answers
     */
    static ReportData sparse(RuleEngine engine, Questionnaire q, String organisation) {
        return build(engine, q, organisation, List.of(new Person(Role.BUSINESS, null, null, business(), Map.of())));
    }

    /**
     * The same report with a tie: the first stack entry that has a primary and an alternative
     * gets that alternative tied with the primary (same points, named in {@code tiedWith}), as
     * the rules report equal points. Used when the rules give the sample no tie of their own.
     *
     * @param data a report with at least one stack entry with an alternative
     * @return the report with exactly one tied entry
     */
    static ReportData withTie(ReportData data) {
        EvaluationResult r = data.result();
        List<EvaluationResult.LayerRecommendation> stack = new ArrayList<>();
        boolean done = false;
        for (EvaluationResult.LayerRecommendation l : r.stack()) {
            if (!done && l.primary() != null && !l.alternatives().isEmpty()) {
                EvaluationResult.ToolOption a = l.alternatives().get(0);
                EvaluationResult.ToolOption same = new EvaluationResult.ToolOption(a.key(), a.name(), a.vendor(),
                        a.summary(), l.primary().points(), a.hosting(), a.licenceName(), a.status(), a.statusNote(),
                        a.reasons(), a.caveats(), a.rules());
                List<EvaluationResult.ToolOption> alternatives = new ArrayList<>(l.alternatives());
                alternatives.set(0, same);
                l = new EvaluationResult.LayerRecommendation(l.key(), l.layer(), l.layerName(), l.kind(), l.kindName(),
                        l.capability(), l.current(), l.change(), l.note(), l.primary(), List.of(a.name()), alternatives,
                        l.excluded(), l.alsoInUse());
                done = true;
            } else if (!l.tiedWith().isEmpty()) {
                l = new EvaluationResult.LayerRecommendation(l.key(), l.layer(), l.layerName(), l.kind(), l.kindName(),
                        l.capability(), l.current(), l.change(), l.note(), l.primary(), List.of(), l.alternatives(),
                        l.excluded(), l.alsoInUse());
            }
            stack.add(l);
        }
        EvaluationResult tied = new EvaluationResult(r.ruleSetVersion(), r.catalogVersion(), r.questionnaireKey(),
                r.questionnaireVersion(), r.respondents(), r.capabilities(), r.dimensions(), r.maturity(), r.stage(),
                r.delivery(), stack, r.findings(), r.roadmap(), r.decisions(), r.comments(), r.firedRules());
        return new ReportData(data.organisation(), data.assessmentId(), data.evaluatedAt(), tied, data.respondents());
    }

    record Person(Role role, String name, Integer fill, Map<String, JsonNode> answers, Map<String, String> texts) {
    }

    static ReportData build(RuleEngine engine, Questionnaire q, String organisation, List<Person> people) {
        List<EvaluationInput.RespondentAnswers> input = new ArrayList<>();
        List<ReportData.RespondentAnswers> appendix = new ArrayList<>();
        long id = 1;
        for (Person p : people) {
            Map<String, JsonNode> given = new LinkedHashMap<>(p.answers());
            // typed text reaches the engine (and so "In their own words") where the survey would accept it
            p.texts().forEach((k, v) -> {
                if (v.codePointCount(0, v.length()) <= q.question(k).orElseThrow().effectiveMaxLength()) {
                    given.put(k, JsonNodeFactory.instance.textNode(v));
                }
            });
            Map<String, AnswerValue> sheet = AnswerSheet.build(q, p.role(), p.fill(), given);
            input.add(new EvaluationInput.RespondentAnswers(id++, p.role(), sheet));
            // the appendix as ReportService builds it: every visible question, null when unanswered
            Set<String> visible = Visibility.visibleKeys(q, p.role(), sheet);
            List<ReportData.AnsweredQuestion> rows = new ArrayList<>();
            for (Questionnaire.Section s : q.sections()) {
                for (Question qu : s.questions()) {
                    if (!visible.contains(qu.key())) {
                        continue;
                    }
                    String answer = p.texts().containsKey(qu.key()) ? p.texts().get(qu.key())
                            : sheet.containsKey(qu.key()) ? sheet.get(qu.key()).display(qu) : null;
                    rows.add(new ReportData.AnsweredQuestion(s.title(), qu.key(), qu.text(), answer));
                }
            }
            appendix.add(new ReportData.RespondentAnswers(p.role().label(), p.name(), rows));
        }
        EvaluationResult result = engine.evaluate(new EvaluationInput(q, input));
        return new ReportData(organisation, 42, EVALUATED_AT, result, appendix);
    }

    private static Map<String, JsonNode> business() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("context.regulation", f.arrayNode().add("financial_services").add("payment_cards"));
        m.put("context.data_residency", f.textNode("strict_in_country"));
        m.put("context.engineering_headcount", f.numberNode(320));
        return m;
    }

    private static Map<String, JsonNode> development() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("context.hosting", f.textNode("on_premises_only"));
        m.put("context.open_source_policy", f.textNode("commercial_support_required"));
        m.put("context.team_skills", f.arrayNode().add("java").add("groovy").add("linux_admin").add("ansible"));
        m.put("current.ci", f.arrayNode().add("jenkins"));
        m.put("current.ci_satisfaction", f.numberNode(4));
        m.put("current.source_control", f.arrayNode().add("gitlab"));
        m.put("current.source_control_satisfaction", f.numberNode(4));
        m.put("current.incident_response", f.arrayNode().add("opsgenie"));
        m.put("dora.deployment_frequency", f.textNode("monthly_to_biannually"));
        m.put("dora.lead_time", f.textNode("one_to_six_months"));
        m.put("dora.recovery_time", f.textNode("one_day_to_one_week"));
        m.put("dora.change_fail_rate", f.textNode("pct_16_30"));
        return m;
    }

    private static Map<String, JsonNode> operations() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("context.hosting", f.textNode("on_premises_only"));
        m.put("sec.secrets", f.textNode("config_files"));
        m.put("dora.deployment_frequency", f.textNode("monthly_to_biannually"));
        m.put("dora.lead_time", f.textNode("one_to_six_months"));
        m.put("dora.recovery_time", f.textNode("one_week_to_one_month"));
        m.put("dora.change_fail_rate", f.textNode("pct_31_45"));
        return m;
    }

    /** @return a 400-character URL without spaces */
    private static String longUrl() {
        StringBuilder s = new StringBuilder("https://wiki.example.org/pipelines/release?trace=");
        int i = 0;
        while (s.length() < 400) {
            s.append(Character.forDigit(i++ % 36, 36));
        }
        return s.substring(0, 400);
    }

    /** @return a 6,000-character answer of numbered words, so a lost line is noticed */
    private static String longAnswer() {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (s.length() < 6000) {
            s.append(String.format("w%04d ", i++));
        }
        return s.substring(0, 5999) + ".";
    }
}
