package dev.bearing.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.AccessControl;
import dev.bearing.assessment.Assessment;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.common.ProblemTypes;
import dev.bearing.common.StorableText;
import dev.bearing.evaluation.Evaluation;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.report.ReportData;
import dev.bearing.report.ReportService;
import dev.bearing.review.ReviewApi.Change;
import dev.bearing.review.ReviewApi.EditRequest;
import dev.bearing.review.ReviewApi.EditValues;
import dev.bearing.review.ReviewApi.EditView;
import dev.bearing.review.ReviewApi.EvaluationView;
import dev.bearing.review.ReviewApi.Movement;
import dev.bearing.review.ReviewApi.OverrideRequest;
import dev.bearing.review.ReviewApi.ReviewState;
import dev.bearing.review.ReviewApi.ScoreChange;
import dev.bearing.review.ReviewApi.UndoRequest;
import dev.bearing.review.ReviewApi.VersionView;
import dev.bearing.security.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The consultant's review of an assessment: overrides from a layer's menu, edits of findings and
 * roadmap, undo, approval into numbered versions, and the history of evaluations and versions.
 * Edits are rows ({@link ReviewEdit}) applied on read to the latest evaluation by
 * {@link ReviewApplier}, so a re-evaluation keeps those that still apply. Every change is audited.
 */
@ApplicationScoped
public class ReviewService {

    /** Longest note, title or explanation accepted, in characters. */
    static final int MAX_TEXT = 2000;

    @Inject
    AccessControl access;

    @Inject
    Audit audit;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    ReportService reports;

    @Inject
    Event<VersionApproved> approvedEvent;

    /**
     * What an approved version's PDF shows besides the result, frozen at approval.
     *
     * @param organisation organisation name
     * @param evaluatedAt when the evaluation ran
     * @param respondents the submitted respondents' answers
     * @param milestones the change since the previous assessment, as at approval, or null
     * @param benchmark the place among the consultancy's approved assessments, as at approval, or null
     */
    record ReportSnapshot(String organisation, Instant evaluatedAt, List<ReportData.RespondentAnswers> respondents,
            dev.bearing.milestone.MilestoneComparison milestones, dev.bearing.benchmark.Benchmark benchmark) {
    }

    /**
     * @param assessmentId assessment id
     * @return the latest evaluation with the edits applied, the edits, what moved, the newest version
     * @throws ProblemException 404 unknown (or not visible) assessment, or not evaluated yet
     */
    @Transactional
    public ReviewState state(long assessmentId) {
        Assessment a = access.assessment(assessmentId);
        return state(a, latest(a), true);
    }

    /**
     * As {@link #state(long)} without what moved since the previous evaluation ({@code moved} is
     * null), which takes reading that evaluation too: for pages that show the reviewed result only.
     *
     * @throws ProblemException 404 unknown (or not visible) assessment, or not evaluated yet
     */
    @Transactional
    public ReviewState reviewed(long assessmentId) {
        Assessment a = access.assessment(assessmentId);
        return state(a, latest(a), false);
    }

