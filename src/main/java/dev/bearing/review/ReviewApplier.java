package dev.bearing.review;

import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.CurrentToolResult;
import dev.bearing.evaluation.EvaluationResult.Decision;
import dev.bearing.evaluation.EvaluationResult.FindingResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.EvaluationResult.ReviewNote;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.EvaluationResult.ToolOption;
import dev.bearing.review.ReviewApi.EditValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Applies a consultant's edits, in the order made, to an evaluation result. Pure: the same result
 * and edits give the same output. An edit whose target the result no longer has (a stack entry, a
 * tool on its menu, a finding, a roadmap item) is left out and reported as not applicable.
 *
 * <p>What an override does, as a consultant expects it:
 * <ul>
 * <li>picking another tool from the menu makes it the entry's pick (the former pick goes to the
 * top of the alternatives, a tie is settled); the change reads Keep when that tool is in use,
 * Change when another is, Add when nothing is. The roadmap items of that layer name the chosen
 * tool (their titles too, where they named the former pick); the move off the chosen tool, if it
 * was planned, disappears; a move to it is added (within 6 months) when tools are in use and no
 * move was planned;</li>
 * <li>keeping the tools in use makes the entry read Keep; every planned move off them
 * disappears, and the layer's other roadmap items (building every change on CI, say) stay,
 * naming the kept tools;</li>
 * <li>leadership's decision about that entry is taken off the list: the consultant has made it.</li>
 * </ul>
 */
final class ReviewApplier {

    private static final List<String> PHASES = List.of("First 30 days", "Within 90 days", "Within 6 months",
            "Within 12 months");
    private static final List<String> RISKS = List.of("HIGH", "MEDIUM", "LOW");

    private ReviewApplier() {
    }

    /**
     * An edit or undo as the applier reads it.
     *
     * @param id edit id
     * @param kind kind
     * @param target target key (for an undo, the undone id)
     * @param values values
     * @param note note, may be empty
     * @param by who
     * @param at when
     * @param undoes for an undo, the undone edit's id
     */
    record Edit(long id, EditKind kind, String target, EditValues values, String note, String by, Instant at,
            Long undoes) {
    }

    /**
     * What became of one edit.
     *
     * @param status applied, undone, superseded, not-applicable or recorded
     * @param detail why, or ""
     * @param change what it changes, in plain words
     */
    record Outcome(String status, String detail, String change) {
    }

    /**
     * @param result the result with the applicable edits applied ({@code review} lists them)
     * @param outcomes per edit id, what became of it
     */
    record Applied(EvaluationResult result, Map<Long, Outcome> outcomes) {
    }

    /**
     * @param raw the result as the rules produced it
     * @param edits every edit and undo of the assessment, oldest first
     * @return the reviewed result and each edit's outcome
     */
    static Applied apply(EvaluationResult raw, List<Edit> edits) {
        return new Work(raw).run(edits);
    }

    /** @return the finding's key as edits name it */
    static String findingRef(FindingResult f) {
        return f.subject() == null || f.subject().isBlank() || f.key().endsWith(f.subject()) ? f.key()
                : f.key() + "@" + f.subject();
    }

    /** @return the entry's menu: the pick, then the ranked alternatives */
    static List<ToolOption> menu(LayerRecommendation l) {
        List<ToolOption> menu = new ArrayList<>();
        if (l.primary() != null) {
            menu.add(l.primary());
        }
        menu.addAll(nz(l.alternatives()));
        return menu;
    }

    /** @return "Source control" or "Test automation — load" */
    static String entryName(LayerRecommendation l) {
        return l.entryName();
    }

    private static final class Work {
        final EvaluationResult raw;
        final List<LayerRecommendation> stack;
        final List<FindingResult> findings;
        final List<RoadmapEntry> roadmap;
        final List<Decision> decisions;
        final List<ReviewNote> notes = new ArrayList<>();
        final Map<Long, Outcome> outcomes = new LinkedHashMap<>();

