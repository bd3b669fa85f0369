-- Bearing schema, version 14: a form that creates something (a new assessment, a new respondent)
-- is created once, however often it is sent. Each such form carries a random token of its own; the
-- transaction that creates the record first records the token here, so a second send of the same
-- form (a double click, a resent form, the back button) finds it and answers with the record the
-- first made. Rows older than a day are removed when a token is recorded: by then the form's CSRF
-- cookie has expired, so the form can no longer be sent.
create table form_submission (
    token       varchar(64)  primary key,
    kind        varchar(40)  not null,
    actor       varchar(200) not null,
    record_id   bigint,
    created_at  timestamptz  not null
);
create index form_submission_created_idx on form_submission (created_at);
