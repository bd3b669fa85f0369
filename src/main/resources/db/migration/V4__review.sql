-- Bearing schema, version 4: the consultant's review. Overrides and edits are rows, applied on
-- read to the assessment's latest evaluation, so a re-evaluation keeps the edits that still
-- apply. Nothing is updated or deleted: an undo is a row of its own pointing at the edit undone.

create sequence review_edit_seq start with 1 increment by 50;

create table review_edit (
    id            bigint primary key,
    assessment_id bigint        not null references assessment (id),
    -- the evaluation on screen when the edit was made (the edit applies to later ones too)
    evaluation_id bigint        not null references evaluation (id),
    -- override, finding-risk, finding-hide, finding-merge, roadmap-phase, roadmap-text, roadmap-add, undo
    kind          varchar(30)   not null,
    -- stack entry key, finding key, roadmap item key, or the undone edit's id
    target        varchar(200)  not null,
    -- the edit's values (tool, risk, phase, text...) as JSON
    payload_json  text          not null,
    note          text          not null,
    created_by    varchar(100)  not null,
    created_at    timestamptz   not null,
    -- for an undo: the edit it undoes (each edit can be undone once)
    undoes_id     bigint references review_edit (id)
);
create index review_edit_assessment_idx on review_edit (assessment_id, id);
create unique index review_edit_undo_once on review_edit (undoes_id) where undoes_id is not null;

-- what an approved version's PDF shows besides the result, as it was at approval: organisation name,
-- evaluation time, the respondents' answers, the milestone comparison and the benchmark, so the PDF
-- renders the same bytes later
alter table assessment_version add column report_json text;