        Work(EvaluationResult raw) {
            this.raw = raw;
            stack = new ArrayList<>(nz(raw.stack()));
            findings = new ArrayList<>(nz(raw.findings()));
            roadmap = new ArrayList<>(nz(raw.roadmap()));
            decisions = new ArrayList<>(nz(raw.decisions()));
        }

        Applied run(List<Edit> edits) {
            Map<Long, Edit> undoneBy = new HashMap<>();
            Map<String, Long> lastOverride = new HashMap<>();
            for (Edit e : edits) {
                if (e.kind() == EditKind.UNDO && e.undoes() != null) {
                    undoneBy.put(e.undoes(), e);
                }
            }
            for (Edit e : edits) {
                if (e.kind() == EditKind.OVERRIDE && !undoneBy.containsKey(e.id())) {
                    lastOverride.put(e.target(), e.id());
                }
            }
            for (Edit e : edits) {
                if (e.kind() == EditKind.UNDO) {
                    outcomes.put(e.id(), new Outcome("recorded", "", "Undo of edit " + e.undoes()));
                    continue;
                }
                String change = describe(e);
                if (undoneBy.containsKey(e.id())) {
                    Edit u = undoneBy.get(e.id());
                    outcomes.put(e.id(), new Outcome("undone", "Undone by " + u.by() + " (edit " + u.id() + ")", change));
                    continue;
                }
                if (e.kind() == EditKind.OVERRIDE && !Objects.equals(lastOverride.get(e.target()), e.id())) {
                    outcomes.put(e.id(), new Outcome("superseded", "A later override of the same entry replaces it (edit "
                            + lastOverride.get(e.target()) + ")", change));
                    continue;
                }
                String problem = applyOne(e);
                if (problem != null) {
                    outcomes.put(e.id(), new Outcome("not-applicable", problem, change));
                } else {
                    outcomes.put(e.id(), new Outcome("applied", assumed(e, lastOverride.keySet()), change));
                    notes.add(new ReviewNote(e.kind().key(), e.target(), change, e.note(), e.by(), e.at().toString()));
                }
            }
            findings.sort(Comparator.comparingInt(f -> riskRank(f.risk())));
            roadmap.sort(Comparator.comparingInt(RoadmapEntry::phase));
            EvaluationResult r = raw;
            EvaluationResult out = new EvaluationResult(r.ruleSetVersion(), r.catalogVersion(), r.questionnaireKey(),
                    r.questionnaireVersion(), r.respondents(), r.capabilities(), r.dimensions(), r.maturity(),
                    r.stage(), r.delivery(), List.copyOf(stack), List.copyOf(findings), List.copyOf(roadmap),
                    List.copyOf(decisions), r.comments(), r.firedRules(), notes.isEmpty() ? null : List.copyOf(notes));
            return new Applied(out, outcomes);
        }

        /** @return what the edit changes, in plain words, from what the raw result names */
        String describe(Edit e) {
            EditValues v = e.values();
            return switch (e.kind()) {
                case OVERRIDE -> {
                    Optional<LayerRecommendation> l = stackEntry(e.target());
                    String name = l.map(ReviewApplier::entryName).orElse(e.target());
                    String was = l.map(x -> x.primary() == null ? "no pick" : x.primary().name()).orElse("the rules' pick");
                    String kept = l.map(x -> names(x.current())).filter(s -> !s.isBlank()).orElse("the tools in use");
                    // the rules may have kept the tool in use themselves: no "(the rules recommended SonarQube)" after "keep SonarQube"
                    boolean rulesKept = l.map(x -> x.primary() != null && "KEEP".equals(x.change())).orElse(false);
                    yield Boolean.TRUE.equals(v.keepCurrent())
                            ? name + ": keep " + kept + (rulesKept ? ", as the rules recommended" : " (the rules recommended " + was + ")")
                            : name + ": " + orElse(v.toolName(), v.tool()) + " instead of " + was;
                }
                case FINDING_RISK -> "Finding \"" + findingTitle(e.target()) + "\": risk " + lower(v.risk());
                case FINDING_HIDE -> "Finding \"" + findingTitle(e.target()) + "\": hidden";
                case FINDING_MERGE -> "Finding \"" + findingTitle(e.target()) + "\" merged into \""
                        + findingTitle(v.into()) + "\"";
                case ROADMAP_PHASE -> "Roadmap \"" + itemTitle(e.target()) + "\": moved to "
                        + (v.phase() == null ? "?" : PHASES.get(Math.max(1, Math.min(4, v.phase())) - 1).toLowerCase(java.util.Locale.ROOT));
                case ROADMAP_TEXT -> "Roadmap \"" + itemTitle(e.target()) + "\": reworded as \"" + v.title() + "\"";
                case ROADMAP_ADD -> "Roadmap: added \"" + v.title() + "\" ("
                        + PHASES.get(Math.max(1, Math.min(4, v.phase() == null ? 1 : v.phase())) - 1).toLowerCase(java.util.Locale.ROOT) + ")";
                case UNDO -> "Undo of edit " + e.undoes();
            };
        }