    /**
     * Overrides a stack entry from its menu, or keeps the tools in use.
     *
     * <p>The entry is checked against {@link OverrideRequest#shown()}, when given, in the transaction
     * that records the override and under the lock on the assessment, so that of two overrides made
     * from the same reading of an entry (two tabs, two colleagues, a double click) only the first
     * applies.
     *
     * @return the edit as listed
     * @throws ProblemException 400 naming the field: layer unknown, tool not on the menu or already
     *     the (untied) pick, both or neither of tool and keepCurrent, blank note, text with a NUL
     *     character; 404 unknown assessment; 409 not evaluated yet, or {@link StaleEntry} when the
     *     entry no longer reads as {@code shown}
     */
    @Transactional
    public EditView override(long assessmentId, OverrideRequest r) {
        Assessment a = access.assessment(assessmentId);
        StorableText.refuseNul(r);
        // overrides of one assessment one at a time: the second of two made from one reading sees the first
        Assessment.getEntityManager().lock(a, LockModeType.PESSIMISTIC_WRITE);
        Evaluation e = latestToChange(a);
        ReviewState s = state(a, e, false);
        if (r == null || blank(r.layer())) {
            throw ProblemException.badField("layer", "is required: the stack entry to override, e.g. source_control");
        }
        LayerRecommendation l = s.result().stack().stream().filter(x -> x.key().equals(r.layer())).findFirst()
                .orElseThrow(() -> ProblemException.badField("layer", "'" + r.layer() + "' is not a stack entry of "
                        + "this evaluation; entries: " + String.join(", ", s.result().stack().stream()
                                .map(LayerRecommendation::key).toList())));
        if (r.shown() != null && !r.shown().equals(shown(l))) {
            throw new StaleEntry(l, r.shown());
        }
        String note = note(r.note(), true);
        boolean keep = Boolean.TRUE.equals(r.keepCurrent());
        if (keep == !blank(r.tool())) {
            throw ProblemException.badField(keep ? "tool" : "keepCurrent", keep
                    ? "give either a tool from the menu or keepCurrent: true, not both"
                    : "is required when no tool is given: pick a tool from the menu or keep the current tools");
        }
        EditValues v;
        if (keep) {
            if (l.current() == null || l.current().isEmpty()) {
                throw ProblemException.badField("keepCurrent", "nothing is in use today in "
                        + ReviewApplier.entryName(l) + "; pick a tool from the menu instead");
            }
            v = new EditValues(null, null, true, null, null, null, null, null, null, null);
        } else {
            var tool = ReviewApplier.menu(l).stream().filter(t -> t.key().equals(r.tool())).findFirst()
                    .orElseThrow(() -> ProblemException.badField("tool", "'" + r.tool() + "' is not on the menu for "
                            + ReviewApplier.entryName(l) + "; the menu: " + String.join(", ",
                                    ReviewApplier.menu(l).stream().map(t -> t.key()).toList())));
            if (l.primary() != null && l.primary().key().equals(tool.key()) && l.tiedWith().isEmpty()) {
                throw ProblemException.badField("tool", tool.name() + " is already the pick for "
                        + ReviewApplier.entryName(l) + "; choose another tool from the menu, or leave it as it is");
            }
            v = new EditValues(tool.key(), tool.name(), null, null, null, null, null, null, null, null);
        }
        return record(a, e, EditKind.OVERRIDE, l.key(), v, note, null, "review.override");
    }

    /**
     * Edits a finding or the roadmap.
     *
     * @return the edit as listed
     * @throws ProblemException 400 naming the field at fault; 404 unknown assessment or not evaluated
     */
    @Transactional
    public EditView edit(long assessmentId, EditRequest r) {
        Assessment a = access.assessment(assessmentId);
        StorableText.refuseNul(r);
        Evaluation e = latestToChange(a);
        ReviewState s = state(a, e, false);
        if (r == null || blank(r.kind())) {
            throw ProblemException.badField("kind", "is required: finding-risk, finding-hide, finding-merge, "
                    + "roadmap-phase, roadmap-text or roadmap-add");
        }
        EditKind kind = EditKind.of(r.kind()).filter(k -> k != EditKind.OVERRIDE && k != EditKind.UNDO)
                .orElseThrow(() -> ProblemException.badField("kind", "'" + r.kind() + "' is not one of finding-risk, "
                        + "finding-hide, finding-merge, roadmap-phase, roadmap-text, roadmap-add (overrides go to "
                        + "/review/overrides, undo to /review/edits/{id}/undo)"));
        String note = note(r.note(), kind.noteRequired());
        EditValues v;
        String target = r.target();
        switch (kind) {
            case FINDING_RISK -> {
                requireFinding(s, target, "target");
                String risk = r.risk() == null ? "" : r.risk().strip().toUpperCase(Locale.ROOT);
                if (!List.of("HIGH", "MEDIUM", "LOW").contains(risk)) {
                    throw ProblemException.badField("risk", "must be HIGH, MEDIUM or LOW");
                }
                v = new EditValues(null, null, null, risk, null, null, null, null, null, null);
            }
            case FINDING_HIDE -> {
                requireFinding(s, target, "target");
                v = new EditValues(null, null, null, null, null, null, null, null, null, null);
            }
            case FINDING_MERGE -> {
                requireFinding(s, target, "target");
                requireFinding(s, r.into(), "into");
                if (r.into().equals(target)) {
                    throw ProblemException.badField("into", "must be another finding than the one merged");
                }
                v = new EditValues(null, null, null, null, r.into(), null, null, null, null, null);
            }
            case ROADMAP_PHASE -> {
                requireItem(s, target);
                int to = phase(r.phase());
                keepsDependencies(s.result().roadmap(), target, to);
                v = new EditValues(null, null, null, null, null, to, null, null, null, null);
            }
            case ROADMAP_TEXT -> {
                requireItem(s, target);
                v = new EditValues(null, null, null, null, null, null, text(r.title(), "title", true),
                        text(r.rationale(), "rationale", false), null, null);
            }
            default -> {
                target = "new";
                v = new EditValues(null, null, null, null, null, phase(r.phase()), text(r.title(), "title", true),
                        text(r.rationale(), "rationale", false), text(r.owner(), "owner", false),
                        text(r.effort(), "effort", false));
            }
        }
        return record(a, e, kind, target, v, note, null, "review.edit");
    }

