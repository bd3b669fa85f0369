-- Bearing schema, version 2: consultant and admin accounts, assessment ownership and sharing,
-- personal API tokens, the append-only audit log, and respondent links stored as hashes.

create sequence account_seq start with 1 increment by 50;
create sequence api_token_seq start with 1 increment by 50;
create sequence audit_event_seq start with 1 increment by 50;

create table account (
    id                   bigint primary key,
    username             varchar(100) not null,
    display_name         varchar(200) not null,
    email                varchar(320),
    -- a bcrypt hash in modular crypt format ($2a$...), never the password
    password_hash        varchar(100) not null,
    role                 varchar(20)  not null check (role in ('ADMIN', 'CONSULTANT')),
    enabled              boolean      not null default true,
    must_change_password boolean      not null default false,
    failed_logins        integer      not null default 0,
    locked_until         timestamptz,
    created_at           timestamptz  not null,
    password_changed_at  timestamptz  not null,
    version              integer      not null default 0
);
create unique index account_username_idx on account (lower(username));

alter table assessment add column owner_id bigint references account (id);
create index assessment_owner_idx on assessment (owner_id);

create table assessment_share (
    assessment_id bigint not null references assessment (id) on delete cascade,
    account_id    bigint not null references account (id),
    primary key (assessment_id, account_id)
);
create index assessment_share_account_idx on assessment_share (account_id);

create table api_token (
    id           bigint primary key,
    account_id   bigint       not null references account (id),
    name         varchar(100) not null,
    -- SHA-256 (hex) of the token; the token itself is shown once, at creation
    token_hash   varchar(64)  not null unique,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account_idx on api_token (account_id);

-- Append-only: a trigger refuses UPDATE and DELETE. No foreign key to assessment, so the record
-- of an assessment's deletion outlives it.
create table audit_event (
    id             bigint primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(100) not null,
    action         varchar(60)  not null,
    assessment_id  bigint,
    detail         text         not null default '',
    remote_address varchar(64)
);
create index audit_event_assessment_idx on audit_event (assessment_id, occurred_at desc);
create index audit_event_time_idx on audit_event (occurred_at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();

-- Respondent links: only SHA-256 (hex) of the token is kept, so a database dump holds no working link.
alter table respondent add column token_hash varchar(64);
update respondent set token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex');
alter table respondent alter column token_hash set not null;
alter table respondent add constraint respondent_token_hash_key unique (token_hash);
alter table respondent drop column token;
