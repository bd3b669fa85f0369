package dev.bearing.evaluation;

import dev.bearing.common.UserText;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.EvaluationResult.Comment;
import dev.bearing.evaluation.EvaluationResult.CurrentToolResult;
import dev.bearing.evaluation.EvaluationResult.Decision;
import dev.bearing.evaluation.EvaluationResult.FindingResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.EvaluationResult.ToolOption;
import dev.bearing.evaluation.fact.AdoptionStage;
import dev.bearing.evaluation.fact.CurrentTool;
import dev.bearing.evaluation.fact.DeliveryBand;
import dev.bearing.evaluation.fact.Exclusion;
import dev.bearing.evaluation.fact.Finding;
import dev.bearing.evaluation.fact.MetricLevel;
import dev.bearing.evaluation.fact.NotNeeded;
import dev.bearing.evaluation.fact.PlannedTool;
import dev.bearing.evaluation.fact.UnknownTool;
import dev.bearing.evaluation.fact.StaysBeside;
import dev.bearing.evaluation.fact.UnlistedFallsShort;
import dev.bearing.evaluation.fact.Vocabulary.Phase;
import dev.bearing.evaluation.fact.RoadmapItem;
import dev.bearing.evaluation.fact.Suitability;
import dev.bearing.questionnaire.Questionnaire;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kie.api.runtime.KieSession;

/**
 * Reads the facts the rules produced back out of a session and shapes them into an
 * {@link EvaluationResult}. It decides nothing of its own: a layer's menu is its tools ordered
 * by the sum of the rules' suitability points (ties reported, the tool in use first), without
 * the tools a rule excluded; roadmap items keep the phase a rule gave them unless an item they depend on
 * comes later, in which case they move to that item's phase.
 */
final class ResultAssembler {

    /** Labels of roadmap phases 1..4. */
    static final List<String> PHASES = List.of("First 30 days", "Within 90 days", "Within 6 months",
            "Within 12 months");

    private static final List<String> QUARTER_WORDS = List.of("first", "second", "third", "fourth");
    private static final List<String> BANDS = List.of("LOW", "MEDIUM", "HIGH", "ELITE");

    /** When several rules propose the same item: the earliest phase, then a total order so firing order never decides. */
    private static final Comparator<RoadmapItem> ROADMAP_PREFERENCE = Comparator.comparingInt(RoadmapItem::phase)
            .thenComparing(RoadmapItem::rule).thenComparing(RoadmapItem::title).thenComparing(RoadmapItem::rationale)
            .thenComparing(i -> String.valueOf(i.effort())).thenComparing(i -> String.valueOf(i.owner()))
            .thenComparing(i -> i.dependsOn().toString());

    private ResultAssembler() {
    }

    static EvaluationResult assemble(RuleBase base, Questionnaire q, EvaluationInput input,
            List<CapabilityResult> capabilities, Map<String, Double> dimensions, double index, double percentile,
            AdoptionStage stage, DeliveryBand band, Facts session, List<LayerRecommendation> stack,
            List<String> rulesBehind) {
        Map<String, Integer> respondents = new TreeMap<>();
        input.respondents().forEach(r -> respondents.merge(r.role().name(), 1, Integer::sum));
        AdoptionCurve.Stage s = base.curve().stage(stage.quarter());
        String label = (stage.phase() == Phase.EARLY ? "Early" : "Late") + " phase of the "
                + QUARTER_WORDS.get(stage.quarter() - 1) + " quarter (" + s.name() + ")";
        List<String> stageRules = new ArrayList<>(stage.rules());
        stageRules.add(stage.rule());
        var stageResult = new EvaluationResult.Stage(stage.quarter(), stage.phase().name(), s.name(), label,
                s.description(), stage.reasons(), stageRules.stream().distinct().sorted().toList());
        var delivery = new EvaluationResult.Delivery(band.band().name(), band.thresholdsYear(),
                metricBands(facts(session, MetricLevel.class)), band.reason(), List.of(band.rule()),
                PeerAnswers.compare(base.benchmark(), input));
        List<FindingResult> findings = findings(q, facts(session, Finding.class));
        List<RoadmapEntry> roadmap = roadmap(facts(session, RoadmapItem.class), stack);
        var maturity = new EvaluationResult.Maturity(index, percentile, base.curve().mean(),
                base.curve().standardDeviation(), base.curve().source());
        return new EvaluationResult(base.version(), base.catalog().version(), q.key(), q.version(), respondents,
                capabilities, dimensions, maturity, stageResult, delivery, stack, findings, roadmap,
                decisions(stack, findings, roadmap), comments(q, input), rulesBehind);
    }

