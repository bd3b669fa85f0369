package dev.bearing.report;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * openhtmltopdf's line breaker, with its URL handling only for text that has a slash. The stock
 * {@link UrlAwareLineBreakIterator} adds break points before the path parts of a URL; for text
 * without a slash it returns exactly the plain line iterator's break points, but allocates a
 * range object per step and a substring per break on the way (a twentieth of what a render
 * allocates). Here such text goes straight to the plain iterator, so every line breaks where it
 * did. One instance per render, like the stock one.
 */
final class LineBreaker implements FSTextBreaker {

    private final BreakIterator plain = BreakIterator.getLineInstance(Locale.US);
    private final FSTextBreaker urls = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
    private boolean hasSlash;

    @Override
    public int next() {
        return hasSlash ? urls.next() : plain.next();
    }

    @Override
    public void setText(String text) {
        hasSlash = text.indexOf('/') >= 0;
        if (hasSlash) {
            urls.setText(text);
        } else {
            plain.setText(text);
        }
    }
}
