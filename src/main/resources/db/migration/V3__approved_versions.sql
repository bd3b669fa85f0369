-- Bearing schema, version 3: approved versions. Approving freezes an evaluation with the
-- consultant's overrides and edits as a numbered, immutable version of the assessment.

create sequence assessment_version_seq start with 1 increment by 50;

create table assessment_version (
    id                    bigint primary key,
    assessment_id         bigint        not null references assessment (id),
    number                integer       not null,
    evaluation_id         bigint        not null references evaluation (id),
    approved_by           varchar(100)  not null,
    approved_at           timestamptz   not null,
    rule_set_version      varchar(64)   not null,
    questionnaire_key     varchar(100)  not null,
    questionnaire_version integer       not null,
    -- the evaluation result with the overrides and edits applied (EvaluationResult as JSON)
    result_json           text          not null,
    -- SHA-256 (hex) of result_json
    content_hash          varchar(64)   not null,
    -- copied out of result_json for lists and benchmarks
    stage_quarter         integer       not null,
    stage_phase           varchar(10)   not null,
    delivery_band         varchar(20),
    maturity_index        numeric(5, 1) not null,
    constraint assessment_version_number unique (assessment_id, number)
);
create index assessment_version_approved_idx on assessment_version (approved_at desc);