    /**
     * Undoes an edit; the undo is itself recorded and listed.
     *
     * @return the undo as listed
     * @throws ProblemException 404 unknown assessment or edit; 409 an undo, or already undone
     */
    @Transactional
    public EditView undo(long assessmentId, long editId, UndoRequest r) {
        Assessment a = access.assessment(assessmentId);
        StorableText.refuseNul(r);
        // two undos of one edit at once (a double click, two tabs): the second waits and gets the 409 below
        Assessment.getEntityManager().lock(a, LockModeType.PESSIMISTIC_WRITE);
        Evaluation e = latestToChange(a);
        ReviewEdit target = ReviewEdit.findById(editId);
        if (target == null || target.assessmentId != a.id) {
            throw new ProblemException(404, "Not found", "Assessment " + assessmentId + " has no edit " + editId + ".",
                    List.of(new Problem.FieldError("editId", "no such edit")));
        }
        if (target.undoesId != null) {
            throw ProblemException.conflict("Edit " + editId + " is an undo; make the change again instead.", List.of());
        }
        if (ReviewEdit.count("undoesId", editId) > 0) {
            throw ProblemException.conflict("Edit " + editId + " is already undone.", List.of());
        }
        String note = note(r == null ? null : r.note(), false);
        return record(a, e, EditKind.UNDO, String.valueOf(editId), new EditValues(null, null, null, null, null, null,
                null, null, null, null), note, editId, "review.undo");
    }

    /**
     * @param l a stack entry of the reviewed result (overrides applied)
     * @return its pick and what to do with it, e.g. "github:KEEP", "none:NONE": what an override was
     *     made from ({@link OverrideRequest#shown()})
     */
    public static String shown(LayerRecommendation l) {
        return (l.primary() == null ? "none" : l.primary().key()) + ":" + l.change();
    }

    /**
     * 409: an override made from a reading of the entry it no longer matches (another override or an
     * undo since, or a new evaluation). The detail and {@code errors[shown]} say what it is now.
     */
    public static final class StaleEntry extends ProblemException {

        private final String entryName;
        private final String pickName;

        StaleEntry(LayerRecommendation now, String shown) {
            super(409, "Conflict", ReviewApplier.entryName(now) + " (" + now.key() + "): not overridden, as it changed "
                    + "since it was read as " + shown + ": it is now " + shown(now) + ", the pick "
                    + (now.primary() == null ? "none" : now.primary().name()) + ". Read the review again and "
                    + "override again if the change is still wanted.",
                    List.of(new Problem.FieldError("shown", "the entry is now " + shown(now))),
                    ProblemTypes.CONFLICT);
            this.entryName = ReviewApplier.entryName(now);
            this.pickName = now.primary() == null ? "none" : now.primary().name();
        }

        /** @return the entry's name, e.g. "Security scanning in the pipeline" */
        public String entryName() {
            return entryName;
        }

