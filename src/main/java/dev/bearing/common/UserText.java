package dev.bearing.common;

/**
 * Cleans text a respondent typed before it is shown: tabs and every Unicode space separator
 * (no-break space, narrow no-break space, ...) become a plain space; CRLF and CR become LF;
 * other control and format characters (bell, zero-width space, bidi overrides) are dropped,
 * except the zero-width joiner and non-joiner between two visible characters, which shape
 * words (Persian, Devanagari) and join emoji sequences.
 * Escaping for HTML/XML is the template's job, not this class's.
 */
public final class UserText {

    private UserText() {
    }

    /**
     * What is stored of typed text: line breaks become LF; control characters other than LF and
     * tab, and invisible format characters (zero-width space, bidi overrides), are dropped.
     * Tabs and no-break spaces are kept as typed.
     *
     * @param text typed text, may be null
     * @return the text to store, or null for null
     */
    public static String stripInvisible(String text) {
        if (text == null) {
            return null;
        }
        int[] cps = text.replace("\r\n", "\n").replace('\r', '\n').codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (isJoiner(cp)) {
                // ZWJ/ZWNJ inside a word or emoji sequence change what is shown (👩‍💻, Persian می‌خواهم):
                // kept between two visible characters, dropped elsewhere as noise
                int before = out.length() == 0 ? -1 : out.codePointBefore(out.length());
                int after = i + 1 < cps.length ? cps[i + 1] : -1;
                if (visible(before) && visible(after)) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            if (!dropped(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean isJoiner(int cp) {
        return cp == 0x200C || cp == 0x200D;
    }

    private static boolean dropped(int cp) {
        int type = Character.getType(cp);
        return (type == Character.CONTROL && cp != '\n' && cp != '\t') || type == Character.FORMAT
                || type == Character.UNASSIGNED || type == Character.SURROGATE;
    }

    private static boolean visible(int cp) {
        return cp >= 0 && !dropped(cp) && !isJoiner(cp) && !Character.isWhitespace(cp)
                && Character.getType(cp) != Character.SPACE_SEPARATOR;
    }

    /**
     * @param text raw text, may be null
     * @return cleaned text, never null ("" for null)
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        stripInvisible(text).codePoints().forEach(cp -> {
            if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
