package dev.bearing.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The report's fonts, each face read from the classpath and parsed once, never per render. A
 * render borrows one parsed {@link TrueTypeFont} per face ({@link #borrow}) and gives it back when
 * its PDF is written ({@link #giveBack}). Renders that run at once each get their own copy of a
 * face (a parsed font is not shared between threads); a second copy is parsed when a render finds
 * none idle, and when no render holds a font any more, only the first copy of each face is kept.
 * So renders one after another parse nothing, and the heap between renders holds each face once.
 * PDFBox embeds from a parsed font without reading it again, subsetting only the glyphs used.
 *
 * <p>A parsed font holds its own copy of the font file (PDFBox copies the bytes it parses), so
 * the bytes read from the classpath are not kept: further copies are parsed from the first one's
 * data ({@link #data}).
 *
 * <p>The CJK fallback (Droid Sans Fallback, 4 MB) and the emoji fallback (Symbola, 3 MB) are
 * offered to a document only when its text has a character DejaVu Sans lacks ({@link #faces}),
 * so a Latin report never pays for looking characters up in them, and they are read and parsed
 * only when a document first needs them.
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

    /** The first parsed copy of each face parsed so far: kept while the process runs. */
    private final Map<Face, TrueTypeFont> first = new EnumMap<>(Face.class);
    private final Map<Face, Deque<TrueTypeFont>> idle = new EnumMap<>(Face.class);
    /** Fonts borrowed and not given back yet. */
    private int lent;
    private final CmapLookup regularChars;
    private final CmapLookup boldChars;

    /**
     * Checks that every face is on the classpath and parses the two DejaVu faces; the fallbacks are
     * read and parsed when a document first needs them.
     */
    ReportFonts() {
        for (Face f : Face.values()) {
            if (classLoader().getResource(FONTS + f.file) == null) {
                throw missing(f.file);
            }
            idle.put(f, new ArrayDeque<>());
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

    /**
     * @param face {@link Face#REGULAR} or {@link Face#BOLD} (parsed when this was made)
     * @return the font file of that face (GSUB hidden), read from its parsed copy without copying
     */
    InputStream data(Face face) {
        TrueTypeFont ttf;
        synchronized (this) {
            ttf = first.get(face);
        }
        try {
            return ttf.getOriginalData();
        } catch (IOException e) {
            throw new UncheckedIOException("The report font " + face.file + " cannot be read", e);
        }
    }

    /**
     * @param text the document's text (its XHTML will do: markup is ASCII)
     * @return the faces the document needs: DejaVu always; both fallbacks when some character is
     *     not in DejaVu Sans (regular and bold) or the text has Arabic, whose shaped forms are
     *     chosen only at layout
     */
    List<Face> faces(String text) {
        List<Face> faces = new ArrayList<>(List.of(Face.REGULAR, Face.BOLD));
        for (int i = 0; i < text.length();) {
            // ASCII: one char, no code point lookup
            if (text.charAt(i) < 0x80) {
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
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
     * @return a parsed font no other render is using (parsed now when none is idle); give it back
     *     with {@link #giveBack}
     */
    TrueTypeFont borrow(Face face) {
        TrueTypeFont parsed;
        synchronized (this) {
            lent++;
            TrueTypeFont ttf = idle.get(face).pollFirst();
            if (ttf != null) {
                return ttf;
            }
            parsed = first.get(face);
        }
        // read and parsed outside the lock: renders that hold other fonts go on meanwhile
        TrueTypeFont ttf = null;
        try {
            PARSES.incrementAndGet();
            ttf = new TTFParser().parse(parsed == null ? new RandomAccessReadBuffer(load(face))
                    : new RandomAccessReadBuffer(parsed.getOriginalData()));
            return ttf;
        } catch (IOException e) {
            throw new IllegalStateException("The report font " + face.file + " cannot be read as TrueType", e);
        } finally {
            synchronized (this) {
                if (ttf == null) {
                    lent--;
                } else {
                    first.putIfAbsent(face, ttf);
                }
            }
        }
    }

    /**
     * Takes a font back; when it was the last one lent, drops every copy but the first of each face.
     *
     * @param face the face
     * @param ttf a font from {@link #borrow} whose render has finished writing its PDF
     */
    synchronized void giveBack(Face face, TrueTypeFont ttf) {
        idle.get(face).offerFirst(ttf);
        if (--lent == 0) {
            first.forEach((f, kept) -> {
                Deque<TrueTypeFont> copies = idle.get(f);
                copies.clear();
                copies.add(kept);
            });
        }
    }

    /** @return the face's bytes from the classpath, GSUB hidden where {@link Face#withoutLigatures} */
    private static byte[] load(Face face) {
        try (InputStream in = classLoader().getResourceAsStream(FONTS + face.file)) {
            if (in == null) {
                throw missing(face.file);
            }
            byte[] b = in.readAllBytes();
            return face.withoutLigatures ? ReportRenderer.withoutLigatures(b) : b;
        } catch (IOException e) {
            throw new UncheckedIOException("Report font " + FONTS + face.file + " cannot be read", e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl == null ? ReportFonts.class.getClassLoader() : cl;
    }

    private static IllegalStateException missing(String file) {
        return new IllegalStateException("Report font " + FONTS + file + " is not on the classpath "
                + "(report-templates/fonts/ is copied there by the build)");
    }
}
