package dev.bearing.common;

/**
 * Cleans text a respondent typed before it is shown: tabs and every Unicode space separator
 * (no-break space, narrow no-break space, ...) become a plain space; CRLF and CR become LF;
 * other control and format characters (bell, zero-width space, bidi overrides) are dropped.
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
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean drop = (type == Character.CONTROL && cp != '\n' && cp != '\t') || type == Character.FORMAT
                    || type == Character.UNASSIGNED || type == Character.SURROGATE;
            if (!drop) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
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
