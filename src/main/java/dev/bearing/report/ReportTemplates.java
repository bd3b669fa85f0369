package dev.bearing.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The PDF report's Qute templates, from the top-level {@code report-templates/} folder (Maven
 * copies them to {@code templates/report/}). Checked at build time: a template or expression
 * typo fails the build.
 */
@CheckedTemplate(basePath = "report")
final class ReportTemplates {

    private ReportTemplates() {
    }

    /**
     * {@code report-templates/roadmap.html}: the roadmap report as XHTML for openhtmltopdf.
     *
     * @param report the view; all text cleaned, escaped by the template
     * @param progress milestones and benchmark, or null when the report leaves them out
     * @return the template instance
     */
    static native TemplateInstance roadmap(ReportView report, ProgressView progress);
}
