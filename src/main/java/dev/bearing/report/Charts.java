package dev.bearing.report;

import dev.bearing.common.UserText;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.EvaluationResult.Maturity;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts, drawn as inline SVG by Bearing itself (no chart library): the adoption
 * curve, the capability radar, alignment gaps by role and the roadmap timeline. Each method
 * returns one {@code <svg>} element in the SVG namespace, sized in CSS pixels for the A4 content
 * width (640 px = 169 mm). Every piece of text is cleaned ({@link UserText}) and XML-escaped, so
 * the result may be inserted into the XHTML unescaped. Text is measured with the report's own
 * font so that labels wrap inside their space.
 */
public final class Charts {

    /** Width of every chart, in CSS pixels. */
    static final int WIDTH = 640;

    /** Font family the SVG text uses; registered with the SVG renderer by {@link ReportRenderer}. */
    static final String FAMILY = ReportRenderer.FONT_FAMILY;

    static final String INK = "#1B2B48";
    static final String MUTED = "#5B6573";
    static final String GRID = "#D5DBE3";
    static final String ACCENT = "#2E6DA4";

    /** Role colours, in role order BUSINESS, DEVELOPMENT, OPERATIONS. */
    static final Map<String, String> ROLE_COLOURS = Map.of("BUSINESS", "#B5651D", "DEVELOPMENT", "#2E6DA4",
            "OPERATIONS", "#5B8C5A");
    static final List<String> ROLES = List.of("BUSINESS", "DEVELOPMENT", "OPERATIONS");

    /** Background tints of the radar by dimension. */
    private static final Map<String, String> DIMENSION_TINTS = Map.of("ALIGNMENT", "#EEF2F8", "TOOLING", "#F6F2EA",
            "OUTCOMES", "#EEF5EE");
    private static final Map<String, String> DIMENSION_NAMES = Map.of("ALIGNMENT", "Alignment", "TOOLING", "Tooling",
            "OUTCOMES", "Delivery outcomes");

    /** Tints of the curve's quarters, least mature first. */
    private static final List<String> QUARTER_TINTS = List.of("#E3EAF3", "#CAD8E8", "#AFC4DC", "#93AFCF");
    private static final List<String> PHASE_COLOURS = List.of("#1B2B48", "#2E6DA4", "#5A8FBF", "#8DB2D6");

    /** Standard normal quantiles of 12.5 %, 25 % and 37.5 % (the rest by symmetry). */
    private static final double Z_125 = -1.150349;
    private static final double Z_250 = -0.674490;
    private static final double Z_375 = -0.318639;

    /** Most roadmap items one timeline chart holds; more items continue in a second chart. */
    static final int TIMELINE_ROWS_PER_CHART = 28;

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final Font regular;
    private final Font bold;

    /**
     * @param regular the report's regular font (any size; it is used for measuring only)
     * @param bold the report's bold font
     */
    public Charts(Font regular, Font bold) {
        this.regular = regular.deriveFont(1000f);
        this.bold = bold.deriveFont(1000f);
    }

    // ---------------------------------------------------------------------------------------
    // Adoption curve