        /** @return the entry's pick now, by name, or "none" */
        public String pickName() {
            return pickName;
        }
    }

    /**
     * @param s a review as a page shows it
     * @return what identifies it for approval: its evaluation and the newest edit (an edit or undo
     *     made since gives another value)
     */
    public static String shown(ReviewState s) {
        return s.evaluationId() + "." + s.edits().stream().mapToLong(EditView::id).max().orElse(0);
    }

    /**
     * Approves the latest evaluation with its edits as the next version and fires {@link VersionApproved}.
     *
     * @return the version
     * @throws ProblemException 404 unknown assessment; 409 when not evaluated yet or when the newest
     *     version already holds exactly this evaluation with these edits
     */
    @Transactional
    public VersionView approve(long assessmentId) {
        return approve(assessmentId, null);
    }

    /**
     * As {@link #approve(long)}, for a page that showed the review as it stood then.
     *
     * @param shown {@link #shown(ReviewState)} of the review the approver read; null: whatever is latest
     * @throws ProblemException 409 also when a new evaluation or another edit came in since the page was opened
     */
    @Transactional
    public VersionView approve(long assessmentId, String shown) {
        Assessment a = access.assessment(assessmentId);
        Assessment.getEntityManager().lock(a, LockModeType.PESSIMISTIC_WRITE);
        Evaluation e = latestToChange(a);
        ReviewState s = state(a, e, false);
        if (shown != null && !shown.equals(shown(s))) {
            throw ProblemException.conflict("Not approved: the review changed after this page was opened (a new "
                    + "evaluation or another edit, perhaps in another tab). It is shown again below as it stands now; "
                    + "read it and approve again if it is right.", List.of());
        }
        String resultJson = write(s.result());
        String hash = sha256(resultJson);
        AssessmentVersion last = AssessmentVersion.latestOf(a.id).orElse(null);
        if (last != null && last.evaluationId == e.id && last.contentHash.equals(hash)) {
            throw ProblemException.conflict("Version " + last.number + " already holds this evaluation with these "
                    + "edits; change something before approving again.", List.of());
        }
        ReportData data = reports.data(a.id, e.createdAt, s.result(), null);
        AssessmentVersion v = new AssessmentVersion();
        v.assessmentId = a.id;
        v.number = last == null ? 1 : last.number + 1;
        v.evaluationId = e.id;
        v.approvedBy = access.actor();
        v.approvedByName = dev.bearing.security.Account.byUsername(v.approvedBy).map(acc -> acc.displayName).orElse(null);
        v.approvedAt = clock.instant();
        v.ruleSetVersion = e.ruleSetVersion;
        v.questionnaireKey = s.result().questionnaireKey();
        v.questionnaireVersion = s.result().questionnaireVersion();
        v.resultJson = resultJson;
        v.contentHash = hash;
        v.stageQuarter = e.stageQuarter;
        v.stagePhase = e.stagePhase;
        v.deliveryBand = e.deliveryBand;
        v.maturityIndex = e.maturityIndex;
        v.reportJson = writeAny(new ReportSnapshot(data.organisation(), e.createdAt, data.respondents(),
                data.milestones(), data.benchmark()));
        v.persist();
        long applied = s.edits().stream().filter(x -> "applied".equals(x.status())).count();
        audit.record("review.approved", a.id, "Approved version " + v.number + " of evaluation " + e.id + " with "
                + applied + (applied == 1 ? " edit" : " edits") + " applied; content hash " + hash + ".");
        approvedEvent.fire(new VersionApproved(v.id, a.id));
        return view(v, true);
    }

    /** @return the assessment's versions, newest first, without their results */
    @Transactional
    public List<VersionView> versions(long assessmentId) {
        Assessment a = access.assessment(assessmentId);
        return AssessmentVersion.ofAssessment(a.id).stream().map(v -> view(v, false)).toList();
    }

    /**
     * @return version {@code number} with its result
     * @throws ProblemException 404 unknown assessment or version
     */
    @Transactional
    public VersionView version(long assessmentId, int number) {
        return view(versionRow(assessmentId, number), true);
    }