        /** @return null when applied, else why it does not apply */
        String applyOne(Edit e) {
            EditValues v = e.values();
            switch (e.kind()) {
                case OVERRIDE -> {
                    int i = indexOf(stack, l -> l.key().equals(e.target()));
                    if (i < 0) {
                        return "The stack no longer has an entry " + e.target() + ".";
                    }
                    LayerRecommendation l = stack.get(i);
                    if (Boolean.TRUE.equals(v.keepCurrent())) {
                        if (nz(l.current()).isEmpty()) {
                            return "Nothing is in use today in " + entryName(l) + ", so there is nothing to keep.";
                        }
                        keep(i, l);
                    } else {
                        Optional<ToolOption> t = menu(l).stream().filter(o -> o.key().equals(v.tool())).findFirst();
                        if (t.isEmpty()) {
                            return orElse(v.toolName(), v.tool()) + " is no longer on the menu for " + entryName(l) + ".";
                        }
                        pick(i, l, t.get(), e);
                    }
                    decisions.removeIf(d -> e.target().equals(d.layer()));
                    return null;
                }
                case FINDING_RISK -> {
                    int i = finding(e.target());
                    if (i < 0) {
                        return "The evaluation no longer has the finding " + e.target() + ".";
                    }
                    FindingResult f = findings.get(i);
                    findings.set(i, new FindingResult(f.key(), f.subject(), f.title(), v.risk(), f.capability(),
                            f.rationale(), f.rule()));
                    if (!"HIGH".equals(v.risk())) {
                        decisions.removeIf(d -> d.layer() == null && Objects.equals(d.title(), f.title()));
                    }
                    return null;
                }
                case FINDING_HIDE -> {
                    int i = finding(e.target());
                    if (i < 0) {
                        return "The evaluation no longer has the finding " + e.target() + ".";
                    }
                    FindingResult f = findings.remove(i);
                    decisions.removeIf(d -> d.layer() == null && Objects.equals(d.title(), f.title()));
                    return null;
                }
                case FINDING_MERGE -> {
                    int from = finding(e.target());
                    int into = finding(v.into());
                    if (from < 0 || into < 0) {
                        return "The evaluation no longer has the finding " + (from < 0 ? e.target() : v.into()) + ".";
                    }
                    FindingResult a = findings.get(into);
                    FindingResult b = findings.get(from);
                    String risk = riskRank(b.risk()) < riskRank(a.risk()) ? b.risk() : a.risk();
                    findings.set(into, new FindingResult(a.key(), a.subject(), a.title(), risk, a.capability(),
                            (orElse(a.rationale(), "") + " " + orElse(b.rationale(), "")).strip(), a.rule()));
                    findings.remove(from);
                    decisions.removeIf(d -> d.layer() == null && Objects.equals(d.title(), b.title()));
                    return null;
                }
                case ROADMAP_PHASE -> {
                    int i = item(e.target());
                    if (i < 0) {
                        return "The roadmap no longer has the item " + e.target() + ".";
                    }
                    RoadmapEntry x = roadmap.get(i);
                    roadmap.set(i, new RoadmapEntry(x.key(), x.title(), v.phase(), PHASES.get(v.phase() - 1),
                            x.capability(), x.layer(), x.tool(), x.dependsOn(), x.effort(), x.owner(), x.rationale(),
                            x.rule()));
                    return null;
                }
                case ROADMAP_TEXT -> {
                    int i = item(e.target());
                    if (i < 0) {
                        return "The roadmap no longer has the item " + e.target() + ".";
                    }
                    RoadmapEntry x = roadmap.get(i);
                    roadmap.set(i, new RoadmapEntry(x.key(), v.title(), x.phase(), x.phaseLabel(), x.capability(),
                            x.layer(), x.tool(), x.dependsOn(), x.effort(), x.owner(),
                            v.rationale() == null || v.rationale().isBlank() ? x.rationale() : v.rationale(), x.rule()));
                    return null;
                }
                case ROADMAP_ADD -> {
                    String why = v.rationale() == null || v.rationale().isBlank() ? e.note() : v.rationale();
                    roadmap.add(new RoadmapEntry("custom-" + e.id(), v.title(), v.phase(), PHASES.get(v.phase() - 1),
                            null, null, null, List.of(), v.effort(), v.owner(), why, "Added by the consultant"));
                    return null;
                }
                default -> {
                    return null;
                }
            }
        }

