package dev.bearing.report;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.render.AbstractOutputDevice;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the report's charts ({@link Charts}' inline SVG) straight onto the PDF page with the
 * output device's own primitives: shapes become PDF paths and every label becomes real text in
 * the report's embedded fonts, so a reader can select, copy and search it. Batik drew the same
 * SVG with each glyph as an outline, which cost a quarter of the render time and three quarters
 * of the file.
 *
 * <p>It knows exactly the SVG that {@link Charts} writes: {@code rect} (with {@code rx}),
 * {@code line} (with {@code stroke-dasharray}), {@code circle}, {@code polygon}, {@code path}
 * (absolute {@code M L A Z}) and {@code text} (size, bold, anchor), with fill, stroke, stroke
 * width and fill opacity given as attributes. Any other SVG is handed to the fallback drawer
 * (Batik). Stateless, so one instance serves every render.
 */
final class ChartDrawer implements SVGDrawer {

    private static final Set<String> KNOWN = Set.of("rect", "line", "circle", "polygon", "path", "text");

    private final SVGDrawer fallback;
    private final String[] families;

    /**
     * @param fallback drawer for SVG this class does not know
     * @param families the CSS font families of the chart text, first choice first
     */
    ChartDrawer(SVGDrawer fallback, List<String> families) {
        this.fallback = fallback;
        this.families = families.toArray(String[]::new);
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
        fallback.importFontFaceRules(fontFaces, shared);
    }

    @Override
    public void addFontFile(File fontFile, String family, Integer weight, FontStyle style) {
        // charts use the document's fonts
    }

    @Override
    public void close() throws java.io.IOException {
        fallback.close();
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext c, double cssWidth, double cssHeight,
            double dotsPerPixel) {
        double w = number(svg, "width", -1);
        double h = number(svg, "height", -1);
        if (w <= 0 || h <= 0 || !onlyKnownChildren(svg)) {
            return fallback.buildSVGImage(svg, box, c, cssWidth, cssHeight, dotsPerPixel);
        }
        double width = cssWidth >= 0 ? cssWidth / dotsPerPixel : cssHeight >= 0 ? cssHeight / dotsPerPixel * w / h : w;
        double height = cssHeight >= 0 ? cssHeight / dotsPerPixel : width * h / w;
        return new Chart(svg, w, h, width, height, dotsPerPixel, families);
    }