    /** @return the assessment's evaluations, newest first, without their results */
    @Transactional
    public List<EvaluationView> evaluations(long assessmentId) {
        Assessment a = access.assessment(assessmentId);
        Map<Long, List<Integer>> versions = versionsByEvaluation(a.id);
        List<Evaluation> list = Evaluation.list("assessment.id = ?1 order by createdAt desc, id desc", a.id);
        return list.stream().map(e -> view(e, versions, false)).toList();
    }

    /**
     * @return one evaluation with its result as the rules produced it
     * @throws ProblemException 404 unknown assessment or evaluation of another assessment
     */
    @Transactional
    public EvaluationView evaluation(long assessmentId, long evaluationId) {
        Assessment a = access.assessment(assessmentId);
        Evaluation e = Evaluation.findById(evaluationId);
        if (e == null || !Objects.equals(e.assessment.id, a.id)) {
            throw new ProblemException(404, "Not found", "Assessment " + assessmentId + " has no evaluation "
                    + evaluationId + ".", List.of(new Problem.FieldError("evaluationId", "no such evaluation")));
        }
        return view(e, versionsByEvaluation(a.id), true);
    }

    /**
     * @return the draft report: the latest evaluation with the current edits, marked DRAFT
     * @throws ProblemException 404 unknown assessment or not evaluated
     */
    @Transactional
    public ReportData draftReport(long assessmentId) {
        Assessment a = access.assessment(assessmentId);
        Evaluation e = latest(a);
        ReviewState s = state(a, e, false);
        return reports.data(a.id, e.createdAt, s.result(), null);
    }