        /** The consultant picks tool {@code t} from the entry's menu. */
        void pick(int i, LayerRecommendation l, ToolOption t, Edit e) {
            List<ToolOption> alternatives = new ArrayList<>();
            if (l.primary() != null && !l.primary().key().equals(t.key())) {
                alternatives.add(l.primary());
            }
            nz(l.alternatives()).stream().filter(a -> !a.key().equals(t.key())).forEach(alternatives::add);
            Set<String> inUse = nz(l.current()).stream().map(CurrentToolResult::key).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            String change = inUse.contains(t.key()) ? "KEEP" : nz(l.current()).isEmpty() ? "ADD" : "REPLACE";
            stack.set(i, new LayerRecommendation(l.key(), l.layer(), l.layerName(), l.kind(), l.kindName(),
                    l.capability(), l.current(), change, null, t, List.of(), List.copyOf(alternatives), l.excluded(),
                    l.alsoInUse()));
            // a planned move off the chosen tool goes; the layer's other items name it
            removeItems(x -> x.key().equals("migrate." + t.key()) && l.layer().equals(x.layer()));
            retarget(l, t.name());
            // every other tool in use moves to the pick: those the rules' plan does not move yet get
            // one item (keeping one of two tools in use, or picking a third, moves the others too)
            Set<String> moving = roadmap.stream().filter(x -> l.layer().equals(x.layer()) && x.key().startsWith("migrate."))
                    .map(x -> x.key().substring("migrate.".length())).collect(Collectors.toSet());
            List<String> leaving = nz(l.current()).stream().filter(c -> !t.key().equals(c.key()))
                    .filter(c -> c.key() == null || !moving.contains(c.key()))
                    .map(CurrentToolResult::name).filter(Objects::nonNull).distinct().toList();
            String from = leaving.size() <= 1 ? String.join("", leaving)
                    : String.join(", ", leaving.subList(0, leaving.size() - 1)) + " and " + leaving.get(leaving.size() - 1);
            if (!from.isEmpty()) {
                // sized and owned as the rules size a move in this layer, where they planned one
                Optional<RoadmapEntry> like = nz(raw.roadmap()).stream()
                        .filter(x -> l.layer().equals(x.layer()) && x.key().startsWith("migrate.")).findFirst();
                roadmap.add(new RoadmapEntry("override." + l.key(), "Move from " + from + " to " + t.name(), 3,
                        PHASES.get(2), l.capability(), l.layer(), t.name(), List.of(),
                        like.map(RoadmapEntry::effort).orElse(null), like.map(RoadmapEntry::owner).orElse(null),
                        "The consultant chose " + t.name() + " for " + entryName(l).toLowerCase(java.util.Locale.ROOT)
                                + (e.note().isBlank() ? "." : ": " + e.note()),
                        "Consultant's override"));
            }
        }

