package dev.bearing.report;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.JustificationInfo;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * openhtmltopdf's text renderer with text widths summed from a per-character table. The stock
 * renderer asks PDFBox for the width of every word it lays out, and PDFBox encodes the word and
 * reads each character code back through its CMap with a stream per code: a fifth of a
 * render's time. Here each character's width is asked of PDFBox once per font and document;
 * a word's width is the same sum of the same per-character widths (no kerning either way), in
 * the same order, rounded the same way. Words with a character the first font lacks go to the
 * stock renderer, which splits them into runs over the fallback fonts.
 *
 * <p>Drawing likewise: the output device checks that the first font has every character of a
 * text by asking PDFBox for the text's width (the same slow path) before drawing it; here the
 * table answers that, and the device's own {@code drawStringFast} draws it. The device keeps
 * its current font private, so it is read through a {@link VarHandle}; if a later openhtmltopdf
 * renames the field, the stock path is used. One instance per render.
 */
final class MeasuringTextRenderer extends PdfBoxTextRenderer {

    /** openhtmltopdf's own tolerance before rounding a width up (PdfBoxTextRenderer). */
    private static final float TEXT_MEASURING_DELTA = 0.01f;
    private static final float UNKNOWN = Float.NaN;
    private static final float MISSING = -1f;

    private static final VarHandle CURRENT_FONT = currentFontHandle();

    private final Map<PDFont, float[]> widths = new IdentityHashMap<>();

    @Override
    public void drawString(OutputDevice out, String string, float x, float y) {
        drawString(out, string, x, y, null);
    }

    @Override
    public void drawString(OutputDevice out, String string, float x, float y, JustificationInfo info) {
        if (CURRENT_FONT != null && out instanceof PdfBoxFastOutputDevice device
                && CURRENT_FONT.get(device) instanceof PdfBoxFSFont font && !font.getFontDescriptions().isEmpty()) {
            FontDescription first = font.getFontDescriptions().get(0);
            String text = printable(string);
            if (first.getFont() != null && width(first.getFont(), text) >= 0) {
                device.drawStringFast(text, x, y, info, first, font.getSize2D());
                return;
            }
        }
        super.drawString(out, string, x, y, info);
    }

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        List<FontDescription> descriptions = font instanceof PdfBoxFSFont f ? f.getFontDescriptions() : null;
        PDFont first = descriptions == null || descriptions.isEmpty() ? null : descriptions.get(0).getFont();
        if (first == null) {
            return super.getWidth(context, font, string);
        }
        float sum = width(first, printable(string));
        if (sum < 0) {
            return super.getWidth(context, font, string);
        }
        float result = sum / 1000f * ((PdfBoxFSFont) font).getSize2D();
        return result - Math.floor(result) < TEXT_MEASURING_DELTA ? (int) result : (int) Math.ceil(result);
    }

    /**
     * openhtmltopdf's {@link TextRenderer#getEffectivePrintableString} (the text without soft
     * hyphens and object replacement characters), without its stream over the code points for
     * every word measured: a plain scan, and the stock method only when there is one to drop.
     */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00AD' || c == '\uFFFC') {
                return TextRenderer.getEffectivePrintableString(text);
            }
        }
        return text;
    }

    /** @return the text's width in the font's 1/1000 units, or -1 when the font lacks a character */
    private float width(PDFont font, String text) {
        float[] table = widths.computeIfAbsent(font, k -> {
            float[] t = new float[0x10000];
            Arrays.fill(t, UNKNOWN);
            return t;
        });
        float sum = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                return MISSING;
            }
            float w = table[c];
            if (Float.isNaN(w)) {
                w = measure(font, c);
                table[c] = w;
            }
            if (w == MISSING) {
                return MISSING;
            }
            sum += w;
        }
        return sum;
    }

    private static VarHandle currentFontHandle() {
        try {
            return MethodHandles.privateLookupIn(PdfBoxFastOutputDevice.class, MethodHandles.lookup())
                    .findVarHandle(PdfBoxFastOutputDevice.class, "_font", PdfBoxFSFont.class);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    private static float measure(PDFont font, char c) {
        try {
            return font.getStringWidth(String.valueOf(c));
        } catch (IllegalArgumentException | IOException e) {
            // not in this font: the stock renderer finds the fallback font for it
            return MISSING;
        }
    }
}
