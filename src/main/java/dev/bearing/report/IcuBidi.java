package dev.bearing.report;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * Right-to-left text for openhtmltopdf with ICU4J (the library's own ICU module stops at
 * 1.1.31): each paragraph is split into directional runs by the Unicode bidi algorithm, right-to-left
 * runs are drawn in visual order, and Arabic letters take their joined (initial, medial, final)
 * forms before layout. A PDF reader's text extraction then returns the text in logical order.
 */
final class IcuBidi {

    private IcuBidi() {
    }

    /**
     * @param text the document's text (its XHTML will do: markup is ASCII, Qute leaves other
     *     characters as they are)
     * @return whether some character is right-to-left or a bidi control (Unicode bidi classes R,
     *     AL, AN, RLE, RLO, RLI, LRE, LRO, LRI, FSI, PDF, PDI): text without one is laid out left
     *     to right whatever the splitter says
     */
    static boolean needed(String text) {
        for (int i = 0; i < text.length();) {
            // below U+0590 (Latin, Greek, Cyrillic, Armenian, ...) nothing is right to left or a
            // bidi control, nor a surrogate: one char, no code point lookup
            if (text.charAt(i) < 0x0590) {
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (rightToLeftOrControl(UCharacter.getDirection(cp))) {
                return true;
            }
        }
        return false;
    }

    private static boolean rightToLeftOrControl(int direction) {
        switch (direction) {
            case UCharacterDirection.RIGHT_TO_LEFT, UCharacterDirection.RIGHT_TO_LEFT_ARABIC,
                    UCharacterDirection.ARABIC_NUMBER, UCharacterDirection.RIGHT_TO_LEFT_EMBEDDING,
                    UCharacterDirection.RIGHT_TO_LEFT_OVERRIDE, UCharacterDirection.RIGHT_TO_LEFT_ISOLATE,
                    UCharacterDirection.LEFT_TO_RIGHT_EMBEDDING, UCharacterDirection.LEFT_TO_RIGHT_OVERRIDE,
                    UCharacterDirection.LEFT_TO_RIGHT_ISOLATE, UCharacterDirection.FIRST_STRONG_ISOLATE,
                    UCharacterDirection.POP_DIRECTIONAL_FORMAT, UCharacterDirection.POP_DIRECTIONAL_ISOLATE:
                return true;
            default:
                return false;
        }
    }

    /** Makes one {@link Splitter} per paragraph layout. */
    static final class SplitterFactory implements BidiSplitterFactory {
        @Override
        public BidiSplitter createBidiSplitter() {
            return new Splitter();
        }
    }

    /** Splits a paragraph into runs of one direction, in visual order. */
    static final class Splitter implements BidiSplitter {
        private final Bidi bidi = new Bidi();

        @Override
        public void setParagraph(String paragraph, byte defaultDirection) {
            bidi.setPara(paragraph, defaultDirection == RTL ? Bidi.RTL : Bidi.LTR, null);
        }

        @Override
        public int countTextRuns() {
            return bidi.countRuns();
        }

        @Override
        public BidiTextRun getVisualRun(int index) {
            BidiRun run = bidi.getVisualRun(index);
            return new BidiTextRun(run.getStart(), run.getLength(), run.isOddRun() ? RTL : LTR);
        }

        @Override
        public byte getBaseDirection(String paragraph) {
            byte d = Bidi.getBaseDirection(paragraph);
            return d == Bidi.RTL ? RTL : d == Bidi.LTR ? LTR : NEUTRAL;
        }
    }

    /** Reverses right-to-left runs (mirroring brackets) and shapes Arabic letters. */
    static final class Reorderer implements BidiReorderer {
        @Override
        public String reorderRTLTextToLTR(String text) {
            return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
        }

        @Override
        public String shapeText(String text) {
            return shape(text, ArabicShaping.LETTERS_SHAPE);
        }

        @Override
        public String deshapeText(String text) {
            return shape(text, ArabicShaping.LETTERS_UNSHAPE);
        }

        @Override
        public boolean isLiveImplementation() {
            return true;
        }

        private static String shape(String text, int letters) {
            try {
                return new ArabicShaping(letters | ArabicShaping.LENGTH_GROW_SHRINK | ArabicShaping.TEXT_DIRECTION_LOGICAL)
                        .shape(text);
            } catch (ArabicShapingException e) {
                return text; // unshaped letters are still the right letters
            }
        }
    }
}
