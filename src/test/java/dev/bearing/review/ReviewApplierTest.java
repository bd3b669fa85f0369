package dev.bearing.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.CurrentToolResult;
import dev.bearing.evaluation.EvaluationResult.Decision;
import dev.bearing.evaluation.EvaluationResult.FindingResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.EvaluationResult.ToolOption;
import dev.bearing.review.ReviewApi.EditValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edits applied to a result: after a re-evaluation, those whose target is gone (a tool off the
 * menu, a finding no longer raised, a roadmap item no longer proposed) are reported and left
 * out, the others still apply.
 */
class ReviewApplierTest {

    private static ToolOption tool(String key, String name) {
        return new ToolOption(key, name, "Vendor", "", 3, List.of("SAAS"), "Commercial", "ACTIVE", "", List.of(name + " fits."),
                List.of(), List.of());
    }

    private static EvaluationResult result(List<ToolOption> ciMenu, List<FindingResult> findings, List<RoadmapEntry> roadmap) {
        LayerRecommendation ci = new LayerRecommendation("ci", "ci", "Continuous integration", null, null,
                "continuous_integration", List.of(new CurrentToolResult("jenkins", "Jenkins", "ACTIVE", "", 2.0, 2)),
                "REPLACE", null, ciMenu.get(0), List.of(), ciMenu.subList(1, ciMenu.size()), List.of(), List.of());
        return new EvaluationResult("r", "c", "devops-maturity", 2, Map.of("DEVELOPMENT", 1), List.of(), Map.of(), null,
                null, null, List.of(ci), findings, roadmap,
                List.of(new Decision("Continuous integration: move from Jenkins to GitLab CI", "why", "ci")), List.of(),
                List.of());
    }

    private static ReviewApplier.Edit edit(long id, EditKind kind, String target, EditValues v, String note) {
        return new ReviewApplier.Edit(id, kind, target, v, note, "alice", Instant.parse("2026-12-01T10:00:00Z"), null);
    }

    private static final FindingResult SPRAWL = new FindingResult("tool.sprawl", "monitoring", "Several monitoring tools",
            "MEDIUM", "monitoring_alerting", "Three tools.", "rule");
    private static final RoadmapEntry MIGRATE = new RoadmapEntry("migrate.jenkins", "Move from Jenkins to GitLab CI", 3,
            "Within 6 months", "continuous_integration", "ci", "GitLab CI", List.of(), "4–8 weeks", "Head of Platform",
            "why", "rule");
    private static final RoadmapEntry EVERY_CHANGE = new RoadmapEntry("ci.every_change", "Build every change on GitLab CI", 1,
            "First 30 days", "continuous_integration", "ci", "GitLab CI", List.of("migrate.jenkins"), "", "", "why", "rule");

    @Test
    void overridePicksFromTheMenuAndKeepingRemovesTheMove() {
        EvaluationResult raw = result(List.of(tool("gitlab_ci", "GitLab CI"), tool("github_actions", "GitHub Actions")),
                List.of(SPRAWL), List.of(EVERY_CHANGE, MIGRATE));
        var picked = ReviewApplier.apply(raw, List.of(edit(1, EditKind.OVERRIDE, "ci",
                new EditValues("github_actions", "GitHub Actions", null, null, null, null, null, null, null, null),
                "Their code is on GitHub."))).result();
        assertEquals("github_actions", picked.stack().get(0).primary().key());
        assertEquals("gitlab_ci", picked.stack().get(0).alternatives().get(0).key());
        assertEquals("Move from Jenkins to GitHub Actions", picked.roadmap().get(1).title());
        assertEquals("Build every change on GitHub Actions", picked.roadmap().get(0).title());
        assertTrue(picked.decisions().isEmpty(), "the consultant has made the decision");
        assertEquals("Their code is on GitHub.", picked.review().get(0).note());

        var kept = ReviewApplier.apply(raw, List.of(edit(1, EditKind.OVERRIDE, "ci",
                new EditValues(null, null, true, null, null, null, null, null, null, null), "Jenkins stays this year."))).result();
        assertEquals("KEEP", kept.stack().get(0).change());
        assertEquals(List.of("ci.every_change"), kept.roadmap().stream().map(RoadmapEntry::key).toList());
        assertEquals("Jenkins", kept.roadmap().get(0).tool());
        assertEquals(List.of(), kept.roadmap().get(0).dependsOn(), "the dependency on the removed move goes too");
    }

