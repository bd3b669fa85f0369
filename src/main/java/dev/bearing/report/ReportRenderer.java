package dev.bearing.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.PDFTranscoder;
import jakarta.inject.Singleton;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders the PDF roadmap: {@link ReportData} → {@link ReportView} (cleaned, formatted) → Qute
 * template {@code report-templates/roadmap.html} (escaped XHTML) → openhtmltopdf/PDFBox → PDF.
 *
 * <p>Fonts ({@link ReportFonts}) are read from the classpath ({@code report/fonts/}) and parsed
 * once, then lent to each render: DejaVu Sans regular and bold as the family {@value #FONT_FAMILY},
 * and, only for a document whose text has a character DejaVu lacks, Droid Sans Fallback (CJK) as
 * {@value #FALLBACK_FAMILY} and Symbola (emoji, monochrome; free for any use, see
 * LICENSE-Symbola.txt) as {@value #SYMBOL_FAMILY}, the stylesheet's last families. All are
 * embedded as subsets, so the PDF shows Polish, Greek, Cyrillic, CJK, Arabic, Hebrew and emoji on
 * any reader. Right-to-left text is split into bidi runs and Arabic letters are shaped with ICU4J
 * ({@link IcuBidi}) before layout. The charts' SVG is drawn by {@link ChartDrawer} as PDF paths
 * and real text in the same fonts (selectable, searchable); text widths come from a table
 * ({@link MeasuringTextRenderer}). The renderer fetches nothing from the network or disk while
 * rendering. Thread-safe: each render uses its own builder, document and parsed fonts; the
 * chart geometry and the AWT fonts are shared read-only.
 *
 * <p>A {@code @Singleton} bean: a normal-scoped bean's client proxy runs the constructor too, which
 * would read and parse every font a second time and keep that copy as long as the process runs.
 *
 * <p>Cost, measured on 2 busy cores: a 50-page report (four respondents) 0.3–1 s warm; 150
 * respondents × 80 answers (about 600 pages) 5 s and under 200 MB of heap.
 */
@Singleton
public class ReportRenderer {

    /** CSS font family of the report's text. */
    public static final String FONT_FAMILY = "Bearing Sans";

    /** CSS font family of the CJK fallback, listed after {@link #FONT_FAMILY}. */
    public static final String FALLBACK_FAMILY = "Bearing Sans Fallback";

    /** Font family of the last fallback: Symbola (emoji and symbols, monochrome). */
    public static final String SYMBOL_FAMILY = "Bearing Symbols";

    private static final String FONTS = "report/fonts/";

    /**
     * PDFBox warns about fallback fonts on every render, and openhtmltopdf logs its progress at
     * INFO; neither helps an operator. application.properties sets the same levels for Quarkus;
     * these cover plain JUL (tools and tests outside Quarkus). Held in a field because JUL keeps
     * loggers only weakly: a level set on an unreferenced logger is lost at the next GC.
     */
    private static final List<Logger> QUIET = List.of(quiet("org.apache.pdfbox", Level.SEVERE),
            quiet("org.apache.fontbox", Level.SEVERE), quiet("com.openhtmltopdf", Level.WARNING));

    private final ReportFonts fonts;
    private final Charts charts;
    private final PDFTranscoder.OpenHtmlFontResolver svgFonts;

    /**
     * Loads the fonts from the classpath.
     *
     * @throws IllegalStateException when a font file is missing or unreadable
     */
    public ReportRenderer() {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfRendererLog());
        fonts = new ReportFonts();
        ReportFonts.Face regular = ReportFonts.Face.REGULAR;
        ReportFonts.Face bold = ReportFonts.Face.BOLD;
        try {
            charts = new Charts(Font.createFont(Font.TRUETYPE_FONT, fonts.data(regular)),
                    Font.createFont(Font.TRUETYPE_FONT, fonts.data(bold)));
            // for SVG that ChartDrawer leaves to Batik: one resolver, not new AWT fonts per render
            svgFonts = new PDFTranscoder.OpenHtmlFontResolver();
            svgFonts.addFontStream(() -> fonts.data(regular), FONT_FAMILY, 400, FontStyle.NORMAL);
            svgFonts.addFontStream(() -> fonts.data(bold), FONT_FAMILY, 700, FontStyle.NORMAL);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("The report fonts in " + FONTS + " cannot be read as TrueType fonts", e);
        }
    }

    /**
     * Renders the roadmap report.
     *
     * @param data organisation, evaluation and answers; text may hold anything a respondent typed
     * @return the PDF (A4, fonts embedded, outline, title metadata "DevOps roadmap — organisation")
     * @throws IllegalStateException when the PDF cannot be produced (a bug, never the user's text)
     */
    @io.micrometer.core.annotation.Timed(value = "bearing.report.renders", description = "PDF renders")
    public byte[] render(ReportData data) {
        return pdf(xhtml(data), data.approval());
    }

    /**
     * @param data the report's data
     * @return what the report shows, cleaned and formatted, charts drawn (the review page shows the same)
     */
    public ReportView view(ReportData data) {
        return ReportView.of(data, charts);
    }

    /**
     * @param data the report's data
     * @return the XHTML the PDF is made from (for tests and debugging)
     */
    String xhtml(ReportData data) {
        ProgressView progress = data.milestones() == null && data.benchmark() == null ? null
                : ProgressView.of(data.milestones(), data.benchmark(), charts);
        return ReportTemplates.roadmap(ReportView.of(data, charts), progress).render();
    }

    /**
     * The milestone comparison and the benchmark formatted for a page (assessment or review page)
     * or the PDF, with their charts.
     *
     * @param milestones the change since the previous milestone, or null
     * @param benchmark the benchmark, or null
     * @return the view; strings cleaned, charts escaped
     */
    public ProgressView progress(dev.bearing.milestone.MilestoneComparison milestones,
            dev.bearing.benchmark.Benchmark benchmark) {
        return ProgressView.of(milestones, benchmark, charts);
    }

    /**
     * @param xhtml well-formed XHTML
     * @return the PDF bytes
     */
    byte[] pdf(String xhtml) {
        return pdf(xhtml, null);
    }

    /**
     * @param xhtml well-formed XHTML
     * @param approval the approved version shown, or null for a draft. For a version the PDF's
     *     creation and modification dates are the approval time and its document ID derives from
     *     the version's content hash and number, so the same version renders to the same bytes;
     *     a draft carries the time of rendering and a random ID, as PDFBox writes them
     * @return the PDF bytes
     */
    byte[] pdf(String xhtml, ReportData.Approval approval) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Bearing");
        // parsed here with a reused, secure parser: openhtmltopdf's own route goes through a TrAX transformer
        builder.withW3cDocument(parse(xhtml), "about:blank");
        // fonts parsed once (ReportFonts), embedded as subsets; the fallbacks only when the text needs them
        PDDocument doc = new PDDocument();
        builder.usePDDocument(doc);
        // which fonts and whether bidi: both look only at characters beyond ASCII, so the XHTML is scanned once
        String wide = beyondAscii(xhtml);
        List<ReportFonts.Face> faces = fonts.faces(wide);
        List<TrueTypeFont> borrowed = new ArrayList<>(faces.size());
        List<String> families = new ArrayList<>();
        try {
            for (ReportFonts.Face face : faces) {
                TrueTypeFont ttf = fonts.borrow(face);
                borrowed.add(ttf);
                builder.useFont(new PDFontSupplier(PDType0Font.load(doc, ttf, true)), face.family, face.weight,
                        FontStyle.NORMAL, true);
                if (!families.contains(face.family)) {
                    families.add(face.family);
                }
            }
            // Arabic and Hebrew: bidi runs and Arabic joining forms before layout. Only for a
            // document with right-to-left text: otherwise openhtmltopdf skips its paragraph split
            // (a tenth of a Latin report's render) and lays the text out left to right as before
            if (IcuBidi.needed(wide)) {
                builder.useUnicodeBidiSplitter(new IcuBidi.SplitterFactory());
                builder.useUnicodeBidiReorderer(new IcuBidi.Reorderer());
            }
            builder.useUnicodeLineBreaker(new LineBreaker());
            builder.defaultTextDirection(com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection.LTR);
            // the charts: drawn with PDF paths and real text; Batik only for SVG that Charts did not write
            BatikSVGDrawer svg = new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                    BatikSVGDrawer.SvgExternalResourceMode.SECURE);
            svg.fontResolver = svgFonts;
            builder.useSVGDrawer(new ChartDrawer(svg, families));
            // the report is self-contained: no image, stylesheet or font is ever fetched
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.toStream(out);
            try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                if (approval != null) {
                    renderer.setListener(new FixedIdentity(approval));
                }
                renderer.getSharedContext().setTextRenderer(new MeasuringTextRenderer());
                renderer.layout();
                renderer.createPDF();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF roadmap could not be written", e);
        } finally {
            try {
                doc.close();
            } catch (IOException e) {
                // the PDF is written or the render failed already; nothing more to say
            }
            for (int i = 0; i < borrowed.size(); i++) {
                fonts.giveBack(faces.get(i), borrowed.get(i));
            }
        }
        return out.toByteArray();
    }

    /**
     * @param text any text
     * @return its characters beyond ASCII, in order (surrogate pairs kept together); for the
     *     report's XHTML a few hundred characters of its quarter million
     */
    static String beyondAscii(String text) {
        StringBuilder wide = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (wide == null) {
                    wide = new StringBuilder();
                }
                wide.append(c);
            }
        }
        return wide == null ? "" : wide.toString();
    }

    /**
     * Hides a TrueType font's GSUB table by renaming its tag in the table directory. PDFBox 3
     * applies GSUB ligatures to Latin text ("fi" becomes the single glyph "ﬁ"), and PDF readers
     * then copy and search "ﬁnding" instead of "finding": the text a respondent typed would not
     * come out unchanged. Without GSUB every character keeps its own glyph. The table bytes
     * stay where they are; only the directory entry's tag changes, so checksums stay valid.
     *
     * @param ttf TrueType font bytes
     * @return the same array, with the GSUB entry renamed
     */
    static byte[] withoutLigatures(byte[] ttf) {
        if (ttf.length < 12) {
            return ttf;
        }
        int tables = ((ttf[4] & 0xff) << 8) | (ttf[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (at + 4 > ttf.length) {
                break;
            }
            if (ttf[at] == 'G' && ttf[at + 1] == 'S' && ttf[at + 2] == 'U' && ttf[at + 3] == 'B') {
                // an unregistered tag that keeps the directory's sort order ("GSUB" < "GSUc" < "OS/2")
                ttf[at + 3] = 'c';
            }
        }
        return ttf;
    }

    /**
     * Sets an approved version's PDF dates and document ID just before it is written, after
     * openhtmltopdf has stamped the time of rendering.
     */
    private record FixedIdentity(ReportData.Approval approval) implements com.openhtmltopdf.pdfboxout.PDFCreationListener {

        @Override
        public void preOpen(com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer) {
            // nothing to do before the document opens
        }

        @Override
        public void preWrite(com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer, int pageCount) {
            // the dates are set after this; see onClose
        }

        @Override
        public void onClose(com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer) {
            org.apache.pdfbox.pdmodel.PDDocument doc = renderer.getPdfDocument();
            java.util.Calendar at = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
            at.setTimeInMillis(approval.approvedAt().toEpochMilli());
            doc.getDocumentInformation().setCreationDate(at);
            doc.getDocumentInformation().setModificationDate(at);
            byte[] id;
            try {
                id = java.security.MessageDigest.getInstance("SHA-256").digest(
                        (approval.contentHash() + "/" + approval.version()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
            org.apache.pdfbox.cos.COSString part = new org.apache.pdfbox.cos.COSString(java.util.Arrays.copyOf(id, 16));
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(part);
            ids.add(part);
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
        }
    }

    /**
     * @param xhtml well-formed XHTML (Qute's escaped output)
     * @return its DOM, namespace-aware; no DTD, external entity or XInclude is ever read
     * @throws IllegalStateException when the XHTML is not well-formed (a template bug)
     */
    static org.w3c.dom.Document parse(String xhtml) {
        org.w3c.dom.Document dom;
        try {
            dom = PARSER.get().parse(new org.xml.sax.InputSource(new java.io.StringReader(xhtml)));
        } catch (org.xml.sax.SAXException | IOException e) {
            throw new IllegalStateException("The report's XHTML is not well-formed", e);
        }
        // the body is a child of the root: a search by tag name would walk the whole tree to count its matches
        for (org.w3c.dom.Node n = dom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE && "body".equals(n.getLocalName())) {
                dropIndentation(n);
                break;
            }
        }
        return dom;
    }

    /**
     * Elements the stylesheet lays out as blocks, table parts or list items: blank text between
     * two of them (or between one and its parent's start or end) is never drawn.
     */
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("div", "p", "h1", "h2", "h3", "table",
            "colgroup", "col", "thead", "tbody", "tr", "th", "td", "ul", "li");

    /**
     * Removes the template's indentation: blank text nodes that only separate block-level
     * elements. openhtmltopdf makes an inline box with its own derived style for every text node
     * before it drops the blank ones (about 2,600 in the demo report, a twentieth of what a render
     * allocates). Text inside an element with no element beside it stays, so an answer or quote
     * kept with {@code white-space: pre-wrap} is never touched, nor is anything inside an SVG chart.
     */
    private static void dropIndentation(org.w3c.dom.Node parent) {
        org.w3c.dom.Node child = parent.getFirstChild();
        while (child != null) {
            org.w3c.dom.Node next = child.getNextSibling();
            if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                org.w3c.dom.Node before = elementOrText(child.getPreviousSibling(), false);
                org.w3c.dom.Node after = elementOrText(next, true);
                if ((before != null || after != null) && isBlock(before) && isBlock(after) && child.getNodeValue().isBlank()) {
                    parent.removeChild(child);
                }
            } else if (child.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE && !"svg".equals(child.getLocalName())) {
                dropIndentation(child);
            }
            child = next;
        }
    }

    /** @return the nearest sibling that is not a comment, from {@code node} on, or null */
    private static org.w3c.dom.Node elementOrText(org.w3c.dom.Node node, boolean forward) {
        org.w3c.dom.Node n = node;
        while (n != null && n.getNodeType() == org.w3c.dom.Node.COMMENT_NODE) {
            n = forward ? n.getNextSibling() : n.getPreviousSibling();
        }
        return n;
    }

    /** @return whether {@code node} is absent (the parent's start or end) or a block-level element */
    private static boolean isBlock(org.w3c.dom.Node node) {
        return node == null || node.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE && BLOCKS.contains(node.getLocalName());
    }

    /** One parser per thread (a DocumentBuilder is not thread-safe), built once, reset per use. */
    private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        try {
            f.setNamespaceAware(true);
            f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            // the whole tree is read by openhtmltopdf: build it while parsing, not node by node on first access
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            f.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            return b;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a standard security feature", e);
        }
    });

    private static Logger quiet(String category, Level level) {
        Logger logger = Logger.getLogger(category);
        logger.setLevel(level);
        return logger;
    }
}