    /**
     * @return approved version {@code number}'s report, exactly as frozen at approval
     * @throws ProblemException 404 unknown assessment or version
     */
    @Transactional
    public ReportData versionReport(long assessmentId, int number) {
        AssessmentVersion v = versionRow(assessmentId, number);
        EvaluationResult result = read(v.resultJson);
        ReportData.Approval approval = new ReportData.Approval(v.number, v.approver(), v.approvedAt, v.contentHash);
        if (v.reportJson == null) {
            Evaluation e = Evaluation.findById(v.evaluationId);
            return reports.data(assessmentId, e.createdAt, result, approval);
        }
        ReportSnapshot snap;
        try {
            snap = json.readValue(v.reportJson, ReportSnapshot.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Version " + v.id + " cannot be read", ex);
        }
        return new ReportData(snap.organisation(), v.assessmentId, snap.evaluatedAt(), result, snap.respondents(),
                snap.milestones(), snap.benchmark(), approval);
    }

    /**
     * @return one evaluation's report as the rules produced it (no review applied), marked DRAFT
     * @throws ProblemException 404 unknown assessment or evaluation of another assessment
     */
    @Transactional
    public ReportData evaluationReport(long assessmentId, long evaluationId) {
        EvaluationView e = evaluation(assessmentId, evaluationId);
        return reports.data(assessmentId, e.evaluatedAt(), e.result(), null);
    }

    /** Records an export of a PDF in the audit log. */
    @Transactional
    public void auditExport(long assessmentId, Integer version) {
        audit.record("report.exported", assessmentId, version == null ? "Downloaded the draft PDF roadmap."
                : "Downloaded the PDF roadmap of version " + version + ".");
    }

    // ------------------------------------------------------------------------------------------

    private EditView record(Assessment a, Evaluation e, EditKind kind, String target, EditValues v, String note,
            Long undoes, String auditAction) {
        ReviewEdit edit = new ReviewEdit();
        edit.assessmentId = a.id;
        edit.evaluationId = e.id;
        edit.kind = kind.key();
        edit.target = target;
        edit.payloadJson = writeAny(v);
        edit.note = note;
        edit.createdBy = access.actor();
        edit.createdAt = clock.instant();
        edit.undoesId = undoes;
        edit.persist();
        if (kind == EditKind.ROADMAP_ADD) {
            edit.target = "custom-" + edit.id;
        }
        ReviewState s = state(a, e, false);
        EditView view = s.edits().stream().filter(x -> x.id() == edit.id).findFirst().orElseThrow();
        String detail = kind == EditKind.UNDO
                ? "Undid edit " + undoes + " (" + s.edits().stream().filter(x -> x.id() == undoes).map(EditView::change)
                        .findFirst().orElse("") + ")"
                : view.change();
        audit.record(auditAction, a.id, detail + "." + (note.isBlank() ? "" : " Note: " + note));
        return view;
    }

    private ReviewState state(Assessment a, Evaluation e, boolean withMovement) {
        EvaluationResult raw = read(e.resultJson);
        List<ReviewEdit> rows = ReviewEdit.ofAssessment(a.id);
        List<ReviewApplier.Edit> edits = rows.stream().map(r -> new ReviewApplier.Edit(r.id,
                EditKind.of(r.kind).orElseThrow(), r.target, readValues(r.payloadJson), r.note, r.createdBy,
                r.createdAt, r.undoesId)).toList();
        ReviewApplier.Applied applied = ReviewApplier.apply(raw, edits);
        List<EditView> views = rows.stream().map(r -> {
            ReviewApplier.Outcome o = applied.outcomes().get(r.id);
            return new EditView(r.id, r.kind, r.target, o.change(), r.note, r.createdBy, r.createdAt, r.evaluationId,
                    o.status(), o.detail(), r.undoesId);
        }).toList();
        AssessmentVersion last = AssessmentVersion.latestOf(a.id).orElse(null);
        boolean asIs = last != null && last.evaluationId == e.id && last.contentHash.equals(sha256(write(applied.result())));
        return new ReviewState(a.id, e.id, e.createdAt, applied.result(), views, withMovement ? movement(a, e, raw) : null,
                last == null ? null : last.number, asIs);
    }

    /**
     * What moved since the latest earlier evaluation whose result differs: runs in between that gave
     * this very result (Evaluate clicked twice, or again with nothing changed) would only say that
     * nothing moved and hide what did. When every earlier run gave this result, the one just before.
     */
    private Movement movement(Assessment a, Evaluation latest, EvaluationResult now) {
        String earlier = "assessment.id = ?1 and id <> ?2 and (createdAt < ?3 or createdAt = ?3 and id < ?2)";
        Evaluation prev = Evaluation.<Evaluation>find(earlier + " and resultJson <> ?4 order by createdAt desc, id desc",
                a.id, latest.id, latest.createdAt, latest.resultJson).firstResult();
        if (prev == null) {
            prev = Evaluation.<Evaluation>find(earlier + " order by createdAt desc, id desc", a.id, latest.id,
                    latest.createdAt).firstResult();
        }
        if (prev == null) {
            return null;
        }
        long sameBetween = Evaluation.count(earlier + " and (createdAt > ?4 or createdAt = ?4 and id > ?5)",
                a.id, latest.id, latest.createdAt, prev.createdAt, prev.id);
        EvaluationResult before = read(prev.resultJson);
        Change stage = new Change("Adoption stage", before.stage() == null ? null : before.stage().label(),
                now.stage() == null ? null : now.stage().label());
        Change band = new Change("Delivery performance", before.delivery() == null ? null : before.delivery().band(),
                now.delivery() == null ? null : now.delivery().band());
        Change index = new Change("Maturity index", before.maturity() == null ? null
                : String.format(Locale.ROOT, "%.1f", before.maturity().index()), now.maturity() == null ? null
                : String.format(Locale.ROOT, "%.1f", now.maturity().index()));
        Map<String, CapabilityResult> old = new LinkedHashMap<>();
        before.capabilities().forEach(c -> old.put(c.key(), c));
        List<ScoreChange> scores = new ArrayList<>();
        for (CapabilityResult c : now.capabilities()) {
            CapabilityResult o = old.get(c.key());
            Double from = o == null ? null : o.combined();
            Double to = c.combined();
            Long delta = from == null || to == null ? null : Math.round(to - from);
            if ((from == null) != (to == null) || (delta != null && delta != 0)) {
                scores.add(new ScoreChange(c.key(), c.name(), from, to, delta));
            }
        }
        Map<String, String> picksBefore = picks(before);
        Map<String, String> picksNow = picks(now);
        Map<String, String> names = new LinkedHashMap<>();
        now.stack().forEach(l -> names.put(l.key(), ReviewApplier.entryName(l)));
        before.stack().forEach(l -> names.putIfAbsent(l.key(), ReviewApplier.entryName(l)));
        List<Change> picks = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(names.keySet());
        for (String k : keys) {
            Change c = new Change(names.get(k), picksBefore.get(k), picksNow.get(k));
            if (c.moved()) {
                picks.add(c);
            }
        }
        return new Movement(prev.id, prev.createdAt, (int) sameBetween, stage, band, index, scores, picks);
    }

    private static Map<String, String> picks(EvaluationResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (LayerRecommendation l : r.stack()) {
            String pick;
            if ("KEEP_UNLISTED".equals(l.change())) {
                pick = "keep " + ReviewApplier.names(l.current());
            } else if ("LATER".equals(l.change())) {
                pick = "not needed yet";
            } else if (l.primary() == null) {
                pick = "none";
            } else {
                pick = l.primary().name() + (l.tiedWith() == null || l.tiedWith().isEmpty() ? ""
                        : " or " + String.join(" or ", l.tiedWith()));
            }
            out.put(l.key(), pick);
        }
        return out;
    }

    private Evaluation latest(Assessment a) {
        return Evaluation.latestOf(a.id).orElseThrow(() -> new ProblemException(404, "Not evaluated",
                notEvaluated(a), List.of()));
    }

    /** The latest evaluation for a change (override, edit, undo, approval): 409 when there is none yet. */
    private Evaluation latestToChange(Assessment a) {
        return Evaluation.latestOf(a.id).orElseThrow(() -> ProblemException.conflict(notEvaluated(a), List.of()));
    }

    private static String notEvaluated(Assessment a) {
        return "Assessment " + a.id + " has not been evaluated yet; evaluate it once respondents have submitted.";
    }

    private AssessmentVersion versionRow(long assessmentId, int number) {
        Assessment a = access.assessment(assessmentId);
        AssessmentVersion v = AssessmentVersion.find("assessmentId = ?1 and number = ?2", a.id, number)
                .firstResult();
        if (v == null) {
            throw new ProblemException(404, "Not found", "Assessment " + assessmentId + " has no version " + number
                    + ".", List.of(new Problem.FieldError("version", "no version " + number)));
        }
        return v;
    }

    private static Map<Long, List<Integer>> versionsByEvaluation(long assessmentId) {
        Map<Long, List<Integer>> out = new LinkedHashMap<>();
        for (AssessmentVersion v : AssessmentVersion.ofAssessment(assessmentId)) {
            out.computeIfAbsent(v.evaluationId, k -> new ArrayList<>()).add(0, v.number);
        }
        return out;
    }

    private EvaluationView view(Evaluation e, Map<Long, List<Integer>> versions, boolean withResult) {
        EvaluationResult r = read(e.resultJson);
        return new EvaluationView(e.id, e.assessment.id, e.createdAt, e.ruleSetVersion,
                r.stage() == null ? null : r.stage().label(), e.deliveryBand, e.maturityIndex.doubleValue(),
                e.respondentsIncluded, versions.getOrDefault(e.id, List.of()), withResult ? r : null);
    }

    private VersionView view(AssessmentVersion v, boolean withResult) {
        return new VersionView(v.assessmentId, v.number, v.evaluationId, v.approvedBy, v.approver(), v.approvedAt,
                v.ruleSetVersion, v.questionnaireKey, v.questionnaireVersion, v.contentHash,
                withResult ? read(v.resultJson) : null);
    }

    private static void requireFinding(ReviewState s, String ref, String field) {
        if (blank(ref)) {
            throw ProblemException.badField(field, "is required: the key of a finding");
        }
        List<String> refs = s.result().findings().stream().map(ReviewApplier::findingRef).distinct().toList();
        if (!refs.contains(ref)) {
            // a finding about a subject is named key@subject; GET .../review gives key and subject apart
            List<String> withSubject = refs.stream().filter(r -> r.startsWith(ref + "@")).toList();
            throw ProblemException.badField(field, "'" + ref + "' is not a finding shown in this review; "
                    + (withSubject.isEmpty() ? "its findings: " + String.join(", ", refs)
                            : "a finding about a subject is named key@subject: send " + String.join(" or ", withSubject)));
        }
    }

    /**
     * The roadmap promises that no step comes before the steps it depends on: a move that would
     * break that is refused, naming the step in the way.
     *
     * @param roadmap the roadmap as reviewed, in its order (R1, R2, ...)
     * @param key the item to move
     * @param to the phase it is to move to
     * @throws ProblemException 400 naming {@code phase}
     */
    private static void keepsDependencies(List<dev.bearing.evaluation.EvaluationResult.RoadmapEntry> roadmap, String key, int to) {
        Map<String, Integer> numbers = new java.util.HashMap<>();
        for (int i = 0; i < roadmap.size(); i++) {
            numbers.put(roadmap.get(i).key(), i + 1);
        }
        var item = roadmap.get(numbers.get(key) - 1);
        for (var other : roadmap) {
            if (item.dependsOn().contains(other.key()) && other.phase() > to) {
                throw ProblemException.badField("phase", "R" + numbers.get(key) + " comes after R" + numbers.get(other.key())
                        + " (\"" + other.title() + "\", " + dev.bearing.common.UserText.lowerFirst(other.phaseLabel()) + "), which it depends on: move R"
                        + numbers.get(other.key()) + " earlier first, or choose a later phase");
            }
            if (other.dependsOn().contains(key) && other.phase() < to) {
                throw ProblemException.badField("phase", "R" + numbers.get(other.key()) + " (\"" + other.title() + "\", "
                        + dev.bearing.common.UserText.lowerFirst(other.phaseLabel()) + ") depends on R" + numbers.get(key) + ": move R"
                        + numbers.get(other.key()) + " later first, or choose an earlier phase");
            }
        }
    }

    private static void requireItem(ReviewState s, String key) {
        if (blank(key)) {
            throw ProblemException.badField("target", "is required: the key of a roadmap item");
        }
        if (s.result().roadmap().stream().noneMatch(x -> x.key().equals(key))) {
            throw ProblemException.badField("target", "'" + key + "' is not an item of the roadmap shown in this review");
        }
    }

    private static int phase(Integer p) {
        if (p == null || p < 1 || p > 4) {
            throw ProblemException.badField("phase", "must be 1 (first 30 days), 2 (90 days), 3 (6 months) or 4 (12 months)");
        }
        return p;
    }

    private static String note(String note, boolean required) {
        String n = note == null ? "" : note.strip();
        if (required && n.isEmpty()) {
            throw ProblemException.badField("note", "is required: say why, for the client and for whoever reads this later");
        }
        if (n.length() > MAX_TEXT) {
            throw ProblemException.badField("note", "is " + n.length() + " characters long; use at most " + MAX_TEXT);
        }
        return n;
    }

    private static String text(String s, String field, boolean required) {
        String t = s == null ? "" : s.strip();
        if (required && t.isEmpty()) {
            throw ProblemException.badField(field, "is required");
        }
        if (t.length() > MAX_TEXT) {
            throw ProblemException.badField(field, "is " + t.length() + " characters long; use at most " + MAX_TEXT);
        }
        return t.isEmpty() ? null : t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** @return the result as stored: the JSON whose SHA-256 is a version's content hash */
    String write(EvaluationResult r) {
        return writeAny(r);
    }

    private String writeAny(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot be serialised: " + o.getClass().getSimpleName(), ex);
        }
    }

    private EvaluationResult read(String s) {
        try {
            return json.readValue(s, EvaluationResult.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored evaluation cannot be read", ex);
        }
    }

    private EditValues readValues(String s) {
        try {
            return json.readValue(s, EditValues.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored edit cannot be read", ex);
        }
    }

    /** @return SHA-256 of the text's UTF-8 bytes, 64 lower-case hex digits */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