        /** The consultant keeps the tools in use. */
        void keep(int i, LayerRecommendation l) {
            List<String> inUseKeys = nz(l.current()).stream().map(CurrentToolResult::key).filter(Objects::nonNull).toList();
            Optional<ToolOption> onMenu = menu(l).stream().filter(o -> inUseKeys.contains(o.key())).findFirst();
            Optional<ToolOption> ruledOut = nz(l.excluded()).stream().filter(o -> inUseKeys.contains(o.key())).findFirst();
            ToolOption kept = onMenu.orElse(ruledOut.map(x -> new ToolOption(x.key(), x.name(), x.vendor(), x.summary(),
                    x.points(), x.hosting(), x.licenceName(), x.status(), x.statusNote(), List.of(), x.reasons(),
                    x.rules())).orElse(nz(l.current()).stream().filter(c -> c.key() != null).findFirst()
                    // a catalog tool in use that this entry's menu does not list: kept as it is
                    .map(c -> new ToolOption(c.key(), c.name(), "", "", 0, List.of(), "", c.status(), c.statusNote(),
                            List.of(), List.of(), List.of())).orElse(null)));
            if (kept == null) {
                // only tools the catalog does not know are in use: they stay, as the rules say for such a layer
                stack.set(i, new LayerRecommendation(l.key(), l.layer(), l.layerName(), l.kind(), l.kindName(),
                        l.capability(), l.current(), "KEEP_UNLISTED", null, l.primary(), List.of(), l.alternatives(),
                        l.excluded(), l.alsoInUse()));
            } else {
                List<ToolOption> alternatives = menu(l).stream().filter(o -> !o.key().equals(kept.key())).toList();
                List<ToolOption> excluded = nz(l.excluded()).stream().filter(o -> !o.key().equals(kept.key())).toList();
                stack.set(i, new LayerRecommendation(l.key(), l.layer(), l.layerName(), l.kind(), l.kindName(),
                        l.capability(), l.current(), "KEEP", null, kept, List.of(), alternatives, excluded,
                        l.alsoInUse()));
            }
            removeItems(x -> l.layer().equals(x.layer()) && inUseKeys.stream().anyMatch(k -> x.key().equals("migrate." + k)));
            retarget(l, names(l.current()));
        }

        /** Roadmap items of the entry's layer name the new tool instead of the former pick. */
        void retarget(LayerRecommendation l, String newTool) {
            String oldLabel = l.primary() == null ? null : nz(l.tiedWith()).isEmpty() ? l.primary().name()
                    : l.primary().name() + " or " + String.join(" or ", l.tiedWith());
            for (int i = 0; i < roadmap.size(); i++) {
                RoadmapEntry x = roadmap.get(i);
                if (!l.layer().equals(x.layer())) {
                    continue;
                }
                // a layer with kinds of tool: only the items that named this kind's pick
                if (l.kind() != null && (oldLabel == null || x.tool() == null || !x.tool().contains(l.primary().name()))) {
                    continue;
                }
                // where the rules moved the layer, an item done with the tool in use before the move (build every
                // change in Jenkins) names that tool, not the pick, and keeps naming it
                if ("REPLACE".equals(l.change()) && oldLabel != null && x.tool() != null && !x.tool().equals(oldLabel)) {
                    continue;
                }
                String title = renamed(x.title(), oldLabel, l, newTool);
                // the why names the tool chosen too ("the recommended stack replaces TeamCity with CircleCI"
                // would contradict the override), and says the stack is the reviewed one
                String why = renamed(x.rationale(), oldLabel, l, newTool);
                if (why != null && !why.equals(x.rationale())) {
                    why = why.replace("The recommended stack ", "The reviewed stack ");
                }
                roadmap.set(i, new RoadmapEntry(x.key(), title, x.phase(), x.phaseLabel(), x.capability(), x.layer(),
                        newTool, x.dependsOn(), x.effort(), x.owner(), why, x.rule()));
            }
        }

        /** {@code text} naming {@code newTool} where it named the former pick (or the tied picks). */
        private static String renamed(String text, String oldLabel, LayerRecommendation l, String newTool) {
            if (oldLabel == null || text == null) {
                return text;
            }
            String out = replaceWord(text, oldLabel, newTool);
            return out.equals(text) ? replaceWord(text, l.primary().name(), newTool) : out;
        }

