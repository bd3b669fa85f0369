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
        if (plain(text, true)) {
            return text;
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

    /**
     * What is stored of a one-line name (an organisation, a respondent): {@link #stripInvisible}, then
     * every line break and tab, with the spaces around it, becomes one space, and the ends are
     * stripped. A name is used where a line break does not fit: a mail's subject line, which the
     * mailer refuses outright when it holds one, a table cell, a file name.
     *
     * @param text typed text, may be null
     * @return the name to store, or null for null
     */
    public static String singleLine(String text) {
        String s = stripInvisible(text);
        return s == null ? null : s.replaceAll("[ \\t]*[\\n\\t][ \\t\\n]*", " ").strip();
    }

    /**
     * Whether cleaning would leave the text as it is: every char is visible or a plain space or
     * LF (and a tab, when {@code tabsKept}). Most text is; checking costs a scan of the chars,
     * where cleaning builds an array of code points and a new string (the PDF report cleans
     * some thousand texts per render). Surrogates (emoji) take the full path.
     */
    private static boolean plain(String text, boolean tabsKept) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' && tabsKept) {
                continue;
            }
            if (c < 0xA0 || Character.isSurrogate(c) || isJoiner(c) || dropped(c)
                    || Character.getType(c) == Character.SPACE_SEPARATOR) {
                return false;
            }
        }
        return true;
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
        if (plain(text, false)) {
            return text;
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

    /**
     * @param n how many
     * @param noun the singular of a noun whose plural adds "s" (or "ies" for a consonant + "y":
     *     "survey" gives "surveys", "category" "categories")
     * @return e.g. "1 question", "38 questions"
     */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.matches(".*[^aeiou]y$") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun.matches(".*(s|x|ch|sh)$") ? noun + "es" : noun + "s");
    }

    /**
     * @param names names in the order to say them
     * @return them as alternatives: "A", "A or B", "A, B or C"; "" for none
     */
    public static String either(java.util.List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /**
     * @param s a label that starts a sentence, e.g. "Within 90 days"
     * @return it for the middle of one ("within 90 days"); an acronym ("AWS CodeDeploy") stays as it is
     */
    public static String lowerFirst(String s) {
        if (s == null || s.length() < 2 || Character.isUpperCase(s.charAt(1))) {
            return s == null ? "" : s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", java.util.Locale.UK).withZone(java.time.ZoneOffset.UTC);

    /** @return a moment as the pages show it, e.g. "30 November 2026 at 16:24 UTC"; "" for null */
    public static String when(java.time.Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