    /**
     * The adoption curve: a normal curve of the maturity index cut into quarters of
     * organisations (quartiles), each split into an early and a late half, with the
     * organisation's index marked.
     *
     * @param m maturity index 0..100, percentile, curve mean and standard deviation
     * @param stageQuarter the organisation's adoption stage quarter 1..4 (its name is shown there)
     * @param stageName the stage's name, e.g. Adopting
     * @return an SVG element
     */
    public String bellCurve(Maturity m, int stageQuarter, String stageName) {
        int h = 236;
        double left = 24;
        double right = WIDTH - 24;
        double top = 40;
        double axis = 196;
        double mean = m.curveMean();
        double sd = m.curveStandardDeviation() > 0 ? m.curveStandardDeviation() : 1;
        Svg s = new Svg(WIDTH, h);
        java.util.function.DoubleUnaryOperator x = i -> left + clamp(i, 0, 100) / 100.0 * (right - left);
        java.util.function.DoubleUnaryOperator y = i -> axis - Math.exp(-0.5 * Math.pow((i - mean) / sd, 2))
                * (axis - top);
        double[] cuts = {0, mean + Z_250 * sd, mean, mean - Z_250 * sd, 100};
        double[] halves = {mean + Z_125 * sd, mean + Z_375 * sd, mean - Z_375 * sd, mean - Z_125 * sd};
        for (int q = 0; q < 4; q++) {
            double a = clamp(cuts[q], 0, 100);
            double b = clamp(cuts[q + 1], 0, 100);
            if (b <= a) {
                continue;
            }
            StringBuilder d = new StringBuilder();
            d.append("M").append(f(x.applyAsDouble(a))).append(',').append(f(axis));
            for (double i = a; i <= b; i += 0.25) {
                d.append(" L").append(f(x.applyAsDouble(i))).append(',').append(f(y.applyAsDouble(i)));
            }
            d.append(" L").append(f(x.applyAsDouble(b))).append(',').append(f(y.applyAsDouble(b)));
            d.append(" L").append(f(x.applyAsDouble(b))).append(',').append(f(axis)).append(" Z");
            s.raw("<path d=\"" + d + "\" fill=\"" + QUARTER_TINTS.get(q) + "\" stroke=\"none\"/>");
        }
        // early/late halves
        for (double hv : halves) {
            if (hv > 0 && hv < 100) {
                s.line(x.applyAsDouble(hv), axis, x.applyAsDouble(hv), y.applyAsDouble(hv), "#FFFFFF", 1.2,
                        "3,2");
            }
        }
        // quarter boundaries
        for (int q = 1; q < 4; q++) {
            if (cuts[q] > 0 && cuts[q] < 100) {
                s.line(x.applyAsDouble(cuts[q]), axis, x.applyAsDouble(cuts[q]), top - 22, GRID, 0.8, null);
            }
        }
        // curve outline
        StringBuilder d = new StringBuilder();
        for (double i = 0; i <= 100; i += 0.5) {
            d.append(i == 0 ? "M" : " L").append(f(x.applyAsDouble(i))).append(',').append(f(y.applyAsDouble(i)));
        }
        s.raw("<path d=\"" + d + "\" fill=\"none\" stroke=\"" + INK + "\" stroke-width=\"1.4\"/>");
        // quarter labels inside the curve, early/late under the axis
        // (the caption under the chart explains the quarters; a caption here would collide with the marker's label)
        for (int q = 0; q < 4; q++) {
            double a = clamp(cuts[q], 0, 100);
            double b = clamp(cuts[q + 1], 0, 100);
            if (b - a < 4) {
                continue;
            }
            double cx = (x.applyAsDouble(a) + x.applyAsDouble(b)) / 2;
            boolean ours = q + 1 == stageQuarter;
            String name = ours && stageName != null && !stageName.isBlank() ? stageName : "";
            s.text(cx, axis - (name.isEmpty() ? 9 : 20), "Q" + (q + 1), 10, true, "middle", INK);
            if (!name.isEmpty()) {
                List<String> n = wrap(name, 8, true, x.applyAsDouble(b) - x.applyAsDouble(a) - 4, 1);
                s.text(cx, axis - 8, n.isEmpty() ? "" : n.get(0), 8, true, "middle", INK);
            }
            double split = clamp(halves[q], a, b);
            if (x.applyAsDouble(split) - x.applyAsDouble(a) > 24) {
                s.text((x.applyAsDouble(a) + x.applyAsDouble(split)) / 2, axis + 26, "early", 7.5, false, "middle",
                        MUTED);
            }
            if (x.applyAsDouble(b) - x.applyAsDouble(split) > 24) {
                s.text((x.applyAsDouble(split) + x.applyAsDouble(b)) / 2, axis + 26, "late", 7.5, false, "middle",
                        MUTED);
            }
        }
        // axis
        s.line(left, axis, right, axis, INK, 0.8, null);
        for (int t = 0; t <= 100; t += 10) {
            s.line(x.applyAsDouble(t), axis, x.applyAsDouble(t), axis + 3, INK, 0.6, null);
            s.text(x.applyAsDouble(t), axis + 13, String.valueOf(t), 7.5, false, "middle", MUTED);
        }
        s.text(right, axis + 38, "Maturity index (0–100)", 8, false, "end", MUTED);
        // the organisation
        double idx = clamp(m.index(), 0, 100);
        double px = x.applyAsDouble(idx);
        double py = y.applyAsDouble(idx);
        s.line(px, axis, px, py - 2, "#B3261E", 1.6, null);
        s.raw("<circle cx=\"" + f(px) + "\" cy=\"" + f(py) + "\" r=\"4.5\" fill=\"#B3261E\" stroke=\"#FFFFFF\" "
                + "stroke-width=\"1.5\"/>");
        String l1 = "Your organisation: index " + Math.round(m.index());
        String l2 = "above about " + Math.round(m.percentile()) + " % of organisations on the assumed curve";
        double lw = Math.max(width(l1, 9, true), width(l2, 8.5, false)) + 14;
        boolean toRight = px + 10 + lw < right;
        double bx = toRight ? px + 10 : px - 10 - lw;
        double by = Math.max(top - 20, Math.min(py - 44, axis - 40));
        if (by + 30 > py - 6 && by < py + 6) {
            by = py - 40;
        }
        s.raw("<rect x=\"" + f(bx) + "\" y=\"" + f(by) + "\" width=\"" + f(lw) + "\" height=\"30\" rx=\"3\" "
                + "fill=\"#FFFFFF\" stroke=\"#B3261E\" stroke-width=\"0.8\"/>");
        s.text(bx + 7, by + 12.5, l1, 9, true, "start", "#B3261E");
        s.text(bx + 7, by + 24, l2, 8.5, false, "start", INK);
        return s.end();
    }