        void removeItems(java.util.function.Predicate<RoadmapEntry> which) {
            Set<String> gone = new HashSet<>();
            roadmap.removeIf(x -> {
                boolean out = which.test(x);
                if (out) {
                    gone.add(x.key());
                }
                return out;
            });
            if (gone.isEmpty()) {
                return;
            }
            for (int i = 0; i < roadmap.size(); i++) {
                RoadmapEntry x = roadmap.get(i);
                if (nz(x.dependsOn()).stream().anyMatch(gone::contains)) {
                    roadmap.set(i, new RoadmapEntry(x.key(), x.title(), x.phase(), x.phaseLabel(), x.capability(),
                            x.layer(), x.tool(), nz(x.dependsOn()).stream().filter(d -> !gone.contains(d)).toList(),
                            x.effort(), x.owner(), x.rationale(), x.rule()));
                }
            }
        }

        /**
         * An override that drops the rules' pick (GitHub) leaves other picks whose reasons rest on it
         * (GitHub Actions, GitHub Packages: "your code is, or will be, on GitHub"); the rules do not
         * run again after an override, so the consultant is told which, to check them.
         *
         * @param e an applied override
         * @param overridden the entries an override applies to (their picks are the consultant's own)
         * @return "" or, e.g., "Other picks give GitHub as a reason: Continuous integration (GitHub
         *     Actions). Check them, and override them too where they no longer fit."
         */
        String assumed(Edit e, java.util.Set<String> overridden) {
            LayerRecommendation l = e.kind() == EditKind.OVERRIDE ? stackEntry(e.target()).orElse(null) : null;
            if (l == null || l.primary() == null
                    || Boolean.TRUE.equals(e.values().keepCurrent()) && "KEEP".equals(l.change())) {
                return "";
            }
            String dropped = l.primary().name();
            List<String> resting = stack.stream().filter(x -> !x.key().equals(e.target()) && !overridden.contains(x.key())
                    && x.primary() != null && nz(x.primary().reasons()).stream().anyMatch(r -> r.contains(dropped)))
                    .map(x -> x.entryName() + " (" + x.primary().name() + ")").toList();
            return resting.isEmpty() ? "" : "Other picks give " + dropped + " as a reason: " + String.join(", ", resting)
                    + ". Check them, and override them too where they no longer fit.";
        }

        Optional<LayerRecommendation> stackEntry(String key) {
            return nz(raw.stack()).stream().filter(l -> l.key().equals(key)).findFirst();
        }

        String findingTitle(String ref) {
            return Stream.concat(findings.stream(), nz(raw.findings()).stream()).filter(f -> findingRef(f).equals(ref))
                    .map(FindingResult::title).findFirst().orElse(String.valueOf(ref));
        }

        String itemTitle(String key) {
            return Stream.concat(roadmap.stream(), nz(raw.roadmap()).stream()).filter(x -> x.key().equals(key))
                    .map(RoadmapEntry::title).findFirst().orElse(String.valueOf(key));
        }

        int finding(String ref) {
            return indexOf(findings, f -> findingRef(f).equals(ref));
        }

        int item(String key) {
            return indexOf(roadmap, x -> x.key().equals(key));
        }
    }

    private static String replaceWord(String text, String old, String now) {
        if (old == null || old.isBlank() || old.equals(now)) {
            return text;
        }
        return text.replaceAll("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(old) + "(?![\\p{L}\\p{N}])",
                java.util.regex.Matcher.quoteReplacement(now));
    }

    static String names(List<CurrentToolResult> current) {
        List<String> n = nz(current).stream().map(CurrentToolResult::name).filter(Objects::nonNull).distinct().toList();
        if (n.size() <= 1) {
            return n.isEmpty() ? "" : n.get(0);
        }
        return String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }

    private static int riskRank(String risk) {
        int i = RISKS.indexOf(risk);
        return i < 0 ? RISKS.size() : i;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static String orElse(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }

    private static <T> int indexOf(List<T> list, java.util.function.Predicate<T> p) {
        for (int i = 0; i < list.size(); i++) {
            if (p.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}
