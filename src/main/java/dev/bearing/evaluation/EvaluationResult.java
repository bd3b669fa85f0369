package dev.bearing.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Everything an evaluation produced; stored as JSON with the evaluation and rendered in the PDF.
 *
 * @param ruleSetVersion SHA-256 (hex) of the {@code rules/} folder the evaluation ran on
 * @param catalogVersion stack catalog edition
 * @param questionnaireKey questionnaire key
 * @param questionnaireVersion questionnaire version
 * @param respondents submitted respondents included, by role
 * @param capabilities capability scores in report order
 * @param dimensions dimension scores 0..100 (ALIGNMENT, TOOLING, OUTCOMES), absent when unanswered
 * @param maturity maturity index and position on the curve
 * @param stage adoption stage
 * @param delivery delivery performance band
 * @param stack recommended stack per layer
 * @param findings findings, highest risk first
 * @param roadmap roadmap items by phase, dependencies first
 * @param decisions the decisions leadership has to make, most consequential first (at most three)
 * @param comments what respondents wrote in free text, in survey order
 * @param firedRules names of the rules whose conclusions stand in this result, sorted
 * @param review the consultant's review applied to this result (overrides, edits, each with its
 *     note, who and when), in the order made; null for the result as the rules produced it
 */
public record EvaluationResult(String ruleSetVersion, String catalogVersion, String questionnaireKey,
        int questionnaireVersion, Map<String, Integer> respondents, List<CapabilityResult> capabilities,
        Map<String, Double> dimensions, Maturity maturity, Stage stage, Delivery delivery,
        List<LayerRecommendation> stack, List<FindingResult> findings, List<RoadmapEntry> roadmap,
        List<Decision> decisions, List<Comment> comments, List<String> firedRules,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReviewNote> review) {

    /** The result as the rules produced it, before any review. */
    public EvaluationResult(String ruleSetVersion, String catalogVersion, String questionnaireKey,
            int questionnaireVersion, Map<String, Integer> respondents, List<CapabilityResult> capabilities,
            Map<String, Double> dimensions, Maturity maturity, Stage stage, Delivery delivery,
            List<LayerRecommendation> stack, List<FindingResult> findings, List<RoadmapEntry> roadmap,
            List<Decision> decisions, List<Comment> comments, List<String> firedRules) {
        this(ruleSetVersion, catalogVersion, questionnaireKey, questionnaireVersion, respondents, capabilities,
                dimensions, maturity, stage, delivery, stack, findings, roadmap, decisions, comments, firedRules, null);
    }

    /**
     * One change a consultant made to the result during review, as applied.
     *
     * @param kind override, finding-risk, finding-hide, finding-merge, roadmap-phase, roadmap-text
     *     or roadmap-add
     * @param target what it changed: a stack entry key, a finding key or a roadmap item key
     * @param change what changed, in plain words, e.g. "Source control: GitHub instead of GitLab"
     * @param note the consultant's note, may be empty where a note is optional
     * @param by username of the consultant
     * @param at when, ISO-8601 UTC
     */
    public record ReviewNote(String kind, String target, String change, String note, String by, String at) {
    }

    /**
     * Scores of one capability.
     *
     * @param key capability key
     * @param name capability name
     * @param dimension ALIGNMENT, TOOLING or OUTCOMES
     * @param combined mean of the role scores, 0..100, or null when unanswered
     * @param byRole score per role (BUSINESS, DEVELOPMENT, OPERATIONS) that answered, 0..100
     * @param gap the largest difference in points between two roles, measured on the questions both
     *     answered, or null when no two roles share a question
     * @param highRole the higher-scoring role of that pair, or null
     * @param lowRole the lower-scoring role of that pair, or null
     * @param highScore the higher role's score on the shared questions, or null
     * @param lowScore the lower role's score on the shared questions, or null
     * @param sharedQuestions how many questions the pair both answered, or null
     * @param disagreements questions whose role scores diverge most (up to 3), largest first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CapabilityResult(String key, String name, String dimension, Double combined,
            Map<String, Double> byRole, Double gap, String highRole, String lowRole, Double highScore,
            Double lowScore, Integer sharedQuestions, List<QuestionGap> disagreements) {
    }

    /**
     * A question on which roles disagree.
     *
     * @param questionKey question key
     * @param text question text
     * @param byRole mean score per role, 0..100
     * @param spread highest minus lowest, in points
     */
    public record QuestionGap(String questionKey, String text, Map<String, Double> byRole, double spread) {
    }

    /**
     * Maturity index and its place on the curve of organisations.
     *
     * @param index weighted maturity index, 0..100
     * @param percentile share of organisations less mature on the assumed curve, 0..100 (an
     *     assumption until the consultancy's own assessments calibrate the curve, not a benchmark)
     * @param curveMean the curve's mean index
     * @param curveStandardDeviation the curve's standard deviation
     * @param curveSource where the curve's calibration comes from
     */
    public record Maturity(double index, double percentile, double curveMean, double curveStandardDeviation,
            String curveSource) {
    }

    /**
     * Adoption stage.
     *
     * @param quarter 1..4 (1 least mature)
     * @param phase EARLY or LATE
     * @param name stage name, e.g. Adopting
     * @param label e.g. "Late phase of the second quarter (Adopting)"
     * @param description what the stage means
     * @param reasons plain-words reasons
     * @param rules rules behind it
     */
    public record Stage(int quarter, String phase, String name, String label, String description,
            List<String> reasons, List<String> rules) {
    }

    /**
     * Delivery performance band.
     *
     * @param band LOW, MEDIUM, HIGH, ELITE or UNKNOWN
     * @param thresholdsYear year of the DORA report whose cluster thresholds are used
     * @param metrics per DORA metric answered (deployment_frequency, lead_time, recovery_time,
     *     change_fail_rate), its band: the lower median of the respondents' answers
     * @param reason plain-words reason
     * @param rules rules behind it
     * @param peers comparison with DORA's published benchmarks for the client's industry and
     *     size, or null when the questionnaire does not ask them or nothing was answered
     */
    public record Delivery(String band, int thresholdsYear, Map<String, String> metrics, String reason,
            List<String> rules, PeerComparison peers) {
    }

    /**
     * The recommendation for one stack layer, or for one kind of tool in a layer whose tools
     * complement each other (test automation: end-to-end, load, contract).
     *
     * @param key {@code layer} or {@code layer/kind}, e.g. {@code test_automation/load}
     * @param layer layer key
     * @param layerName layer name
     * @param kind kind key, or null
     * @param kindName kind name, or null
     * @param capability capability key the layer serves
     * @param current tools the client uses today here, including names typed under "Something else"
     * @param change KEEP (the primary is in use), REPLACE (the primary replaces what is in use), ADD
     *     (nothing is in use, or only tools that stay beside any pick: a free part of a product kept, such as
     *     Dependabot in GitHub), KEEP_UNLISTED (only tools the catalog does not know are in use and their
     *     users do not dislike them: they stay, the primary is the best catalog fit should they be
     *     replaced), LATER (nothing is in use and the client does not need it yet) or NONE (nothing can
     *     be recommended)
     * @param note why the client does not need it yet (LATER), else null
     * @param primary recommended tool, or null when every tool is excluded or scores below zero (NONE, or
     *     LATER where the client does not need the layer yet)
     * @param tiedWith names of the alternatives that score the same as the primary (a tie to decide
     *     on the client's own criteria), empty when the primary leads
     * @param alternatives the rest of the menu, best first
     * @param excluded tools ruled out, with reasons
     * @param alsoInUse tools in use at the layer that serve none of its kinds (pytest or Great Expectations
     *     typed under test automation are no end-to-end, load or contract tool), on the layer's first entry
     *     only so they are seen once; empty elsewhere, and for results stored before it existed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LayerRecommendation(String key, String layer, String layerName, String kind, String kindName,
            String capability, List<CurrentToolResult> current, String change, String note, ToolOption primary,
            List<String> tiedWith, List<ToolOption> alternatives, List<ToolOption> excluded,
            List<CurrentToolResult> alsoInUse) {

        /** Canonical constructor: no tools also in use means none (results stored before the field existed). */
        public LayerRecommendation {
            alsoInUse = alsoInUse == null ? List.of() : List.copyOf(alsoInUse);
        }

        /** @return the entry's name as the review page and the PDF give it: "Source control" or "Test automation — load" */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String entryName() {
            return kindName == null || kindName.isBlank() ? layerName
                    : layerName + " — " + kindName.toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * What the stack says beside a tool in use that the catalog does not know and the stack keeps
         * (KEEP_UNLISTED): that it is not scored, and which catalog tool would succeed it only where the
         * layer's pick is a reasoned fit. A pick with a caveat (AKS for an App Service team that lists no
         * Kubernetes skills, ECS on Fargate for a Heroku team not on AWS) or with no reason at all (virtual
         * machines for Salesforce or Shopify) is not offered as what "fits best" (scenario 131).
         *
         * @return one or two sentences; blank for any other change
         */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String unlistedNote() {
            if (!"KEEP_UNLISTED".equals(change)) {
                return "";
            }
            String unscored = "Not in Bearing's catalog, so not scored";
            if (primary == null) {
                return unscored + ".";
            }
            List<String> caveats = primary.caveats() == null ? List.of() : primary.caveats();
            List<String> reasons = primary.reasons() == null ? List.of() : primary.reasons();
            if (!caveats.isEmpty()) {
                return unscored + ", and the catalog holds no clear successor to it: " + caveats.get(0);
            }
            if (reasons.isEmpty()) {
                return unscored + ", and no catalog tool stands out as a successor to it.";
            }
            return unscored + "; if you replace it, " + primary.name() + " fits best.";
        }

        /**
         * Why the client should leave the tools it runs here, when this entry moves it to another
         * (REPLACE): for each, what is said against it for this client ({@link #whyLeave}), and for a
         * tool the catalog does not know, its users' low rating. Empty for any other change, and where
         * nothing is said against what is in use (the primary's reasons then say why it fits better).
         * Worked out from the entry itself, so results stored before it existed show it too.
         *
         * @return one sentence or more per tool left, in the order the tools are listed
         */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public List<String> whyMove() {
            if (!"REPLACE".equals(change) || current == null) {
                return List.of();
            }
            List<String> out = new java.util.ArrayList<>();
            for (CurrentToolResult c : current) {
                if (c.key() == null) {
                    if (c.satisfaction() != null && c.satisfaction() <= 2.5) {
                        out.add(String.format(java.util.Locale.ROOT, "Those who use %s rate it %.1f of 5.", c.name(),
                                c.satisfaction()));
                    }
                } else if (primary == null || !c.key().equals(primary.key())) {
                    String against = against(c);
                    boolean active = c.status() == null || "ACTIVE".equals(c.status());
                    if (against != null) {
                        out.add(against);
                    } else if (!active && c.statusNote() != null && !c.statusNote().isBlank()) {
                        out.add(c.name() + ": " + c.statusNote());
                    }
                }
            }
            return List.copyOf(out);
        }

        /**
         * Why the client should leave a catalog tool it runs here: its exclusion for this client, else
         * its first caveat, else its status note.
         *
         * @param c a tool in use at this entry
         * @return the reason, or empty when none is known
         */
        public String whyLeave(CurrentToolResult c) {
            String against = against(c);
            return against != null ? against : c.statusNote() == null ? "" : c.statusNote();
        }

        /**
         * @param c a catalog tool in use at this entry
         * @return whether the client must leave it whatever it thinks of it: no longer active, or ruled out here
         */
        public boolean ending(CurrentToolResult c) {
            return c.key() != null && (!"ACTIVE".equals(c.status())
                    || (excluded != null && excluded.stream().anyMatch(x -> x.key().equals(c.key()))));
        }

        /** @return the tool's exclusion for this client, else its first caveat; null when neither */
        private String against(CurrentToolResult c) {
            for (ToolOption x : excluded == null ? List.<ToolOption>of() : excluded) {
                if (x.key().equals(c.key()) && !x.reasons().isEmpty()) {
                    return x.reasons().get(0);
                }
            }
            for (ToolOption x : alternatives == null ? List.<ToolOption>of() : alternatives) {
                if (x.key().equals(c.key()) && !x.caveats().isEmpty()) {
                    return x.caveats().get(0);
                }
            }
            return null;
        }
    }

    /**
     * A tool the client uses today.
     *
     * @param key catalog tool key, or null when the catalog does not know the name typed
     * @param name product name, or the name as typed
     * @param status catalog status, or null for an unknown tool
     * @param statusNote the catalog's lifecycle note, may be empty
     * @param satisfaction mean 1..5 of its users' satisfaction answers, or null
     * @param respondents respondents who named it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurrentToolResult(String key, String name, String status, String statusNote, Double satisfaction,
            int respondents) {
    }

    /**
     * A tool on a layer's menu.
     *
     * @param key tool key
     * @param name product name
     * @param vendor vendor
     * @param summary one-sentence summary
     * @param points sum of the rules' suitability points (for the appendix; never shown to leadership)
     * @param hosting hosting models
     * @param licenceName licence
     * @param status catalog status
     * @param statusNote status note, may be empty
     * @param reasons reasons for it, each true of this tool and this client
     * @param caveats what counts against it for this client
     * @param rules rules that scored or excluded it
     */
    public record ToolOption(String key, String name, String vendor, String summary, int points,
            List<String> hosting, String licenceName, String status, String statusNote, List<String> reasons,
            List<String> caveats, List<String> rules) {
    }

    /**
     * A decision leadership has to make.
     *
     * @param title the decision in a few words, e.g. "Move source control off Bitbucket Data Center"
     * @param detail why it matters and what the options are
     * @param layer stack entry key it concerns, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String title, String detail, String layer) {
    }

    /**
     * A respondent's free-text answer.
     *
     * @param questionKey question key
     * @param question question text
     * @param role respondent's role
     * @param text what they wrote
     */
    public record Comment(String questionKey, String question, String role, String text) {
    }

    /**
     * A finding.
     *
     * @param key finding key
     * @param subject what it is about (capability or tool key)
     * @param title headline
     * @param risk HIGH, MEDIUM or LOW
     * @param capability capability key, may be null
     * @param rationale plain-words explanation
     * @param rule rule that raised it
     */
    public record FindingResult(String key, String subject, String title, String risk, String capability,
            String rationale, String rule) {
    }

    /**
     * A roadmap item.
     *
     * @param key item key
     * @param title what to do
     * @param phase 1: first 30 days, 2: 90 days, 3: 6 months, 4: 12 months
     * @param phaseLabel e.g. "First 30 days"
     * @param capability capability key
     * @param layer stack layer key, or null
     * @param tool recommended tool of that layer, or null
     * @param dependsOn keys of items that come first
     * @param effort effort range in plain words, e.g. "2–4 person-weeks"
     * @param owner the role that owns it, e.g. "Head of Platform"
     * @param rationale plain-words why
     * @param rule rule that proposed it
     */
    public record RoadmapEntry(String key, String title, int phase, String phaseLabel, String capability,
            String layer, String tool, List<String> dependsOn, String effort, String owner, String rationale,
            String rule) {
    }
}
