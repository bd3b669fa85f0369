package dev.bearing.evaluation.fact;

import dev.bearing.evaluation.Catalog;
import dev.bearing.evaluation.fact.Vocabulary.CloudAffinity;
import dev.bearing.evaluation.fact.Vocabulary.Effort;
import dev.bearing.evaluation.fact.Vocabulary.Hosting;
import dev.bearing.evaluation.fact.Vocabulary.Licence;
import dev.bearing.evaluation.fact.Vocabulary.Scan;
import dev.bearing.evaluation.fact.Vocabulary.Store;
import dev.bearing.evaluation.fact.Vocabulary.Target;
import dev.bearing.evaluation.fact.Vocabulary.ToolStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tool of the stack catalog (rules/catalog.yaml) as the rules see it. Every attribute is a fact
 * about the tool; rules combine them with facts about the client.
 *
 * @param layer layer key
 * @param kind kind within the layer, or null
 * @param key tool key
 * @param name product name
 * @param catalogOrder position in its layer, 0-based
 * @param hosting how it can be run
 * @param licence licence model
 * @param osiApproved the edition one runs is OSI-licensed
 * @param onPremisesFit can run entirely in the client's data centre
 * @param cloudAffinity the cloud it works only on, or ANY
 * @param effort effort to run it
 * @param skills skill tags it needs
 * @param runsOnVms can run on plain servers
 * @param needsKubernetes cannot run without a Kubernetes cluster
 * @param kubernetesNative runs in and targets Kubernetes
 * @param auditEvidence records who changed or approved what, exportable as evidence
 * @param scans what it scans (pipeline security), in every edition
 * @param scanAddOns what it scans only with a paid add-on (pipeline security), empty when none
 * @param stores what it stores (artefact repositories)
 * @param deploysTo where a deployment tool deploys
 * @param dropInFor keys of tools it replaces without rewriting what was built on them
 * @param status lifecycle status
 * @param endOfLifeDate the date of a planned or past END_OF_LIFE / END_OF_SUPPORT event, or null
 * @param lifecycle the catalog's dated lifecycle events, oldest first (event, date, note)
 * @param bestFor small_teams, enterprise
 * @param vendorSupport false when no vendor sells support for it, true when one does, null when the
 *     catalog does not say
 * @param salesContractOnly true when it can be bought only through a sales contract (no self-service
 *     sign-up or public price list), null when the catalog does not say
 * @param partOf key of the product the tool is a free part of (Dependabot: {@code github}), or null
 */
public record CatalogTool(String layer, String kind, String key, String name, int catalogOrder, Set<Hosting> hosting,
        Licence licence, boolean osiApproved, boolean onPremisesFit, CloudAffinity cloudAffinity, Effort effort,
        Set<String> skills, boolean runsOnVms, boolean needsKubernetes, boolean kubernetesNative,
        boolean auditEvidence, Set<Scan> scans, List<Catalog.ScanAddOn> scanAddOns, Set<Store> stores, Set<Target> deploysTo, List<String> dropInFor,
        ToolStatus status, String endOfLifeDate,
        List<Catalog.LifecycleEvent> lifecycle, Set<String> bestFor, Boolean vendorSupport,
        Boolean salesContractOnly, String partOf) {

    /**
     * @param event a lifecycle event name, e.g. REOPENED
     * @return true when the catalog records that event for the tool
     */
    public boolean hasEvent(String event) {
        return lifecycle.stream().anyMatch(e -> event.equals(e.event()));
    }

    /** @return the date of the first event of that name, or null */
    public String eventDate(String event) {
        return lifecycle.stream().filter(e -> event.equals(e.event())).map(Catalog.LifecycleEvent::date).findFirst()
                .orElse(null);
    }

    /**
     * @param scan a scan type the tool lacks in {@link #scans()}
     * @return "its paid Advanced Security add-on, from Enterprise edition" (or "its paid Ultimate
     *     tier, ...") when a paid add-on adds that scan, else null
     */
    public String addOnWords(Scan scan) {
        return scanAddOns.stream().filter(a -> a.scans().contains(scan.name())).findFirst()
                .map(a -> "its paid " + a.name() + ", " + a.terms()).orElse(null);
    }

    /** @return true when the catalog records a licence change for the tool */
    public boolean licenceChanged() {
        return lifecycle.stream().anyMatch(e -> "LICENCE_CHANGE".equals(e.event()));
    }

    /**
     * @return the lifecycle events as sentences for a reader, oldest first, each led by its date in
     *     words, e.g. "On 15 February 2024: Bitbucket Server reached end of support. In March 2026: …"
     */
    public String lifecycleWords() {
        return String.join(" ", lifecycle.stream().map(CatalogTool::sentence).toList());
    }

    /** @return the end-of-support and end-of-life events only, as {@link #lifecycleWords()} writes them */
    public String supportWords() {
        return String.join(" ", lifecycle.stream()
                .filter(e -> "END_OF_SUPPORT".equals(e.event()) || "END_OF_LIFE".equals(e.event()))
                .map(CatalogTool::sentence).toList());
    }

    private static String sentence(Catalog.LifecycleEvent e) {
        String note = e.note() == null ? "" : e.note().strip();
        return dateWords(e.date()) + ": " + (note.endsWith(".") ? note : note + ".");
    }

    private static final java.time.format.DateTimeFormatter DAY_WORDS =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
    private static final java.time.format.DateTimeFormatter MONTH_WORDS =
            java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK);

    /** @return "On 15 February 2024" for 2024-02-15, "In March 2026" for 2026-03, the text as given otherwise */
    static String dateWords(String date) {
        try {
            if (date.length() == 10) {
                return "On " + java.time.LocalDate.parse(date).format(DAY_WORDS);
            }
            if (date.length() == 7) {
                return "In " + java.time.YearMonth.parse(date).format(MONTH_WORDS);
            }
        } catch (java.time.format.DateTimeParseException e) {
            // fall through: the catalog test keeps dates well formed
        }
        return "In " + date;
    }

    /**
     * @param layer the tool's layer
     * @param t the catalog entry
     * @param order its position in the layer
     * @return the fact
     * @throws IllegalArgumentException naming the tool when an attribute has a value outside its vocabulary
     */
    public static CatalogTool of(Catalog.Layer layer, Catalog.Tool t, int order) {
        try {
            String eol = t.lifecycle().stream()
                    .filter(e -> "END_OF_LIFE".equals(e.event()) || "END_OF_SUPPORT".equals(e.event()))
                    .map(Catalog.LifecycleEvent::date).reduce((a, b) -> b).orElse(null);
            return new CatalogTool(layer.key(), t.kind(), t.key(), t.name(), order, enums(Hosting.class, t.hosting()),
                    Licence.valueOf(t.licence()), t.osiApproved(), t.onPremisesFit(),
                    CloudAffinity.valueOf(t.cloudAffinity()), Effort.valueOf(t.operationalEffort()), t.skills(),
                    t.runsOnVms(), t.needsKubernetes(), t.kubernetesNative(), t.auditEvidence(),
                    enums(Scan.class, t.scans()), t.scanAddOns(), enums(Store.class, t.stores()), enums(Target.class, t.deploysTo()),
                    t.dropInFor(), ToolStatus.valueOf(t.status()),
                    eol, t.lifecycle(), t.bestFor(), t.vendorSupport(), t.salesContractOnly(), t.partOf());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Catalog tool " + t.key() + " in layer " + layer.key()
                    + " has an attribute outside its vocabulary: " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, Set<String> values) {
        return values.isEmpty() ? Set.of()
                : values.stream().map(v -> Enum.valueOf(type, v)).collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
