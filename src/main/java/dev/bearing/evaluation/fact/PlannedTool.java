package dev.bearing.evaluation.fact;

/**
 * A tool the recommendation moves the client onto, replacing what it runs in that layer. Inserted
 * after the rules come to rest: first the Git host (so the CI, package and scanning picks follow
 * the host the client is moving to, as they follow the host it has), then every other replacement
 * (so the roadmap plans each move).
 *
 * @param layer layer key
 * @param toolKey the recommended tool, not yet in use
 */
public record PlannedTool(String layer, String toolKey) {
}