    private static boolean onlyKnownChildren(Element svg) {
        for (Node n = svg.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && !KNOWN.contains(n.getLocalName() != null ? n.getLocalName()
                    : n.getNodeName())) {
                return false;
            }
        }
        return true;
    }

    /** One chart, sized for its box; drawn when its page is. */
    private record Chart(Element svg, double viewW, double viewH, double width, double height, double dotsPerPixel,
            String[] families) implements SVGImage {

        @Override
        public int getIntrinsicWidth() {
            return (int) Math.round(width);
        }

        @Override
        public int getIntrinsicHeight() {
            return (int) Math.round(height);
        }

        @Override
        public void drawSVG(OutputDevice out, RenderingContext ctx, double x, double y) {
            // SVG user units → device dots, at the content box's top left
            double sx = width / viewW * dotsPerPixel;
            double sy = height / viewH * dotsPerPixel;
            AffineTransform at = new AffineTransform(sx, 0, 0, sy, x, y);
            double scale = Math.min(sx, sy);
            Map<String, FSFont> fonts = new HashMap<>();
            java.awt.Stroke before = out.getStroke();
            FontSpecification spec = out instanceof AbstractOutputDevice d ? d.getFontSpecification() : null;
            for (Node n = svg.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    draw((Element) n, out, ctx, at, scale, fonts);
                }
            }
            if (before != null) {
                out.setStroke(before);
            }
            if (out instanceof AbstractOutputDevice d) {
                d.setFontSpecification(spec);
            }
        }

        private void draw(Element e, OutputDevice out, RenderingContext ctx, AffineTransform at, double scale,
                Map<String, FSFont> fonts) {
            String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
            if (name.equals("text")) {
                text(e, out, ctx, at, scale, fonts);
                return;
            }
            Shape shape = switch (name) {
                case "rect" -> {
                    double rx = number(e, "rx", 0);
                    double rw = number(e, "width", 0);
                    double rh = number(e, "height", 0);
                    yield rx > 0 ? new RoundRectangle2D.Double(number(e, "x", 0), number(e, "y", 0), rw, rh, 2 * rx, 2 * rx)
                            : new Rectangle2D.Double(number(e, "x", 0), number(e, "y", 0), rw, rh);
                }
                case "line" -> new Line2D.Double(number(e, "x1", 0), number(e, "y1", 0), number(e, "x2", 0),
                        number(e, "y2", 0));
                case "circle" -> {
                    double r = number(e, "r", 0);
                    yield new Ellipse2D.Double(number(e, "cx", 0) - r, number(e, "cy", 0) - r, 2 * r, 2 * r);
                }
                case "polygon" -> polygon(e.getAttribute("points"));
                case "path" -> path(e.getAttribute("d"));
                default -> null;
            };
            if (shape == null) {
                return;
            }
            Shape device = at.createTransformedShape(shape);
            String fill = e.hasAttribute("fill") ? e.getAttribute("fill") : "#000000";
            if (!name.equals("line") && !fill.equals("none")) {
                out.setColor(colour(fill, number(e, "fill-opacity", 1)));
                out.fill(device);
            }
            String stroke = e.getAttribute("stroke");
            if (!stroke.isEmpty() && !stroke.equals("none")) {
                float lw = (float) (number(e, "stroke-width", 1) * scale);
                float[] dash = null;
                if (e.hasAttribute("stroke-dasharray")) {
                    String[] parts = e.getAttribute("stroke-dasharray").split("[ ,]+");
                    dash = new float[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        dash[i] = (float) (Double.parseDouble(parts[i]) * scale);
                    }
                }
                int join = "round".equals(e.getAttribute("stroke-linejoin")) ? BasicStroke.JOIN_ROUND : BasicStroke.JOIN_MITER;
                out.setStroke(new BasicStroke(lw, BasicStroke.CAP_BUTT, join, 10f, dash, 0f));
                out.setColor(colour(stroke, number(e, "stroke-opacity", 1)));
                out.draw(device);
            }
        }

        private void text(Element e, OutputDevice out, RenderingContext ctx, AffineTransform at, double scale,
                Map<String, FSFont> fonts) {
            String content = e.getTextContent();
            if (content == null || content.isBlank()) {
                return;
            }
            boolean bold = "bold".equals(e.getAttribute("font-weight"));
            float size = (float) (number(e, "font-size", 10) * scale);
            FontSpecification spec = new FontSpecification();
            spec.size = size;
            spec.fontWeight = bold ? IdentValue.FONT_WEIGHT_700 : IdentValue.FONT_WEIGHT_400;
            spec.families = families;
            spec.fontStyle = IdentValue.NORMAL;
            spec.variant = IdentValue.NORMAL;
            FSFont font = fonts.computeIfAbsent(size + (bold ? "b" : "r"), k -> ctx.getFont(spec));
            double[] p = {number(e, "x", 0), number(e, "y", 0)};
            at.transform(p, 0, p, 0, 1);
            String anchor = e.getAttribute("text-anchor");
            if (anchor.equals("middle") || anchor.equals("end")) {
                int w = ctx.getTextRenderer().getWidth(ctx.getFontContext(), font, content);
                p[0] -= anchor.equals("middle") ? w / 2.0 : w;
            }
            if (out instanceof AbstractOutputDevice device) {
                // the device compares it with the face it draws (it would embolden a lighter face)
                device.setFontSpecification(spec);
            }
            out.setFont(font);
            out.setColor(colour(e.hasAttribute("fill") ? e.getAttribute("fill") : "#000000", 1));
            ctx.getTextRenderer().drawString(out, content, (float) p[0], (float) p[1]);
        }
    }

    /** @return the polygon of an SVG {@code points} list */
    static Shape polygon(String points) {
        String[] v = points.trim().split("[ ,]+");
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i + 1 < v.length; i += 2) {
            double px = Double.parseDouble(v[i]);
            double py = Double.parseDouble(v[i + 1]);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        p.closePath();
        return p;
    }

    /**
     * @param d path data with absolute commands M, L, A (no rotation) and Z, as {@link Charts} writes it
     * @return the path
     */
    static Shape path(String d) {
        Path2D.Double p = new Path2D.Double();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[MLAZ]|-?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?")
                .matcher(d);
        List<String> tokens = new java.util.ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        int i = 0;
        char command = 'M';
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                command = t.charAt(0);
                i++;
                if (command == 'Z') {
                    p.closePath();
                }
                continue;
            }
            switch (command) {
                case 'M' -> {
                    p.moveTo(Double.parseDouble(tokens.get(i)), Double.parseDouble(tokens.get(i + 1)));
                    i += 2;
                    command = 'L';
                }
                case 'L' -> {
                    p.lineTo(Double.parseDouble(tokens.get(i)), Double.parseDouble(tokens.get(i + 1)));
                    i += 2;
                }
                case 'A' -> {
                    double rx = Double.parseDouble(tokens.get(i));
                    double ry = Double.parseDouble(tokens.get(i + 1));
                    boolean large = !tokens.get(i + 3).equals("0");
                    boolean sweep = !tokens.get(i + 4).equals("0");
                    double x2 = Double.parseDouble(tokens.get(i + 5));
                    double y2 = Double.parseDouble(tokens.get(i + 6));
                    arc(p, rx, ry, large, sweep, x2, y2);
                    i += 7;
                }
                default -> throw new IllegalArgumentException("unsupported path command " + command + " in " + d);
            }
        }
        return p;
    }

    /** An elliptical arc without rotation, from the current point (SVG's endpoint form, spec F.6.5). */
    private static void arc(Path2D.Double p, double rx, double ry, boolean large, boolean sweep, double x2, double y2) {
        java.awt.geom.Point2D from = p.getCurrentPoint();
        double x1 = from.getX();
        double y1 = from.getY();
        if (rx == 0 || ry == 0 || (x1 == x2 && y1 == y2)) {
            p.lineTo(x2, y2);
            return;
        }
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        double dx = (x1 - x2) / 2;
        double dy = (y1 - y2) / 2;
        double lambda = dx * dx / (rx * rx) + dy * dy / (ry * ry);
        if (lambda > 1) {
            rx *= Math.sqrt(lambda);
            ry *= Math.sqrt(lambda);
        }
        double num = rx * rx * ry * ry - rx * rx * dy * dy - ry * ry * dx * dx;
        double den = rx * rx * dy * dy + ry * ry * dx * dx;
        double coef = (large == sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
        double cxp = coef * rx * dy / ry;
        double cyp = -coef * ry * dx / rx;
        double cx = cxp + (x1 + x2) / 2;
        double cy = cyp + (y1 + y2) / 2;
        double start = Math.toDegrees(Math.atan2((dy - cyp) / ry, (dx - cxp) / rx));
        double end = Math.toDegrees(Math.atan2((-dy - cyp) / ry, (-dx - cxp) / rx));
        double extent = end - start;
        if (sweep && extent < 0) {
            extent += 360;
        } else if (!sweep && extent > 0) {
            extent -= 360;
        }
        // Arc2D measures angles counter-clockwise with y up; SVG's y points down
        p.append(new Arc2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry, -start, -extent, Arc2D.OPEN), true);
    }

    static FSRGBColor colour(String hex, double opacity) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        int rgb = h.length() == 3 ? Integer.parseInt("" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1)
                + h.charAt(2) + h.charAt(2), 16) : Integer.parseInt(h, 16);
        FSRGBColor c = new FSRGBColor((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        return opacity < 1 ? c.withAlpha((float) opacity) : c;
    }

    static double number(Element e, String attribute, double fallback) {
        String v = e.getAttribute(attribute);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.endsWith("px") ? v.substring(0, v.length() - 2) : v);
        } catch (NumberFormatException ex) {
            return fallback;
        }
    }
}