    @Test
    void anOverrideRenamesTheChosenToolInTheMovesWhyAndSizesTheMoveItAddsAsTheRulesSizeOne() {
        // CircleCI kept, TeamCity moved to it; the consultant picks Jenkins: both move, and no text still says CircleCI
        ToolOption circle = tool("circleci", "CircleCI");
        LayerRecommendation ci = new LayerRecommendation("ci", "ci", "Continuous integration", null, null,
                "continuous_integration", List.of(new CurrentToolResult("circleci", "CircleCI", "ACTIVE", "", 4.0, 2),
                        new CurrentToolResult("teamcity", "TeamCity", "ACTIVE", "", 3.0, 1)),
                "KEEP", null, circle, List.of(), List.of(tool("jenkins", "Jenkins")), List.of(), List.of());
        RoadmapEntry moveTeamCity = new RoadmapEntry("migrate.teamcity", "Move from TeamCity to CircleCI", 3,
                "Within 6 months", "continuous_integration", "ci", "CircleCI", List.of(), "4–8 weeks", "Head of Platform",
                "The recommended stack replaces TeamCity with CircleCI (the reasons are in the stack); a planned move keeps "
                        + "delivery running.", "rule");
        EvaluationResult raw = new EvaluationResult("r", "c", "devops-maturity", 2, Map.of("DEVELOPMENT", 1), List.of(),
                Map.of(), null, null, null, List.of(ci), List.of(), List.of(moveTeamCity), List.of(), List.of(), List.of());
        var picked = ReviewApplier.apply(raw, List.of(edit(1, EditKind.OVERRIDE, "ci",
                new EditValues("jenkins", "Jenkins", null, null, null, null, null, null, null, null),
                "The platform team runs Jenkins for the whole group."))).result();
        RoadmapEntry moved = picked.roadmap().stream().filter(x -> x.key().equals("migrate.teamcity")).findFirst().orElseThrow();
        assertEquals("Move from TeamCity to Jenkins", moved.title());
        assertEquals("The reviewed stack replaces TeamCity with Jenkins (the reasons are in the stack); a planned move keeps "
                + "delivery running.", moved.rationale());
        RoadmapEntry added = picked.roadmap().stream().filter(x -> x.key().equals("override.ci")).findFirst().orElseThrow();
        assertEquals("Move from CircleCI to Jenkins", added.title());
        assertEquals("4–8 weeks", added.effort());
        assertEquals("Head of Platform", added.owner());
    }

    @Test
    void pickingAThirdToolMovesBothToolsInUseInOneItemNamedInPlainEnglish() {
        // monitoring: CloudWatch and Datadog in use, the rules keep Datadog and plan no move; the consultant picks Zabbix
        LayerRecommendation monitoring = new LayerRecommendation("monitoring", "monitoring", "Monitoring and alerting", null,
                null, "monitoring", List.of(new CurrentToolResult("amazon_cloudwatch", "Amazon CloudWatch", "ACTIVE", "", null, 2),
                        new CurrentToolResult("datadog", "Datadog", "ACTIVE", "", null, 1)),
                "KEEP", null, tool("datadog", "Datadog"), List.of(), List.of(tool("zabbix", "Zabbix")), List.of(), List.of());
        EvaluationResult raw = new EvaluationResult("r", "c", "devops-maturity", 2, Map.of("OPERATIONS", 1), List.of(),
                Map.of(), null, null, null, List.of(monitoring), List.of(), List.of(), List.of(), List.of(), List.of());
        var picked = ReviewApplier.apply(raw, List.of(edit(1, EditKind.OVERRIDE, "monitoring",
                new EditValues("zabbix", "Zabbix", null, null, null, null, null, null, null, null), "consolidate"))).result();
        RoadmapEntry added = picked.roadmap().stream().filter(x -> x.key().equals("override.monitoring")).findFirst()
                .orElseThrow();
        assertEquals("Move from Amazon CloudWatch and Datadog to Zabbix", added.title());
    }

