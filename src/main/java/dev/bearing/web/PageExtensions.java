package dev.bearing.web;

import io.quarkus.qute.TemplateExtension;

/** Small helpers the page templates call. */
@TemplateExtension
public final class PageExtensions {

    private PageExtensions() {
    }

    /**
     * @param percent 0..100
     * @return the percentage rounded to a multiple of 5 (the progress bar classes
     *     {@code pct-0}..{@code pct-100} in survey.css; no inline style under the CSP)
     */
    static int step5(int percent) {
        return Math.max(0, Math.min(100, Math.round(percent / 5f) * 5));
    }
}
