package dev.bearing.questionnaire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.common.ProblemException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads and validates the questionnaires named in {@code bearing.questionnaires} (files under
 * {@code src/main/resources/questionnaires/}) at start-up. A file that does not validate stops
 * start-up with a message naming the file and the question at fault.
 */
@Startup
@ApplicationScoped
public class QuestionnaireRegistry {

    private final Map<String, Questionnaire> byId = new TreeMap<>();

    /** @param config Bearing's settings: the questionnaire files to load */
    @jakarta.inject.Inject
    public QuestionnaireRegistry(dev.bearing.common.BearingConfig config) {
        this(config.questionnaires());
    }

    /** @param files questionnaire file names under {@code questionnaires/} on the classpath */
    public QuestionnaireRegistry(List<String> files) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (String file : files) {
            String resource = "questionnaires/" + file.trim();
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Questionnaire file " + resource + " is not on the classpath");
                }
                Questionnaire q = yaml.readValue(in, Questionnaire.class);
                List<String> problems = validate(q);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("Questionnaire " + resource + " is invalid:\n  - "
                            + String.join("\n  - ", problems));
                }
                if (byId.put(id(q.key(), q.version()), q) != null) {
                    throw new IllegalStateException("Questionnaire " + resource + " repeats " + q.key()
                            + " version " + q.version() + ", which another listed file already defines");
                }
            } catch (IOException e) {
                throw new IllegalStateException("Questionnaire " + resource + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** @return all questionnaires, by key then version */
    public List<Questionnaire> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Questionnaire::key).thenComparing(Questionnaire::version))
                .toList();
    }

    /**
     * @return the questionnaire with this key and version
     * @throws ProblemException 404 when there is none
     */
    public Questionnaire get(String key, int version) {
        Questionnaire q = byId.get(id(key, version));
        if (q == null) {
            throw ProblemException.notFound("Questionnaire " + key + " version " + version);
        }
        return q;
    }

    /**
     * @return the newest version of the questionnaire with this key
     * @throws ProblemException 404 when there is none
     */
    public Questionnaire latest(String key) {
        return all().stream().filter(q -> q.key().equals(key))
                .max(Comparator.comparing(Questionnaire::version))
                .orElseThrow(() -> ProblemException.notFound("Questionnaire " + key));
    }

    private static String id(String key, int version) {
        return key + "@" + version;
    }

    /**
     * Checks a questionnaire's structure.
     *
     * @param q the questionnaire
     * @return one message per problem, each naming the question or capability; empty when valid
     */
    public static List<String> validate(Questionnaire q) {
        List<String> p = new ArrayList<>();
        if (q.key() == null || q.key().isBlank() || q.version() < 1) {
            p.add("key and a version >= 1 are required");
        }
        if (q.capabilities() == null || q.sections() == null || q.sections().isEmpty()) {
            p.add("capabilities and at least one section are required");
            return p;
        }
        Map<String, Dimension> caps = new TreeMap<>();
        for (Questionnaire.Capability c : q.capabilities()) {
            if (c.key() == null || c.dimension() == null || c.name() == null) {
                p.add("capability " + c.key() + ": key, name and dimension are required");
            } else if (caps.put(c.key(), c.dimension()) != null) {
                p.add("capability " + c.key() + ": duplicate key");
            }
        }
        Set<String> seen = new HashSet<>();
        Map<String, Question> earlier = new TreeMap<>();
        for (Questionnaire.Section s : q.sections()) {
            if (s.questions() == null || s.questions().isEmpty()) {
                p.add("section " + s.key() + ": has no questions");
                continue;
            }
            for (Question qu : s.questions()) {
                String at = "question " + qu.key() + ": ";
                if (qu.key() == null || !qu.key().matches("[a-z0-9_.]+")) {
                    p.add("question " + qu.key() + ": key must be lowercase letters, digits, '_' and '.'");
                    continue;
                }
                if (!seen.add(qu.key())) {
                    p.add(at + "duplicate key");
                }
                if (qu.type() == null || qu.text() == null || qu.text().isBlank()) {
                    p.add(at + "type and text are required");
                    continue;
                }
                if (!caps.containsKey(qu.capability())) {
                    p.add(at + "capability " + qu.capability() + " is not declared");
                } else if (caps.get(qu.capability()) != qu.dimension()) {
                    p.add(at + "dimension " + qu.dimension() + " differs from its capability's " + caps.get(qu.capability()));
                }
                if (qu.roles() == null || qu.roles().isEmpty()) {
                    p.add(at + "roles must name at least one of BUSINESS, DEVELOPMENT, OPERATIONS");
                }
                boolean hasChoices = qu.choices() != null && !qu.choices().isEmpty();
                switch (qu.type()) {
                    case SINGLE, MULTI -> {
                        if (!hasChoices) {
                            p.add(at + qu.type() + " needs choices");
                        } else {
                            Set<String> keys = new HashSet<>();
                            for (Question.Choice c : qu.choices()) {
                                if (c.key() == null || !keys.add(c.key())) {
                                    p.add(at + "choice " + c.key() + " is missing or duplicated");
                                }
                                if (c.score() != null && (c.score() < 0 || c.score() > 4)) {
                                    p.add(at + "choice " + c.key() + " has score " + c.score() + " outside 0..4");
                                }
                                if (c.score() != null && qu.dimension() == Dimension.CONTEXT) {
                                    p.add(at + "CONTEXT questions are not scored, but choice " + c.key() + " has a score");
                                }
                            }
                        }
                    }
                    case SCALE -> {
                        if (qu.scale() == null) {
                            p.add(at + "SCALE needs a scale block with minLabel and maxLabel");
                        }
                    }
                    case NUMBER -> {
                        if (qu.number() == null || qu.number().min() > qu.number().max()) {
                            p.add(at + "NUMBER needs a number block with min <= max");
                        }
                    }
                    case TEXT -> {
                        if (qu.maxLength() != null && qu.maxLength() < 1) {
                            p.add(at + "maxLength must be positive");
                        }
                    }
                }
                if (hasChoices && qu.type() != QuestionType.SINGLE && qu.type() != QuestionType.MULTI) {
                    p.add(at + "only SINGLE and MULTI questions have choices");
                }
                if (qu.catalogRole() != null && qu.catalogLayer() == null) {
                    p.add(at + "catalogRole needs catalogLayer");
                }
                if (qu.catalogRole() == Question.CatalogRole.OTHER_NAMES && qu.type() != QuestionType.TEXT) {
                    p.add(at + "catalogRole OTHER_NAMES needs a TEXT question, not " + qu.type());
                }
                Question.VisibleWhen w = qu.visibleWhen();
                if (w != null) {
                    Question ref = earlier.get(w.question());
                    if (ref == null) {
                        p.add(at + "visibleWhen refers to " + w.question() + ", which is not an earlier question");
                    } else {
                        Set<String> keys = new HashSet<>();
                        if (w.anyOf() != null) {
                            keys.addAll(w.anyOf());
                        }
                        if (w.noneOf() != null) {
                            keys.addAll(w.noneOf());
                        }
                        for (String k : keys) {
                            if (ref.choice(k).isEmpty()) {
                                p.add(at + "visibleWhen names choice " + k + ", which " + ref.key() + " does not have");
                            }
                        }
                    }
                }
                earlier.put(qu.key(), qu);
            }
        }
        return p;
    }
}