    @Test
    void anItemDoneWithTheToolInUseBeforeTheMoveKeepsNamingItWhenTheConsultantPicksAnotherTarget() {
        // the rules name Jenkins for "make the CI tool you have build every change": it is done before the move
        RoadmapEntry inJenkins = new RoadmapEntry("ci.every_change", "Make the CI tool you have build every change", 1,
                "First 30 days", "continuous_integration", "ci", "Jenkins", List.of(), "", "", "why", "rule");
        EvaluationResult raw = result(List.of(tool("gitlab_ci", "GitLab CI"), tool("github_actions", "GitHub Actions")),
                List.of(), List.of(inJenkins, MIGRATE));
        var picked = ReviewApplier.apply(raw, List.of(edit(1, EditKind.OVERRIDE, "ci",
                new EditValues("github_actions", "GitHub Actions", null, null, null, null, null, null, null, null),
                "Their code is on GitHub."))).result();
        assertEquals("Jenkins", picked.roadmap().get(0).tool());
        assertEquals("GitHub Actions", picked.roadmap().get(1).tool());
    }

    @Test
    void afterReEvaluationEditsWhoseTargetIsGoneAreReportedAndTheOthersStillApply() {
        List<ReviewApplier.Edit> edits = List.of(
                edit(1, EditKind.OVERRIDE, "ci",
                        new EditValues("github_actions", "GitHub Actions", null, null, null, null, null, null, null, null),
                        "Their code is on GitHub."),
                edit(2, EditKind.FINDING_HIDE, "tool.sprawl@monitoring", new EditValues(null, null, null, null, null,
                        null, null, null, null, null), "Consolidation already under way."),
                edit(3, EditKind.ROADMAP_PHASE, "migrate.jenkins", new EditValues(null, null, null, null, null, 2, null,
                        null, null, null), ""));
        // the new evaluation no longer lists GitHub Actions, no longer raises the sprawl finding, still plans the move
        EvaluationResult later = result(List.of(tool("gitlab_ci", "GitLab CI"), tool("circleci", "CircleCI")), List.of(),
                List.of(EVERY_CHANGE, MIGRATE));
        var applied = ReviewApplier.apply(later, edits);
        assertEquals("not-applicable", applied.outcomes().get(1L).status());
        assertEquals("GitHub Actions is no longer on the menu for Continuous integration.", applied.outcomes().get(1L).detail());
        assertEquals("not-applicable", applied.outcomes().get(2L).status());
        assertTrue(applied.outcomes().get(2L).detail().contains("tool.sprawl@monitoring"));
        assertEquals("applied", applied.outcomes().get(3L).status());
        assertEquals("gitlab_ci", applied.result().stack().get(0).primary().key(), "the rules' pick stands");
        assertEquals(2, applied.result().roadmap().stream().filter(x -> x.key().equals("migrate.jenkins")).findFirst()
                .orElseThrow().phase());
        assertEquals(1, applied.result().review().size(), "only the edit that applies is in the result");
    }

    @Test
    void undoneEditsAreLeftOutAndALaterOverrideSupersedesAnEarlierOne() {
        EvaluationResult raw = result(List.of(tool("gitlab_ci", "GitLab CI"), tool("github_actions", "GitHub Actions")),
                List.of(SPRAWL), List.of(MIGRATE));
        EditValues none = new EditValues(null, null, null, null, null, null, null, null, null, null);
        var applied = ReviewApplier.apply(raw, List.of(
                edit(1, EditKind.FINDING_HIDE, "tool.sprawl@monitoring", none, "not relevant"),
                new ReviewApplier.Edit(2, EditKind.UNDO, "1", none, "", "bob", Instant.parse("2026-12-01T11:00:00Z"), 1L),
                edit(3, EditKind.OVERRIDE, "ci", new EditValues("github_actions", "GitHub Actions", null, null, null, null,
                        null, null, null, null), "first thought"),
                edit(4, EditKind.OVERRIDE, "ci", new EditValues(null, null, true, null, null, null, null, null, null, null),
                        "second thought")));
        assertEquals("undone", applied.outcomes().get(1L).status());
        assertTrue(applied.outcomes().get(1L).detail().contains("bob"));
        assertEquals("superseded", applied.outcomes().get(3L).status());
        assertEquals("applied", applied.outcomes().get(4L).status());
        assertEquals(1, applied.result().findings().size());
        assertEquals("KEEP", applied.result().stack().get(0).change());
        assertNull(ReviewApplier.apply(raw, List.of()).result().review(), "no review, nothing added to the JSON");
    }
}
