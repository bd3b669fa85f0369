package dev.bearing.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The stack catalog ({@code rules/catalog.yaml}): layers of a delivery tool stack, each with
 * real tools and the facts about them that the stack rules read.
 *
 * @param version catalog edition, e.g. {@code 2026-12}
 * @param layers layers in report order
 */
public record Catalog(String version, List<Layer> layers) {

    /** @return the layer with this key, if any */
    public Optional<Layer> layer(String key) {
        return layers.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** @return the tool with this key in any layer, if any */
    public Optional<Tool> tool(String key) {
        return layers.stream().flatMap(l -> l.tools().stream()).filter(t -> t.key().equals(key)).findFirst();
    }

    /** @return the layer that holds the tool with this key, if any */
    public Optional<Layer> layerOf(String toolKey) {
        return layers.stream().filter(l -> l.tools().stream().anyMatch(t -> t.key().equals(toolKey))).findFirst();
    }

    /**
     * Finds the tool a person meant by a name they typed.
     *
     * @param typed a tool name as typed, e.g. "bitbucket server" or "Jenkins"
     * @param preferredLayer the layer the question was about; its tools win when a name is in several
     * @return the tool whose key, name or an alias equals the typed name (case, spaces, dots and
     *     hyphens ignored), if any
     */
    public Optional<Tool> match(String typed, String preferredLayer) {
        String wanted = normalise(typed);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tool> inLayer = layer(preferredLayer).flatMap(l -> l.tools().stream()
                .filter(t -> t.answersTo(wanted)).findFirst());
        return inLayer.isPresent() ? inLayer
                : layers.stream().flatMap(l -> l.tools().stream()).filter(t -> t.answersTo(wanted)).findFirst();
    }

    static String normalise(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[\\s._\\-/()]+", "");
    }

    /**
     * A stack layer.
     *
     * @param key layer key, e.g. {@code ci}
     * @param name name for readers
     * @param capability capability key the layer serves
     * @param description plain-words description
     * @param dependsOn layers that must be in place first
     * @param kinds kinds of tool that complement each other in this layer (one pick per kind), or
     *     empty when the layer has one pick
     * @param tools tools in catalog order
     * @param consolidate true when running two tools side by side in this layer is a cost to plan away
     *     (two CI systems, two Git hosts), false when tools commonly complement each other
     * @param unknownNamesServeEveryKind true where a typed name that no kind's known names place
     *     (a file share of builds, an in-house store) could serve any kind of the layer, so it is
     *     shown in use under each (artifacts); false where such a name serves none of them (a
     *     unit-test framework typed under test automation is no end-to-end, load or contract tool)
     */
    public record Layer(String key, String name, String capability, String description, List<String> dependsOn,
            List<Kind> kinds, List<Tool> tools, boolean consolidate, boolean unknownNamesServeEveryKind) {

        /** Canonical constructor: a missing kinds list means none. */
        public Layer {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }
    }

    /**
     * A kind of tool within a layer whose tools complement each other.
     *
     * @param key kind key, e.g. {@code load}
     * @param name name for readers, e.g. "Load and performance tests"
     * @param knownNames lower-case names of tools outside the catalog that are certainly of this kind
     *     (e.g. "locust" for load), so that a name typed under "Something else" is placed under its
     *     kind; empty when none is listed
     */
    public record Kind(String key, String name, List<String> knownNames) {

        /** Canonical constructor: a missing list of known names means none. */
        public Kind {
            knownNames = knownNames == null ? List.of() : List.copyOf(knownNames);
        }

        /**
         * Whether a name typed under "Something else" is a tool of this kind: it is one of the known
         * names, or starts with one ("Robot Framework on HIL rigs"). A name no kind knows (a unit-test
         * framework, a data-quality tool, a name Bearing has not met) belongs to none.
         */
        public boolean knows(String typed) {
            String n = normalise(typed);
            return knownNames.stream().map(Catalog::normalise).anyMatch(k -> !k.isEmpty() && n.startsWith(k));
        }
    }

    /**
     * A dated event in a tool's life that a client running it should know about.
     *
     * @param event LICENCE_CHANGE, CLOSED_TO_NEW, END_OF_SALE, END_OF_SUPPORT, END_OF_LIFE, ARCHIVED,
     *     RETIRED or REOPENED
     * @param date ISO date or year-month, e.g. {@code 2024-02-15} or {@code 2026-03}
     * @param note plain-words note
     */
    public record LifecycleEvent(String event, String date, String note) {
    }

    /**
     * Scans a pipeline-security tool does only with a paid add-on, not in every edition (SonarQube's
     * Advanced Security adds dependency scanning from Enterprise edition): kept apart from {@code scans}
     * so no reason credits a free or lower edition with them.
     *
     * @param name what is bought, as it reads after "its paid": "Advanced Security add-on", "Ultimate tier"
     * @param scans the scan types it adds (values of {@code scans})
     * @param terms which editions can buy it, in words that follow "its paid Advanced Security add-on,", e.g. "for Enterprise edition and above"
     */
    public record ScanAddOn(String name, Set<String> scans, String terms) {

        /** Canonical constructor: missing scans mean none. */
        public ScanAddOn {
            scans = scans == null ? Set.of() : Set.copyOf(scans);
        }
    }

    /**
     * A tool in a layer. Every attribute is a fact about the tool, true whoever the client is.
     *
     * @param key tool key, unique in the catalog
     * @param name product name
     * @param aliases other names people type for it (matching ignores case and punctuation)
     * @param kind kind key within a layer that has kinds, else null
     * @param kinds further kinds of the same layer the tool also serves (a repository that holds
     *     both packages and container images), may be empty
     * @param vendor vendor or steward
     * @param summary why one picks it, one sentence
     * @param hosting SAAS, SELF_HOSTED, AWS_MANAGED
     * @param onPremisesFit runs entirely in the client's data centre
     * @param licence OPEN_SOURCE, OPEN_CORE, COMMERCIAL, SOURCE_AVAILABLE
     * @param licenceName e.g. Apache-2.0, BUSL-1.1, Proprietary
     * @param osiApproved the edition one runs is OSI-licensed
     * @param cloudAffinity ANY, or AWS, AZURE, GCP for tools that work only on or for that cloud
     * @param operationalEffort LOW, MEDIUM, HIGH
     * @param skills skill tags needed
     * @param runsOnVms can run on plain Linux or Windows servers
     * @param needsKubernetes cannot run without a Kubernetes cluster
     * @param kubernetesNative runs in and targets Kubernetes
     * @param auditEvidence records who changed or approved what, exportable as audit evidence
     * @param scans what a pipeline-security tool scans: SAST, SCA, SECRETS, IAC, IMAGES, RUNTIME
     * @param scanAddOns scans a pipeline-security tool does only with a paid add-on (not part of
     *     {@code scans}); empty when none
     * @param stores what an artefact repository holds: CONTAINER_IMAGES, PACKAGES
     * @param deploysTo where a deployment tool deploys: LINUX_SERVERS, WINDOWS_SERVERS, KUBERNETES,
     *     CONTAINER_SERVICES, SERVERLESS
     * @param dropInFor keys of tools it replaces without rewriting what the client built on them
     *     (a fork or a compatible successor, e.g. OpenTofu for Terraform)
     * @param status ACTIVE, CLOSED_TO_NEW, END_OF_SALE, END_OF_SUPPORT, RETIRED, ARCHIVED
     * @param lifecycle dated events, oldest first; empty when none
     * @param statusNote status or licence note, may be empty
     * @param bestFor small_teams, enterprise
     * @param vendorSupport false when no vendor sells support for the tool (a community project
     *     without a commercial distributor), true when one does, null (the default) when the
     *     catalog does not say; set false only where that is certain
     * @param salesContractOnly true when the tool can be bought only through a sales contract: no
     *     self-service sign-up or public price list for production use (ServiceNow); null (the default) when
     *     the catalog does not say; set only where that is certain
     * @param partOf key of the product (in another layer) the tool is a part of at no extra cost, e.g.
     *     {@code github} for Dependabot: it stays for as long as the client keeps that product, whatever else
     *     is chosen in its own layer, so a pick beside it is added, not moved to; null for a product of its own
     */
    public record Tool(String key, String name, List<String> aliases, String kind, List<String> kinds, String vendor,
            String summary,
            Set<String> hosting, boolean onPremisesFit, String licence, String licenceName, boolean osiApproved,
            String cloudAffinity, String operationalEffort, Set<String> skills, boolean runsOnVms,
            boolean needsKubernetes, boolean kubernetesNative, boolean auditEvidence, Set<String> scans,
            List<ScanAddOn> scanAddOns, Set<String> stores, Set<String> deploysTo, List<String> dropInFor, String status,
            List<LifecycleEvent> lifecycle, String statusNote, Set<String> bestFor, Boolean vendorSupport,
            Boolean salesContractOnly, String partOf) {

        /** Canonical constructor: missing lists and sets mean empty. */
        public Tool {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            // kept in alphabetical order, as the stack lists it
            hosting = hosting == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(hosting));
            skills = skills == null ? Set.of() : Set.copyOf(skills);
            scans = scans == null ? Set.of() : Set.copyOf(scans);
            scanAddOns = scanAddOns == null ? List.of() : List.copyOf(scanAddOns);
            stores = stores == null ? Set.of() : Set.copyOf(stores);
            deploysTo = deploysTo == null ? Set.of() : Set.copyOf(deploysTo);
            dropInFor = dropInFor == null ? List.of() : List.copyOf(dropInFor);
            lifecycle = lifecycle == null ? List.of() : List.copyOf(lifecycle);
            bestFor = bestFor == null ? Set.of() : Set.copyOf(bestFor);
            statusNote = statusNote == null ? "" : statusNote;
        }

        /** @return how it can be run, in alphabetical order */
        public List<String> hostingSorted() {
            return List.copyOf(hosting);
        }

        /**
         * @param kindKey a kind of the tool's layer
         * @return true when the tool serves that kind
         */
        public boolean serves(String kindKey) {
            return kindKey.equals(kind) || kinds.contains(kindKey);
        }

        boolean answersTo(String normalisedName) {
            return normalise(key).equals(normalisedName) || normalise(name).equals(normalisedName)
                    || aliases.stream().anyMatch(a -> normalise(a).equals(normalisedName));
        }
    }
}
