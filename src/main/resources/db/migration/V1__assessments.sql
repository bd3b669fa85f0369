-- Bearing schema, version 1: organisations, assessments, respondents, answers, evaluations.

create sequence organisation_seq start with 1 increment by 50;
create sequence assessment_seq start with 1 increment by 50;
create sequence respondent_seq start with 1 increment by 50;
create sequence answer_seq start with 1 increment by 50;
create sequence evaluation_seq start with 1 increment by 50;

create table organisation (
    id          bigint primary key,
    name        varchar(200) not null,
    created_at  timestamptz  not null
);

create table assessment (
    id                    bigint primary key,
    organisation_id       bigint       not null references organisation (id),
    questionnaire_key     varchar(100) not null,
    questionnaire_version integer      not null,
    created_at            timestamptz  not null,
    version               integer      not null default 0
);
create index assessment_organisation_idx on assessment (organisation_id);

create table respondent (
    id            bigint primary key,
    assessment_id bigint       not null references assessment (id),
    display_name  varchar(200),
    role          varchar(20)  not null check (role in ('BUSINESS', 'DEVELOPMENT', 'OPERATIONS')),
    token         varchar(64)  not null unique,
    created_at    timestamptz  not null,
    started_at    timestamptz,
    submitted_at  timestamptz,
    version       integer      not null default 0
);
create index respondent_assessment_idx on respondent (assessment_id);

create table answer (
    id            bigint primary key,
    respondent_id bigint       not null references respondent (id),
    question_key  varchar(100) not null,
    value_json    text         not null,
    updated_at    timestamptz  not null,
    version       integer      not null default 0,
    constraint answer_one_per_question unique (respondent_id, question_key)
);

create table evaluation (
    id                   bigint primary key,
    assessment_id        bigint        not null references assessment (id),
    created_at           timestamptz   not null,
    rule_set_version     varchar(64)   not null,
    stage_quarter        integer       not null,
    stage_phase          varchar(10)   not null,
    delivery_band        varchar(20),
    maturity_index       numeric(5, 1) not null,
    respondents_included integer       not null,
    result_json          text          not null
);
create index evaluation_assessment_idx on evaluation (assessment_id, created_at desc);