    /**
     * @param stack the stack of a session whose rules have come to rest ({@link #stack(Catalog, Facts)})
     * @return the source-control pick when it is a tool the client does not use yet (a move or a
     *     first Git host), else null
     */
    static String plannedGitHost(List<LayerRecommendation> stack) {
        return stack.stream().filter(l -> l.layer().equals("source_control") && l.primary() != null
                        && ("REPLACE".equals(l.change()) || "ADD".equals(l.change())) && l.tiedWith().isEmpty())
                .map(l -> l.primary().key()).findFirst().orElse(null);
    }

    /**
     * @param catalog the catalog
     * @param stack the stack of a session whose rules have come to rest ({@link #stack(Catalog, Facts)})
     * @return for each layer without kinds whose pick replaces the catalog tools in use (no tie), that
     *     pick; and for each layer to consolidate whose pick is kept beside other catalog tools, the pick
     */
    static List<PlannedTool> plannedReplacements(Catalog catalog, List<LayerRecommendation> stack) {
        return stack.stream().filter(l -> l.kind() == null && l.tiedWith().isEmpty() && ("REPLACE".equals(l.change())
                        || "KEEP".equals(l.change()) && catalog.layer(l.layer()).map(Catalog.Layer::consolidate).orElse(false)
                                && l.current().stream().anyMatch(c -> c.key() != null && !c.key().equals(l.primary().key()))))
                .map(l -> new PlannedTool(l.layer(), l.primary().key())).toList();
    }

    private static final Comparator<Suitability> SUITABILITY_ORDER = Comparator.comparing(Suitability::rule)
            .thenComparing(Suitability::reason);
    private static final Comparator<Exclusion> EXCLUSION_ORDER = Comparator.comparing(Exclusion::rule)
            .thenComparing(Exclusion::reason);

