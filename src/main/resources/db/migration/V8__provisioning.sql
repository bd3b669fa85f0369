-- Bearing schema, version 8: provisioning an approved stack on AWS.

-- Where an organisation's stacks go: one row per organisation (by organisation_key, V7), so every
-- assessment of the same organisation uses the same account. Holds no secret: the role is assumed
-- with Bearing's own credentials (default chain), and an external ID is not a secret (AWS IAM
-- guide) but is shown only to those who may provision.
create table aws_target (
    organisation_key text         primary key,
    account_id       varchar(12),
    region           varchar(30),
    role_arn         varchar(2048),
    external_id      varchar(1224),
    -- a CloudFormation service role: CloudFormation acts with it, so the assumed role needs only
    -- CloudFormation calls and iam:PassRole on it
    service_role_arn varchar(2048),
    updated_by       varchar(100) not null,
    updated_at       timestamptz  not null
);

create sequence provisioning_run_seq start with 1 increment by 50;
create sequence provisioning_event_seq start with 1 increment by 50;

-- One provisioning run: a plan (change set, or the list a tear-down deletes), then, once a
-- consultant confirms, its execution followed to a final state.
create table provisioning_run (
    id                bigint        primary key,
    assessment_id     bigint        not null references assessment (id) on delete cascade,
    number            integer       not null,
    kind              varchar(10)   not null check (kind in ('DEPLOY', 'TEARDOWN')),
    state             varchar(12)   not null check (state in ('PLANNING', 'PLANNED', 'EXECUTING', 'SUCCEEDED', 'FAILED', 'SUPERSEDED')),
    version_number    integer,
    account_id        varchar(12),
    region            varchar(30)   not null,
    role_arn          varchar(2048),
    service_role_arn  varchar(2048),
    stack_name        varchar(128)  not null,
    stack_id          varchar(2048),
    change_set_type   varchar(10),
    change_set_name   varchar(128),
    change_set_id     varchar(2048),
    -- idempotency tokens, made once when the run is created, so a retried call is the same call
    client_token      varchar(128)  not null,
    execute_token     varchar(128)  not null,
    -- the newest stack event before execution: events after it belong to this run
    events_after      varchar(1024),
    plan_json         text,
    template_body     text,
    outputs_json      text,
    status            varchar(64),
    status_reason     text,
    failed_resource   varchar(512),
    note              text,
    requested_by      varchar(100)  not null,
    requested_at      timestamptz   not null,
    confirmed_by      varchar(100),
    confirmed_at      timestamptz,
    finished_at       timestamptz,
    -- the background follower: when to look next, and how many polls in a row were throttled
    next_poll_at      timestamptz,
    throttled_polls   integer       not null default 0,
    unique (assessment_id, number)
);

-- A second click, on this or another instance, cannot start a second run of an assessment while
-- one is planning or executing: the insert or update that would make a second active run fails.
create unique index provisioning_run_one_active on provisioning_run (assessment_id)
    where state in ('PLANNING', 'EXECUTING');
create index provisioning_run_due on provisioning_run (next_poll_at) where state = 'EXECUTING';

-- The stack events of a run, as CloudFormation reported them.
create table provisioning_event (
    id            bigint        primary key,
    run_id        bigint        not null references provisioning_run (id) on delete cascade,
    event_id      varchar(1024) not null,
    occurred_at   timestamptz   not null,
    logical_id    varchar(512)  not null,
    resource_type varchar(256),
    status        varchar(64)   not null,
    reason        text,
    unique (run_id, event_id)
);
