package dev.bearing.evaluation;

import java.util.List;

/**
 * A client's delivery metrics set against DORA Quick Check peer groups ({@link DoraBenchmark#compare}).
 *
 * @param edition benchmark edition, 2024 or 2025; store it with the result
 * @param source attribution to show with every figure, e.g. {@code DORA Quick Check benchmarks, 2025 edition (dora.dev)}
 * @param groups the industry group, then the organisation-size group
 */
public record PeerComparison(int edition, String source, List<PeerGroup> groups) {
}