    /** @return the facts in that order, whatever order the session gave them in; empty for null */
    private static <T> List<T> sorted(List<T> facts, Comparator<T> order) {
        if (facts == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(facts);
        out.sort(order);
        return out;
    }

    private static Map<String, String> metricBands(List<MetricLevel> levels) {
        Map<String, String> out = new TreeMap<>();
        levels.forEach(l -> out.put(l.metric().name().toLowerCase(java.util.Locale.ROOT), BANDS.get(l.level() - 1)));
        return out;
    }

    /**
     * Builds the stack: one entry per layer, or per kind in a layer with kinds. Eligible tools are
     * ranked by their points; equal points are a tie, which the client's current tool wins, then
     * catalog order. Reasons with positive points argue for a tool, those with negative points are
     * its caveats; an excluded tool carries only its exclusion reasons.
     */
    static List<LayerRecommendation> stack(Catalog catalog, List<Suitability> suitability, List<Exclusion> exclusions,
            List<CurrentTool> current, List<UnknownTool> unknown, List<NotNeeded> notNeeded,
            List<UnlistedFallsShort> fallsShort, List<StaysBeside> staysBeside) {
        List<LayerRecommendation> out = new ArrayList<>();
        Map<String, CurrentTool> inUse = new TreeMap<>();
        current.forEach(c -> inUse.put(c.toolKey(), c));
        // layer -> tool -> the rules' points and exclusions (most tools of most layers have none)
        Map<String, Map<String, List<Suitability>>> suitabilityByTool = new java.util.HashMap<>();
        suitability.forEach(x -> suitabilityByTool.computeIfAbsent(x.layer(), k -> new java.util.HashMap<>())
                .computeIfAbsent(x.toolKey(), k -> new ArrayList<>()).add(x));
        Map<String, Map<String, List<Exclusion>>> exclusionsByTool = new java.util.HashMap<>();
        exclusions.forEach(x -> exclusionsByTool.computeIfAbsent(x.layer(), k -> new java.util.HashMap<>())
                .computeIfAbsent(x.toolKey(), k -> new ArrayList<>()).add(x));
        for (Catalog.Layer layer : catalog.layers()) {
            List<Catalog.Kind> kinds = layer.kinds().isEmpty() ? java.util.Collections.singletonList(null) : layer.kinds();
            Map<String, List<Suitability>> suitabilityHere = suitabilityByTool.getOrDefault(layer.key(), Map.of());
            Map<String, List<Exclusion>> exclusionsHere = exclusionsByTool.getOrDefault(layer.key(), Map.of());
            for (Catalog.Kind kind : kinds) {
                List<ToolOption> eligible = new ArrayList<>();
                List<ToolOption> excluded = new ArrayList<>();
                List<CurrentToolResult> currentHere = new ArrayList<>();
                for (Catalog.Tool t : layer.tools()) {
                    if (kind != null && !t.serves(kind.key())) {
                        continue;
                    }
                    List<Suitability> mine = sorted(suitabilityHere.get(t.key()), SUITABILITY_ORDER);
                    List<Exclusion> out2 = sorted(exclusionsHere.get(t.key()), EXCLUSION_ORDER);
                    int points = 0;
                    for (Suitability x : mine) {
                        points += x.points();
                    }
                    List<String> reasons;
                    List<String> caveats;
                    List<String> rules;
                    if (mine.isEmpty() && out2.isEmpty()) {
                        reasons = List.of();
                        caveats = List.of();
                        rules = List.of();
                    } else if (out2.isEmpty()) {
                        // one loop rather than three streams: this runs for every scored tool, once per pass
                        List<String> pro = new ArrayList<>();
                        List<String> con = new ArrayList<>();
                        java.util.Set<String> by = new java.util.LinkedHashSet<>();
                        for (Suitability x : mine) {
                            if (x.points() > 0) {
                                pro.add(x.reason());
                            } else if (x.points() < 0) {
                                con.add(x.reason());
                            }
                            by.add(x.rule());
                        }
                        reasons = java.util.Collections.unmodifiableList(pro);
                        caveats = java.util.Collections.unmodifiableList(con);
                        rules = java.util.Collections.unmodifiableList(new ArrayList<>(by));
                    } else {
                        // an excluded tool: rare, so the plain streams
                        reasons = out2.stream().map(Exclusion::reason).toList();
                        caveats = List.of();
                        rules = out2.stream().map(Exclusion::rule).distinct().toList();
                    }
                    ToolOption option = new ToolOption(t.key(), t.name(), t.vendor(), t.summary(), points,
                            t.hostingSorted(), t.licenceName(), t.status(), t.statusNote(),
                            reasons, caveats, rules);
                    (out2.isEmpty() ? eligible : excluded).add(option);
                    CurrentTool c = inUse.get(t.key());
                    if (c != null) {
                        currentHere.add(new CurrentToolResult(t.key(), t.name(), t.status(), t.statusNote(),
                                c.satisfaction(), c.mentions()));
                    }
                }
                // a name the catalog does not know is in use under its layer: under the kind the catalog's known
                // names place it in (Robot Framework under end-to-end, Locust under load, PyPI under packages);
                // a name no kind knows serves every kind where the layer says so (a file share of builds,
                // artifacts) and none elsewhere (byKnownNames): a unit-test or data-quality framework typed under
                // test automation is no end-to-end, load or contract tool and does not stand in for one
                boolean byKnownNames = layer.kinds().stream().anyMatch(k -> !k.knownNames().isEmpty())
                        && !layer.unknownNamesServeEveryKind();
                unknown.stream().filter(u -> u.layer().equals(layer.key())
                        && (kind == null || kind.key().equals(u.kind()) || u.kind() == null && !byKnownNames))
                        .sorted(Comparator.comparing(UnknownTool::name))
                        .forEach(u -> currentHere.add(new CurrentToolResult(null, u.name(), null, "", u.satisfaction(),
                                u.mentions())));
                // those no kind knows are still in use, and always seen: once, on the layer's first entry
                List<CurrentToolResult> alsoInUse = kind == null || !byKnownNames || !kind.key().equals(layer.kinds().get(0).key())
                        ? List.of()
                        : unknown.stream().filter(u -> u.layer().equals(layer.key()) && u.kind() == null)
                                .sorted(Comparator.comparing(UnknownTool::name))
                                .map(u -> new CurrentToolResult(null, u.name(), null, "", u.satisfaction(), u.mentions()))
                                .toList();
                // points first; on equal points the tool in use, then catalog order (the sort is stable)
                eligible.sort(Comparator.comparingInt(ToolOption::points).reversed()
                        .thenComparing(o -> inUse.containsKey(o.key()) ? 0 : 1));
                // a tool whose caveats outweigh its reasons for this client is on the menu, not recommended
                ToolOption primary = eligible.isEmpty() || eligible.get(0).points() < 0 ? null : eligible.get(0);
                List<String> tied = primary == null ? List.of()
                        : eligible.stream().skip(1).filter(o -> o.points() == primary.points()).map(ToolOption::name)
                                .toList();
                boolean anyInUse = !currentHere.isEmpty();
                String kindKey = kind == null ? null : kind.key();
                String later = notNeeded.stream().filter(n -> n.layer().equals(layer.key())
                        && (n.kind() == null || n.kind().equals(kindKey))).map(NotNeeded::reason).sorted()
                        .findFirst().orElse(null);
                // tools the catalog does not know are not scored: unless their users dislike them, or the
                // answers show they do not do the layer's job, they stay
                boolean onlyUnlisted = anyInUse && currentHere.stream().allMatch(c -> c.key() == null);
                boolean unlistedDisliked = currentHere.stream()
                        .anyMatch(c -> c.key() == null && c.satisfaction() != null && c.satisfaction() <= 2.5)
                        || fallsShort.stream().anyMatch(f -> f.layer().equals(layer.key()));
                // where the rules found a kind not needed yet, a name the catalog does not know is taken
                // to serve the layer's other kinds (a file share of builds is no container registry); a name
                // placed under its kind by the catalog's known names (test automation) is that kind's tool in use
                // no pick at a layer the rules found not needed, with nothing in use: not needed (LATER), not "none fits"
                String change = primary == null ? (later != null && !anyInUse ? "LATER" : "NONE")
                        : inUse.containsKey(primary.key()) ? "KEEP"
                        : onlyUnlisted && kind != null && later != null && !byKnownNames ? "LATER"
                        : onlyUnlisted && !unlistedDisliked ? "KEEP_UNLISTED"
                        : anyInUse && !allStayBeside(currentHere, layer.key(), staysBeside) ? "REPLACE"
                        : anyInUse || later == null ? "ADD" : "LATER";
                String key = kind == null ? layer.key() : layer.key() + "/" + kind.key();
                out.add(new LayerRecommendation(key, layer.key(), layer.name(), kind == null ? null : kind.key(),
                        kind == null ? null : kind.name(), layer.capability(), List.copyOf(currentHere), change,
                        "LATER".equals(change) ? later : null,
                        primary, tied, primary == null ? List.copyOf(eligible) : List.copyOf(eligible.subList(1, eligible.size())),
                        List.copyOf(excluded), alsoInUse));
            }
        }
        return out;
    }

    /**
     * The decisions for leadership, at most three, most pressing first: moving off a tool that is
     * ruled out, ended or closed to new customers (or, where no catalog tool fits, moving off an
     * ended tool outside the catalog, or keeping a tool a constraint rules out); then the first high-risk finding that no tool
     * choice answers; then moving off a tool its users dislike (rated 2.5 or lower; test tools are
     * the team's call), or staying on one they dislike that ties with another tool; then choosing
     * between equally fitting tools where nothing is in use and the
     * roadmap needs the layer (soonest first); then the other high-risk findings. A replacement that is merely a better fit is
     * in the stack, not among the decisions.
     */
    static List<Decision> decisions(List<LayerRecommendation> stack, List<FindingResult> findings,
            List<RoadmapEntry> roadmap) {
        List<Decision> forced = new ArrayList<>();
        List<Decision> disliked = new ArrayList<>();
        for (LayerRecommendation l : stack) {
            if (l.primary() == null && l.kind() == null) {
                noPick(l).ifPresent(forced::add);
                continue;
            }
            if (l.primary() == null || "ADD".equals(l.change()) || "NONE".equals(l.change())) {
                continue;
            }
            if ("KEEP".equals(l.change()) && l.kind() == null && !"ACTIVE".equals(l.primary().status())) {
                // the pick is the tool in use, itself on its way out (closed to new customers, past its end
                // of sale), kept because nothing else fits better today: its successor is leadership's to plan
                String note = l.primary().statusNote() == null ? "" : l.primary().statusNote();
                forced.add(new Decision(what(l) + ": keep " + l.primary().name() + " for now and plan its successor",
                        (note + " Nothing in the catalog fits your stated constraints better today; choose the successor "
                                + "before support ends.").strip(), l.key()));
                continue;
            }
            if ("KEEP".equals(l.change()) && l.kind() == null && !l.tiedWith().isEmpty()) {
                // the tool in use wins a tie, but its users dislike it: whether to stay is leadership's call
                l.current().stream().filter(c -> l.primary().key().equals(c.key()) && c.satisfaction() != null
                        && c.satisfaction() <= 2.5).findFirst().ifPresent(c -> disliked.add(new Decision(
                                what(l) + ": stay on " + c.name() + " or move to " + String.join(" or ", l.tiedWith())
                                        + " (equal fit)",
                                String.format(java.util.Locale.ROOT, "Your teams rate %s %.1f of 5, and %s %s as well on "
                                        + "what the survey shows. Find out first whether people dislike the tool itself or the "
                                        + "way it is set up: only the first is worth a migration.", c.name(), c.satisfaction(),
                                        String.join(" or ", l.tiedWith()), l.tiedWith().size() == 1 ? "fits" : "fit"),
                                l.key())));
            }
            // what is in use and is not the pick: the whole layer when replacing, the others when keeping one
            List<CurrentToolResult> leaving = l.current().stream()
                    .filter(c -> c.key() != null && !c.key().equals(l.primary().key())).toList();
            boolean ended = leaving.stream().anyMatch(l::ending);
            boolean unhappy = leaving.stream().anyMatch(c -> c.satisfaction() != null && c.satisfaction() <= 2.5);
            if (!ended && !unhappy) {
                continue;
            }
            if ("KEEP".equals(l.change())) {
                if (!ended) {
                    continue; // a disliked second tool beside the one kept is a consolidation, not a decision
                }
                leaving = leaving.stream().filter(l::ending).toList();
            }
            String from = leaving.stream().map(CurrentToolResult::name).collect(Collectors.joining(", "));
            String to = l.tiedWith().isEmpty() ? l.primary().name()
                    : l.primary().name() + " or " + String.join(" or ", l.tiedWith()) + " (equal fit)";
            String why = leaving.stream().map(c -> l.whyLeave(c)).filter(w -> !w.isEmpty()).findFirst().orElse("");
            String forTool = l.primary().reasons().isEmpty() ? l.primary().summary() : l.primary().reasons().get(0);
            if (!ended && l.kind() != null) {
                continue; // replacing a disliked test tool is the team's call, not leadership's
            }
            (ended ? forced : disliked).add(new Decision(what(l) + ": move from " + from + " to " + to,
                    (why + " " + forTool).strip(), l.key()));
        }
        List<Decision> high = findings.stream().filter(f -> "HIGH".equals(f.risk()) && !f.key().startsWith("tool."))
                .map(f -> new Decision(f.title(), f.rationale(), null)).toList();
        List<Decision> out = new ArrayList<>(forced);
        if (!high.isEmpty()) {
            out.add(high.get(0));
        }
        out.addAll(disliked);
        // ties where nothing is in use, those the roadmap needs soonest first
        Map<String, Integer> firstPhase = new TreeMap<>();
        roadmap.stream().filter(e -> e.layer() != null).forEach(e -> firstPhase.merge(e.layer(), e.phase(), Math::min));
        // a tie between kinds of test tool is the team's choice, not leadership's
        List<LayerRecommendation> ties = stack.stream().filter(l -> !l.tiedWith().isEmpty() && "ADD".equals(l.change())
                && l.kind() == null && firstPhase.containsKey(l.layer()))
                .sorted(Comparator.comparingInt(l -> firstPhase.getOrDefault(l.layer(), 9))).toList();
        for (LayerRecommendation l : ties) {
            out.add(new Decision(Ties.decisionTitle(what(l), Ties.names(l)), Ties.decisionDetail(Ties.ANY_CRITERIA),
                    l.key()));
        }
        high.stream().skip(1).forEach(out::add);
        return List.copyOf(out.subList(0, Math.min(3, out.size())));
    }

    /**
     * A layer where no catalog tool can be recommended while a tool in use is ended or ruled out by
     * a constraint: moving off an ended tool is still a decision (outside the catalog); a tool only
     * a constraint rules out stays until leadership decides whether the constraint or the tool gives way.
     *
     * @return that decision, or empty when every tool in use may stay
     */
    private static java.util.Optional<Decision> noPick(LayerRecommendation l) {
        List<CurrentToolResult> ended = l.current().stream().filter(c -> c.key() != null && !"ACTIVE".equals(c.status()))
                .toList();
        List<CurrentToolResult> ruledOut = l.current().stream().filter(c -> c.key() != null && "ACTIVE".equals(c.status())
                && l.excluded().stream().anyMatch(x -> x.key().equals(c.key()))).toList();
        if (!ended.isEmpty()) {
            String names = ended.stream().map(CurrentToolResult::name).collect(Collectors.joining(", "));
            return java.util.Optional.of(new Decision(what(l) + ": move off " + names + " to a tool outside the catalog",
                    (l.whyLeave(ended.get(0)) + " No tool in the catalog fits your stated constraints, so the successor is chosen outside it.").strip(),
                    l.key()));
        }
        if (!ruledOut.isEmpty()) {
            String names = ruledOut.stream().map(CurrentToolResult::name).collect(Collectors.joining(", "));
            return java.util.Optional.of(new Decision(what(l) + ": keep " + names + " or hold to the constraint",
                    (l.whyLeave(ruledOut.get(0)) + " No tool in the catalog fits the constraint either: decide whether the constraint or "
                            + names + " gives way.").strip(),
                    l.key()));
        }
        return java.util.Optional.empty();
    }

    private static String what(LayerRecommendation l) {
        return l.kindName() == null ? l.layerName() : l.kindName();
    }

    private static List<Comment> comments(Questionnaire q, EvaluationInput input) {
        List<Comment> out = new ArrayList<>();
        for (var qu : q.questions()) {
            if (qu.type() != dev.bearing.questionnaire.QuestionType.TEXT || qu.catalogRole() != null) {
                continue;
            }
            for (var r : input.respondents()) {
                var a = r.answers().get(qu.key());
                if (a != null && a.text() != null && !a.text().isBlank()) {
                    out.add(new Comment(qu.key(), qu.text(), r.role().name(), a.text().strip()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<FindingResult> findings(Questionnaire q, List<Finding> facts) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        facts.stream().sorted(Comparator.comparing((Finding f) -> f.risk().ordinal())
                .thenComparing(Finding::key).thenComparing(f -> String.valueOf(f.subject()))
                .thenComparing(Finding::rule).thenComparing(Finding::title).thenComparing(Finding::rationale))
                .forEach(f -> unique.putIfAbsent(f.key() + "|" + f.subject(), f));
        List<String> capOrder = q.capabilities().stream().map(Questionnaire.Capability::key).toList();
        return unique.values().stream()
                .sorted(Comparator.comparing((Finding f) -> f.risk().ordinal())
                        .thenComparing(f -> f.capability() == null ? Integer.MAX_VALUE
                                : capOrder.indexOf(f.capability()))
                        .thenComparing(Finding::key).thenComparing(f -> String.valueOf(f.subject())))
                .map(f -> new FindingResult(f.key(), f.subject(), f.title(), f.risk().name(), f.capability(),
                        f.rationale(), f.rule()))
                .toList();
    }

    /**
     * Orders roadmap items: an item never comes before one it depends on (it moves to that
     * item's phase when a rule placed it earlier); within a phase dependencies come first, then
     * keys in alphabetical order. Dependencies on items not in the roadmap are dropped (that
     * capability is already in place); a dependency cycle is broken at the item seen second.
     */
    static List<RoadmapEntry> roadmap(List<RoadmapItem> facts, List<LayerRecommendation> stack) {
        Map<String, RoadmapItem> items = new TreeMap<>();
        for (RoadmapItem i : facts) {
            // several rules may propose the same item: keep the earliest phase, then the rule first by name
            items.merge(i.key(), i, (a, b) -> ROADMAP_PREFERENCE.compare(a, b) <= 0 ? a : b);
        }
        Map<String, Integer> phase = new TreeMap<>();
        List<String> ordered = new ArrayList<>();
        java.util.Set<String> visiting = new java.util.HashSet<>();
        for (String key : items.keySet()) {
            visit(key, items, phase, ordered, visiting);
        }
        Map<String, Double> earliestStart = placeAfterEffort(items, phase, ordered);
        // the tool a roadmap item names is the layer's pick (or the tools in use, for an item done with
        // them before the layer moves), or the tied picks while the tie stands; none
        // for a layer the client does not need yet (its CI pipeline deploys, say), whose menu is only shown
        Map<String, String> tools = new LinkedHashMap<>();
        stack.forEach(l -> tools.putIfAbsent(l.layer(), "LATER".equals(l.change()) ? null
                : "KEEP_UNLISTED".equals(l.change())
                ? l.current().stream().map(CurrentToolResult::name).collect(Collectors.joining(", "))
                : l.primary() == null ? null : l.tiedWith().isEmpty()
                ? l.primary().name() : l.primary().name() + " or " + String.join(" or ", l.tiedWith())));
        // an item done with the tool in use, where the stack moves the layer off it, names the tool in use
        Map<String, String> inUse = new LinkedHashMap<>();
        stack.stream().filter(l -> "REPLACE".equals(l.change()) && !l.current().isEmpty())
                .forEach(l -> inUse.putIfAbsent(l.layer(), l.current().stream().map(CurrentToolResult::name)
                        .collect(Collectors.joining(", "))));
        // a whole layer with no catalog tool in use and no pick (every catalog tool's drawbacks outweigh its
        // fit): an item done with it says so and names the closest options, rather than naming no tool unexplained
        Map<String, String> noPick = new LinkedHashMap<>();
        stack.stream().filter(l -> l.kind() == null && "NONE".equals(l.change())
                && l.current().stream().allMatch(c -> c.key() == null)
                && !l.alternatives().isEmpty())
                .forEach(l -> noPick.putIfAbsent(l.layer(), closestOptions(l)));
        List<RoadmapEntry> out = new ArrayList<>();
        for (String key : ordered) {
            RoadmapItem i = items.get(key);
            int p = phase.get(key);
            String tool = i.layer() == null ? null
                    : i.onToolInUse() && inUse.containsKey(i.layer()) && !waitsForPick(key, i.layer(), items, new java.util.HashSet<>())
                    ? inUse.get(i.layer()) : tools.get(i.layer());
            double start = earliestStart.get(key);
            String rationale = start <= 12 ? i.rationale()
                    : i.rationale() + " The steps before it take about " + (int) Math.ceil(start)
                            + " months at best, so it starts in the second year.";
            if (tool == null && i.layer() != null && noPick.containsKey(i.layer())) {
                rationale = rationale + noPick.get(i.layer());
            }
            out.add(new RoadmapEntry(key, i.title(), p, PHASES.get(p - 1), i.capability(), i.layer(), tool,
                    i.dependsOn().stream().filter(items::containsKey).sorted().toList(), i.effort(), i.owner(),
                    rationale, i.rule()));
        }
        out.sort(Comparator.comparingInt(RoadmapEntry::phase)
                .thenComparingInt(e -> ordered.indexOf(e.key())));
        return out;
    }

    /**
     * @return true when a roadmap item depends, directly or through other items, on an item of its layer
     *     done with the layer's pick (a move off the tool in use, {@code migrate.*}, or a step built in the
     *     tool moved to, such as deploy.pipeline): an item meant to be done with the tool in use that comes
     *     after such a step is done with the pick as well
     */
    private static boolean waitsForPick(String key, String layer, Map<String, RoadmapItem> items, java.util.Set<String> seen) {
        RoadmapItem item = items.get(key);
        if (item == null || !seen.add(key)) {
            return false;
        }
        for (String dep : item.dependsOn()) {
            RoadmapItem d = items.get(dep);
            if (d != null && !d.onToolInUse() && layer.equals(d.layer())) {
                return true;
            }
            if (waitsForPick(dep, layer, items, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return a sentence for a roadmap item whose layer has no pick: no catalog tool fits without a drawback
     *     that outweighs its fit; the closest options (the highest-scoring, ties included) by name
     */
    private static String closestOptions(LayerRecommendation l) {
        int best = l.alternatives().get(0).points();
        List<String> names = l.alternatives().stream().filter(o -> o.points() == best).map(ToolOption::name).toList();
        String list = UserText.either(names);
        return " No tool the catalog lists for " + UserText.lowerFirst(l.layerName()) + " fits you without a drawback that "
                + "outweighs its strengths; the closest, " + list + ", " + (names.size() == 1 ? "is" : "are")
                + " shown in the stack with " + (names.size() == 1 ? "its drawback" : "their drawbacks")
                + ". Choosing the tool, in the catalog or outside it, is the first task of this step.";
    }

    /** The months by which each phase starts at the latest: 1, 3, 6 and 12. */
    private static final double[] PHASE_ENDS = {1, 3, 6, 12};

    private static final java.util.regex.Pattern EFFORT = java.util.regex.Pattern.compile(
            "(\\d+)(?:\\s*[–-]\\s*\\d+)?\\s*(day|week|month)");

    /**
     * Moves a step to a later phase when the steps it depends on cannot be done before that phase
     * ends: a step starts once they are finished, each taking the short end of its effort ("2–3
     * months" counts as 2), and the first of them starts at once. A step never moves earlier than
     * its rule put it.
     *
     * @param ordered the steps, each after the steps it depends on
     * @return each step's earliest start, in months from the start of the roadmap
     */
    private static Map<String, Double> placeAfterEffort(Map<String, RoadmapItem> items, Map<String, Integer> phase,
            List<String> ordered) {
        Map<String, Double> start = new java.util.HashMap<>();
        for (String key : ordered) {
            RoadmapItem item = items.get(key);
            double earliest = 0;
            int p = phase.get(key);
            for (String dep : item.dependsOn()) {
                if (start.containsKey(dep)) {
                    earliest = Math.max(earliest, start.get(dep) + shortestMonths(items.get(dep).effort()));
                    p = Math.max(p, phase.get(dep));
                }
            }
            int byEffort = 1;
            while (byEffort < PHASE_ENDS.length && earliest > PHASE_ENDS[byEffort - 1] + 1e-9) {
                byEffort++;
            }
            start.put(key, earliest);
            phase.put(key, Math.max(p, byEffort));
        }
        return start;
    }

    /** @return the short end of an effort such as "2–3 months of one team" in months; 0 when none is stated */
    static double shortestMonths(String effort) {
        java.util.regex.Matcher m = EFFORT.matcher(effort == null ? "" : effort);
        if (!m.find()) {
            return 0;
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "day" -> n / 30.0;
            case "week" -> n * 7 / 30.0;
            default -> n;
        };
    }

    private static int visit(String key, Map<String, RoadmapItem> items, Map<String, Integer> phase,
            List<String> ordered, java.util.Set<String> visiting) {
        if (phase.containsKey(key)) {
            return phase.get(key);
        }
        RoadmapItem item = items.get(key);
        int p = Math.max(1, Math.min(4, item.phase()));
        visiting.add(key);
        for (String dep : item.dependsOn().stream().sorted().toList()) {
            if (items.containsKey(dep) && !visiting.contains(dep)) {
                p = Math.max(p, visit(dep, items, phase, ordered, visiting));
            }
        }
        visiting.remove(key);
        phase.put(key, p);
        ordered.add(key);
        return p;
    }

    private static <T> List<T> facts(Facts session, Class<T> type) {
        return session.of(type);
    }

    /**
     * @param catalog the catalog
     * @param facts the facts of a session whose rules have come to rest
     * @return the stack those facts give ({@link #stack(Catalog, List, List, List, List, List, List, List)})
     */
    static List<LayerRecommendation> stack(Catalog catalog, Facts facts) {
        return stack(catalog, facts.of(Suitability.class), facts.of(Exclusion.class), facts.of(CurrentTool.class),
                facts.of(UnknownTool.class), facts.of(NotNeeded.class), facts.of(UnlistedFallsShort.class),
                facts.of(StaysBeside.class));
    }

    /**
     * @return whether every tool in use at a layer is a catalog tool that stays whatever is picked there (a
     *     free part of a product the client keeps, such as Dependabot in GitHub): the pick is then added
     *     beside them (ADD), not moved to (REPLACE)
     */
    private static boolean allStayBeside(List<CurrentToolResult> currentHere, String layer, List<StaysBeside> staysBeside) {
        return currentHere.stream().allMatch(c -> c.key() != null
                && staysBeside.stream().anyMatch(s -> s.layer().equals(layer) && s.toolKey().equals(c.key())));
    }

    /**
     * The facts of a session at rest, read in one pass over its working memory and grouped by
     * class (a pass per fact type would walk every answer and catalog fact each time). Within a
     * class they keep the order the session gives them.
     */
    static final class Facts {

        private final Map<Class<?>, List<Object>> byClass = new java.util.HashMap<>();

        /** @param session a session whose rules have come to rest */
        Facts(KieSession session) {
            for (Object o : session.getObjects()) {
                byClass.computeIfAbsent(o.getClass(), k -> new ArrayList<>()).add(o);
            }
        }

        /** @return the facts of exactly this class (fact classes are final records and enums) */
        @SuppressWarnings("unchecked")
        <T> List<T> of(Class<T> type) {
            return (List<T>) byClass.getOrDefault(type, List.of());
        }

        /**
         * @return the facts of every class that is or implements this type (such as {@link
         *     dev.bearing.evaluation.fact.Derived}), class by class in no set order
         */
        <T> List<T> ofKind(Class<T> type) {
            List<T> out = new ArrayList<>();
            byClass.forEach((c, facts) -> {
                if (type.isAssignableFrom(c)) {
                    facts.forEach(o -> out.add(type.cast(o)));
                }
            });
            return out;
        }
    }
}
