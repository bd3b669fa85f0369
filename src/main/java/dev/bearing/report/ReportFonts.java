package dev.bearing.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The report's fonts, read from the classpath once and parsed once per render slot, never per
 * render. A render borrows one parsed {@link TrueTypeFont} per face ({@link #borrow}) and gives
 * it back when its PDF is written ({@link #giveBack}); a face is parsed again only when more
 * renders run at once than ever before (so at most once per concurrent render). PDFBox embeds
 * from a parsed font without reading it again, subsetting only the glyphs used.
 *
 * <p>The CJK fallback (Droid Sans Fallback, 4 MB) and the emoji fallback (Symbola, 3 MB) are
 * offered to a document only when its text has a character DejaVu Sans lacks ({@link #faces}),
 * so a Latin report never pays for looking characters up in them.
 */
final class ReportFonts {

    private static final String FONTS = "report/fonts/";
    private static final AtomicLong PARSES = new AtomicLong();

    /** The faces, with the CSS family and weight each serves. */
    enum Face {
        REGULAR("DejaVuSans.ttf", ReportRenderer.FONT_FAMILY, 400, true),
        BOLD("DejaVuSans-Bold.ttf", ReportRenderer.FONT_FAMILY, 700, true),
        FALLBACK("DroidSansFallbackFull.ttf", ReportRenderer.FALLBACK_FAMILY, 400, true),
        SYMBOLS("Symbola.ttf", ReportRenderer.SYMBOL_FAMILY, 400, false);

        final String file;
        final String family;
        final int weight;
        final boolean withoutLigatures;

        Face(String file, String family, int weight, boolean withoutLigatures) {
            this.file = file;
            this.family = family;
            this.weight = weight;
            this.withoutLigatures = withoutLigatures;
        }
    }

    private final Map<Face, byte[]> bytes = new EnumMap<>(Face.class);
    private final Map<Face, ConcurrentLinkedDeque<TrueTypeFont>> idle = new EnumMap<>(Face.class);
    private final CmapLookup regularChars;
    private final CmapLookup boldChars;

    /** Reads every face from the classpath and parses the two DejaVu faces once. */
    ReportFonts() {
        for (Face f : Face.values()) {
            byte[] b = load(f.file);
            bytes.put(f, f.withoutLigatures ? ReportRenderer.withoutLigatures(b) : b);
            idle.put(f, new ConcurrentLinkedDeque<>());
        }
        TrueTypeFont regular = borrow(Face.REGULAR);
        TrueTypeFont bold = borrow(Face.BOLD);
        try {
            regularChars = regular.getUnicodeCmapLookup();
            boldChars = bold.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("The report font has no Unicode character map", e);
        }
        giveBack(Face.REGULAR, regular);
        giveBack(Face.BOLD, bold);
    }

    /** @return how many times a face was parsed in this process (for the benchmark) */
    static long parses() {
        return PARSES.get();
    }

    /** @return the bytes of a face (GSUB hidden where {@link Face#withoutLigatures}) */
    byte[] bytes(Face face) {
        return bytes.get(face);
    }

    /**
     * @param text the document's text (its XHTML will do: markup is ASCII)
     * @return the faces the document needs: DejaVu always; both fallbacks when some character is
     *     not in DejaVu Sans (regular and bold) or the text has Arabic, whose shaped forms are
     *     chosen only at layout
     */
    List<Face> faces(CharSequence text) {
        List<Face> faces = new ArrayList<>(List.of(Face.REGULAR, Face.BOLD));
        for (int i = 0; i < text.length();) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                continue;
            }
            if (cp >= 0x0600 && cp <= 0x08FF || regularChars.getGlyphId(cp) == 0 || boldChars.getGlyphId(cp) == 0) {
                faces.add(Face.FALLBACK);
                faces.add(Face.SYMBOLS);
                break;
            }
        }
        return faces;
    }

    /**
     * @param face the face
     * @return a parsed font no other render is using; give it back with {@link #giveBack}
     */
    TrueTypeFont borrow(Face face) {
        TrueTypeFont ttf = idle.get(face).pollFirst();
        if (ttf != null) {
            return ttf;
        }
        try {
            PARSES.incrementAndGet();
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes.get(face)));
        } catch (IOException e) {
            throw new IllegalStateException("The report font " + face.file + " cannot be read as TrueType", e);
        }
    }

    /**
     * @param face the face
     * @param ttf a font from {@link #borrow} whose render has finished writing its PDF
     */
    void giveBack(Face face, TrueTypeFont ttf) {
        idle.get(face).offerFirst(ttf);
    }

    private static byte[] load(String file) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = ReportFonts.class.getClassLoader();
        }
        try (InputStream in = cl.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("Report font " + FONTS + file + " is not on the classpath "
                        + "(report-templates/fonts/ is copied there by the build)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Report font " + FONTS + file + " cannot be read", e);
        }
    }
}