    // ---------------------------------------------------------------------------------------
    // Capability radar

    /**
     * A radar of the capabilities' combined scores (filled polygon) with each role's score as a
     * dot, on backgrounds tinted by dimension. Capabilities without a combined score are left
     * out. Axes are numbered in the order given, matching the capability table.
     *
     * @param capabilities capabilities in report order
     * @return an SVG element, or an empty string when fewer than three capabilities have scores
     */
    public String radar(List<CapabilityResult> capabilities) {
        List<CapabilityResult> axes = capabilities.stream().filter(c -> c.combined() != null).toList();
        int n = axes.size();
        if (n < 3) {
            return "";
        }
        int h = 470;
        double cx = WIDTH / 2.0;
        double cy = 212;
        double r = 150;
        Svg s = new Svg(WIDTH, h);
        double step = 2 * Math.PI / n;
        // dimension wedges
        for (int i = 0; i < n; i++) {
            double a0 = -Math.PI / 2 + (i - 0.5) * step;
            double a1 = a0 + step;
            String tint = DIMENSION_TINTS.getOrDefault(axes.get(i).dimension(), "#F3F4F6");
            s.raw("<path d=\"M" + f(cx) + "," + f(cy) + " L" + f(cx + r * Math.cos(a0)) + "," + f(cy + r * Math.sin(a0))
                    + " A" + f(r) + "," + f(r) + " 0 0,1 " + f(cx + r * Math.cos(a1)) + "," + f(cy + r * Math.sin(a1))
                    + " Z\" fill=\"" + tint + "\" stroke=\"none\"/>");
        }
        // rings and axes
        for (int ring = 25; ring <= 100; ring += 25) {
            s.raw("<circle cx=\"" + f(cx) + "\" cy=\"" + f(cy) + "\" r=\"" + f(r * ring / 100.0)
                    + "\" fill=\"none\" stroke=\"" + GRID + "\" stroke-width=\"" + (ring == 100 ? "1" : "0.6") + "\"/>");
        }
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + i * step;
            s.line(cx, cy, cx + r * Math.cos(a), cy + r * Math.sin(a), GRID, 0.6, null);
        }
        for (int ring = 25; ring <= 100; ring += 25) {
            s.text(cx + 3, cy - r * ring / 100.0 + 9, String.valueOf(ring), 7, false, "start", MUTED);
        }
        // combined polygon
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + i * step;
            double v = clamp(axes.get(i).combined(), 0, 100) / 100.0 * r;
            pts.append(f(cx + v * Math.cos(a))).append(',').append(f(cy + v * Math.sin(a))).append(' ');
        }
        s.raw("<polygon points=\"" + pts.toString().trim() + "\" fill=\"" + INK + "\" fill-opacity=\"0.16\" stroke=\""
                + INK + "\" stroke-width=\"1.8\" stroke-linejoin=\"round\"/>");
        // role dots
        for (String role : ROLES) {
            for (int i = 0; i < n; i++) {
                Double v = axes.get(i).byRole() == null ? null : axes.get(i).byRole().get(role);
                if (v == null) {
                    continue;
                }
                double a = -Math.PI / 2 + i * step;
                double d = clamp(v, 0, 100) / 100.0 * r;
                s.raw("<circle cx=\"" + f(cx + d * Math.cos(a)) + "\" cy=\"" + f(cy + d * Math.sin(a))
                        + "\" r=\"3\" fill=\"" + ROLE_COLOURS.get(role) + "\" stroke=\"#FFFFFF\" stroke-width=\"0.8\"/>");
            }
        }
        // labels
        double size = 8.5;
        double lineH = 10.5;
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + i * step;
            double cos = Math.cos(a);
            double sin = Math.sin(a);
            double lx = cx + (r + 12) * cos;
            double ly = cy + (r + 12) * sin;
            String anchor = cos > 0.12 ? "start" : cos < -0.12 ? "end" : "middle";
            double maxW = anchor.equals("middle") ? 100 : Math.min(140, (anchor.equals("start") ? WIDTH - lx : lx) - 4);
            List<String> lines = wrap((i + 1) + ". " + axes.get(i).name(), size, false, maxW, 3);
            double blockH = lines.size() * lineH;
            double y0 = sin < -0.75 ? ly - blockH + 7 : sin > 0.75 ? ly + 8 : ly - blockH / 2 + 8;
            for (int k = 0; k < lines.size(); k++) {
                s.text(lx, y0 + k * lineH, lines.get(k), size, false, anchor, INK);
            }
        }
        // legend
        double ly = h - 30;
        double lx = 20;
        s.raw("<rect x=\"" + f(lx) + "\" y=\"" + f(ly - 8) + "\" width=\"14\" height=\"9\" fill=\"" + INK
                + "\" fill-opacity=\"0.16\" stroke=\"" + INK + "\" stroke-width=\"1.4\"/>");
        s.text(lx + 19, ly, "Combined score (mean of the roles)", 8.5, false, "start", INK);
        lx += 19 + width("Combined score (mean of the roles)", 8.5, false) + 16;
        for (String role : ROLES) {
            s.raw("<circle cx=\"" + f(lx + 4) + "\" cy=\"" + f(ly - 3.5) + "\" r=\"3.5\" fill=\""
                    + ROLE_COLOURS.get(role) + "\"/>");
            String label = roleLabel(role);
            s.text(lx + 12, ly, label, 8.5, false, "start", INK);
            lx += 12 + width(label, 8.5, false) + 14;
        }
        ly += 16;
        lx = 20;
        for (String dim : List.of("ALIGNMENT", "TOOLING", "OUTCOMES")) {
            s.raw("<rect x=\"" + f(lx) + "\" y=\"" + f(ly - 8) + "\" width=\"14\" height=\"9\" fill=\""
                    + DIMENSION_TINTS.get(dim) + "\" stroke=\"" + GRID + "\" stroke-width=\"0.6\"/>");
            String label = DIMENSION_NAMES.get(dim);
            s.text(lx + 19, ly, label, 8.5, false, "start", MUTED);
            lx += 19 + width(label, 8.5, false) + 16;
        }
        return s.end();
    }

    // ---------------------------------------------------------------------------------------
    // Alignment gaps

    /**
     * Alignment gaps: for each capability at least two roles scored, one bar per role (0..100)
     * and the gap in points, largest gap first.
     *
     * @param capabilities capabilities in report order
     * @return an SVG element, or an empty string when no capability was scored by two roles
     */
    public String alignmentGaps(List<CapabilityResult> capabilities) {
        List<CapabilityResult> rows = capabilities.stream().filter(c -> c.gap() != null)
                .sorted(Comparator.comparingDouble((CapabilityResult c) -> -c.gap())).toList();
        if (rows.isEmpty()) {
            return "";
        }
        double labelW = 200;
        double x0 = 214;
        double x1 = 566;
        double rowH = 30;
        double top = 40;
        int h = (int) Math.ceil(top + rows.size() * rowH + 10);
        Svg s = new Svg(WIDTH, h);
        // legend
        double lx = x0;
        for (String role : ROLES) {
            s.raw("<rect x=\"" + f(lx) + "\" y=\"4\" width=\"12\" height=\"8\" fill=\"" + ROLE_COLOURS.get(role) + "\"/>");
            s.text(lx + 16, 11.5, roleLabel(role), 8.5, false, "start", INK);
            lx += 16 + width(roleLabel(role), 8.5, false) + 16;
        }
        s.text(WIDTH - 4, 11.5, "Gap", 8.5, true, "end", INK);
        // grid
        for (int t = 0; t <= 100; t += 25) {
            double gx = x0 + t / 100.0 * (x1 - x0);
            s.line(gx, top - 6, gx, h - 8, GRID, t == 0 ? 0.9 : 0.5, t == 0 ? null : "2,2");
            s.text(gx, top - 10, String.valueOf(t), 7.5, false, "middle", MUTED);
        }
        for (int i = 0; i < rows.size(); i++) {
            CapabilityResult c = rows.get(i);
            double ry = top + i * rowH;
            if (i % 2 == 0) {
                s.raw("<rect x=\"0\" y=\"" + f(ry) + "\" width=\"" + WIDTH + "\" height=\"" + f(rowH)
                        + "\" fill=\"#F5F7FA\"/>");
            }
            List<String> lines = wrap(c.name(), 8.5, false, labelW, 2);
            double ty = ry + rowH / 2 + 3 - (lines.size() - 1) * 5;
            for (int k = 0; k < lines.size(); k++) {
                s.text(labelW, ty + k * 10, lines.get(k), 8.5, false, "end", INK);
            }
            double by = ry + 5;
            for (String role : ROLES) {
                Double v = c.byRole() == null ? null : c.byRole().get(role);
                if (v != null) {
                    double w = Math.max(1, clamp(v, 0, 100) / 100.0 * (x1 - x0));
                    s.raw("<rect x=\"" + f(x0) + "\" y=\"" + f(by) + "\" width=\"" + f(w) + "\" height=\"6\" fill=\""
                            + ROLE_COLOURS.get(role) + "\"/>");
                }
                by += 7;
            }
            s.text(WIDTH - 4, ry + rowH / 2 + 3.5, String.valueOf(Math.round(c.gap())), 9, true, "end", INK);
        }
        return s.end();
    }

    // ---------------------------------------------------------------------------------------
    // Roadmap timeline

    /**
     * The roadmap timeline: the four phases as columns, one row per item (numbered R1, R2, ...
     * in the order given) with a bar in its phase naming the tool, if any. Long roadmaps are cut
     * into several charts of at most {@link #TIMELINE_ROWS_PER_CHART} rows so each fits a page.
     *
     * @param items roadmap items in report order
     * @param phaseLabels labels of phases 1..4
     * @return SVG elements, one per chart (empty when there are no items)
     */
    public List<String> timeline(List<RoadmapEntry> items, List<String> phaseLabels) {
        List<String> charts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += TIMELINE_ROWS_PER_CHART) {
            charts.add(timelineChunk(items, from, Math.min(items.size(), from + TIMELINE_ROWS_PER_CHART), phaseLabels));
        }
        return charts;
    }

    private String timelineChunk(List<RoadmapEntry> items, int from, int to, List<String> phaseLabels) {
        double labelW = 262;
        double colX = 270;
        double colW = (WIDTH - colX) / 4.0;
        double top = 34;
        double rowH = 25;
        int h = (int) Math.ceil(top + (to - from) * rowH + 6);
        Svg s = new Svg(WIDTH, h);
        for (int p = 0; p < 4; p++) {
            double x = colX + p * colW;
            s.raw("<rect x=\"" + f(x + 1) + "\" y=\"0\" width=\"" + f(colW - 2) + "\" height=\"" + f(h)
                    + "\" fill=\"" + (p % 2 == 0 ? "#F3F5F9" : "#E9EDF3") + "\"/>");
            s.raw("<rect x=\"" + f(x + 1) + "\" y=\"0\" width=\"" + f(colW - 2) + "\" height=\"4\" fill=\""
                    + PHASE_COLOURS.get(p) + "\"/>");
            String label = p < phaseLabels.size() ? phaseLabels.get(p) : "Phase " + (p + 1);
            List<String> lines = wrap(label, 8.5, true, colW - 8, 2);
            for (int k = 0; k < lines.size(); k++) {
                s.text(x + colW / 2, 15 + k * 10, lines.get(k), 8.5, true, "middle", INK);
            }
        }
        for (int i = from; i < to; i++) {
            RoadmapEntry e = items.get(i);
            double ry = top + (i - from) * rowH;
            s.line(0, ry + rowH, WIDTH, ry + rowH, "#E2E6EC", 0.5, null);
            String number = "R" + (i + 1);
            s.text(0, ry + 10, number, 8.5, true, "start", ACCENT);
            List<String> lines = wrap(e.title(), 8, false, labelW - 26, 2);
            for (int k = 0; k < lines.size(); k++) {
                s.text(26, ry + 10 + k * 9.8, lines.get(k), 8, false, "start", INK);
            }
            int p = Math.max(1, Math.min(4, e.phase())) - 1;
            double bx = colX + p * colW + 5;
            double bw = colW - 10;
            s.raw("<rect x=\"" + f(bx) + "\" y=\"" + f(ry + 3) + "\" width=\"" + f(bw) + "\" height=\"19\" rx=\"3\" fill=\""
                    + PHASE_COLOURS.get(p) + "\"/>");
            String inBar = e.tool() != null && !e.tool().isBlank() ? e.tool() : number;
            List<String> barText = wrap(inBar, 7, false, bw - 6, 2);
            String ink = p >= 2 ? INK : "#FFFFFF";
            if (barText.size() == 1) {
                s.text(bx + bw / 2, ry + 15, barText.get(0), 7, false, "middle", ink);
            } else if (barText.size() == 2) {
                s.text(bx + bw / 2, ry + 11.3, barText.get(0), 7, false, "middle", ink);
                s.text(bx + bw / 2, ry + 19.3, barText.get(1), 7, false, "middle", ink);
            }
        }
        return s.end();
    }

    // ---------------------------------------------------------------------------------------
    // text helpers

    /**
     * Width of text in the report font.
     *
     * @param text text, cleaned first
     * @param size font size in px
     * @param isBold bold or regular
     * @return width in px
     */
    double width(String text, double size, boolean isBold) {
        String t = UserText.clean(text);
        if (t.isEmpty()) {
            return 0;
        }
        return (isBold ? bold : regular).getStringBounds(t, FRC).getWidth() * size / 1000.0;
    }

    /**
     * Greedy word wrap; a word longer than a line is cut; the last line ends in an ellipsis when
     * text is left over.
     *
     * @param text text, cleaned first (line breaks become spaces)
     * @param size font size in px
     * @param isBold bold or regular
     * @param maxWidth line width in px
     * @param maxLines most lines
     * @return the lines, none empty
     */
    List<String> wrap(String text, double size, boolean isBold, double maxWidth, int maxLines) {
        String t = UserText.clean(text).replace('\n', ' ').trim().replaceAll(" +", " ");
        List<String> lines = new ArrayList<>();
        if (t.isEmpty()) {
            return lines;
        }
        String[] words = t.split(" ");
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < words.length) {
            String w = words[i];
            String candidate = line.length() == 0 ? w : line + " " + w;
            if (width(candidate, size, isBold) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                i++;
                continue;
            }
            if (line.length() == 0) {
                // a single word wider than the line: cut it
                int cut = w.length();
                while (cut > 1 && width(w.substring(0, cut), size, isBold) > maxWidth) {
                    cut = w.offsetByCodePoints(cut, -1);
                }
                lines.add(w.substring(0, cut));
                words[i] = w.substring(cut);
            } else {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (lines.size() == maxLines) {
                break;
            }
        }
        if (lines.size() < maxLines && line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
        boolean leftOver = line.length() > 0 || i < words.length;
        if (leftOver && !lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            while (!last.isEmpty() && width(last + "…", size, isBold) > maxWidth) {
                last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
            }
            lines.set(lines.size() - 1, last.stripTrailing() + "…");
        }
        return lines;
    }

    // ---------------------------------------------------------------------------------------
    // Milestones and benchmark

    /**
     * A capability's score at two milestones.
     *
     * @param name capability name
     * @param before score at the previous milestone, 0..100, or null
     * @param after score now, 0..100, or null
     */
    public record ScoreChange(String name, Double before, Double after) {
    }

    /**
     * The change per capability since the previous milestone: one row per capability with the
     * previous score (hollow circle), the score now (filled circle), a line between them coloured
     * by direction (green up, red down) and the change in points at the right.
     *
     * @param rows capabilities in report order
     * @return an SVG element, or an empty string when no capability has both scores
     */
    public String milestoneChange(List<ScoreChange> rows) {
        List<ScoreChange> both = rows.stream().filter(r -> r.before() != null && r.after() != null).toList();
        if (both.isEmpty()) {
            return "";
        }
        double labelWidth = 200;
        double left = labelWidth + 12;
        double right = WIDTH - 60;
        double top = 34;
        double row = 17;
        int h = (int) Math.ceil(top + row * both.size() + 14);
        Svg s = new Svg(WIDTH, h);
        java.util.function.DoubleUnaryOperator x = v -> left + clamp(v, 0, 100) / 100.0 * (right - left);
        // legend
        s.raw("<circle cx=\"" + f(left + 4) + "\" cy=\"10\" r=\"3.6\" fill=\"#FFFFFF\" stroke=\"" + MUTED
                + "\" stroke-width=\"1.4\"/>");
        s.text(left + 12, 13, "Previous milestone", 8, false, "start", MUTED);
        s.raw("<circle cx=\"" + f(left + 112) + "\" cy=\"10\" r=\"3.8\" fill=\"" + INK + "\"/>");
        s.text(left + 120, 13, "Now", 8, false, "start", MUTED);
        s.text(WIDTH - 4, 13, "Change", 8, true, "end", MUTED);
        // grid
        for (int t = 0; t <= 100; t += 25) {
            s.line(x.applyAsDouble(t), top - 8, x.applyAsDouble(t), h - 12, GRID, 0.6, null);
            s.text(x.applyAsDouble(t), top - 11, String.valueOf(t), 7.5, false, "middle", MUTED);
        }
        for (int i = 0; i < both.size(); i++) {
            ScoreChange r = both.get(i);
            double cy = top + row * i + row / 2;
            List<String> name = wrap(r.name(), 8.5, false, labelWidth, 1);
            s.text(labelWidth, cy + 3, name.isEmpty() ? "" : name.get(0), 8.5, false, "end", INK);
            double delta = Math.round((r.after() - r.before()) * 10) / 10.0;
            String colour = delta > 0 ? "#2F7D32" : delta < 0 ? "#B3261E" : MUTED;
            s.line(x.applyAsDouble(r.before()), cy, x.applyAsDouble(r.after()), cy, colour, 2.2, null);
            s.raw("<circle cx=\"" + f(x.applyAsDouble(r.before())) + "\" cy=\"" + f(cy) + "\" r=\"3.6\" fill=\"#FFFFFF\" "
                    + "stroke=\"" + MUTED + "\" stroke-width=\"1.4\"/>");
            s.raw("<circle cx=\"" + f(x.applyAsDouble(r.after())) + "\" cy=\"" + f(cy) + "\" r=\"3.8\" fill=\"" + INK
                    + "\"/>");
            s.text(WIDTH - 4, cy + 3, signed(delta), 8.5, true, "end", colour);
        }
        s.text(right, h - 2, "Combined score (0–100)", 7.5, false, "end", MUTED);
        return s.end();
    }

    /**
     * A bar per capability: the organisation's percentile within a comparison group.
     *
     * @param rows capability name to percentile 0..100 (null: too few assessments scored it), in
     *     report order
     * @return an SVG element, or an empty string when no capability has a percentile
     */
    public String percentiles(List<Map.Entry<String, Integer>> rows) {
        List<Map.Entry<String, Integer>> shown = rows.stream().filter(e -> e.getValue() != null).toList();
        if (shown.isEmpty()) {
            return "";
        }
        double labelWidth = 200;
        double left = labelWidth + 12;
        double right = WIDTH - 40;
        double top = 22;
        double row = 16;
        int h = (int) Math.ceil(top + row * shown.size() + 16);
        Svg s = new Svg(WIDTH, h);
        java.util.function.DoubleUnaryOperator x = v -> left + clamp(v, 0, 100) / 100.0 * (right - left);
        for (int t = 0; t <= 100; t += 25) {
            s.line(x.applyAsDouble(t), top - 6, x.applyAsDouble(t), h - 14, t == 50 ? MUTED : GRID, 0.6,
                    t == 50 ? "3,2" : null);
            s.text(x.applyAsDouble(t), top - 9, t + (t == 100 ? " %" : ""), 7.5, false, "middle", MUTED);
        }
        for (int i = 0; i < shown.size(); i++) {
            var e = shown.get(i);
            double cy = top + row * i + row / 2;
            List<String> name = wrap(e.getKey(), 8.5, false, labelWidth, 1);
            s.text(labelWidth, cy + 3, name.isEmpty() ? "" : name.get(0), 8.5, false, "end", INK);
            double w = Math.max(1, x.applyAsDouble(e.getValue()) - left);
            s.raw("<rect x=\"" + f(left) + "\" y=\"" + f(cy - 5) + "\" width=\"" + f(w) + "\" height=\"10\" fill=\""
                    + ACCENT + "\"/>");
            s.text(left + w + 4, cy + 3, String.valueOf(e.getValue()), 8, true, "start", INK);
        }
        s.text(right, h - 2, "Share of the group scoring lower (percentile)", 7.5, false, "end", MUTED);
        return s.end();
    }

    private static String signed(double v) {
        String n = v == Math.rint(v) ? String.valueOf((long) Math.abs(v)) : String.format(Locale.ROOT, "%.1f", Math.abs(v));
        return v > 0 ? "+" + n : v < 0 ? "−" + n : "0";
    }

    static String roleLabel(String role) {
        return role.isEmpty() ? role : role.charAt(0) + role.substring(1).toLowerCase(Locale.ROOT);
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }

    /**
     * @return {@code v} with two decimals, as {@code String.format(Locale.ROOT, "%.2f", v)} writes
     *     it; a chart has thousands of coordinates, and the formatter costs a few milliseconds of
     *     every render. Values within a millionth of a rounding tie, negative values that round to
     *     zero ("-0.00", also -0.0) and values beyond a million go to the formatter itself.
     */
    static String f(double v) {
        double hundredths = Math.abs(v) * 100;
        double fraction = hundredths - Math.floor(hundredths);
        long r = Math.round(hundredths);
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        if (!(hundredths < 1e8) || Math.abs(fraction - 0.5) < 1e-6 || negative && r == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        long cents = r % 100;
        return (negative ? "-" : "") + r / 100 + (cents < 10 ? ".0" : ".") + cents;
    }

    /** XML-escapes cleaned text for an SVG text node or attribute. */
    static String xml(String text) {
        String t = UserText.clean(text).replace('\n', ' ');
        StringBuilder out = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A minimal SVG writer. */
    private static final class Svg {
        private final StringBuilder out = new StringBuilder(8192);

        Svg(int w, int h) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                    .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" font-family=\"")
                    .append(FAMILY).append("\">");
        }

        void raw(String element) {
            out.append(element);
        }

        void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
            out.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                    .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"").append(f(width)).append('"');
            if (dash != null) {
                out.append(" stroke-dasharray=\"").append(dash).append('"');
            }
            out.append("/>");
        }

        void text(double x, double y, String text, double size, boolean bold, String anchor, String fill) {
            out.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" font-size=\"")
                    .append(f(size)).append('"');
            if (bold) {
                out.append(" font-weight=\"bold\"");
            }
            if (!"start".equals(anchor)) {
                out.append(" text-anchor=\"").append(anchor).append('"');
            }
            out.append(" fill=\"").append(fill).append("\">").append(xml(text)).append("</text>");
        }

        String end() {
            return out.append("</svg>").toString();
        }
    }
}
