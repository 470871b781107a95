-- Idempotency-Key on creates: the first request with a key claims it and stores its response in the same
-- transaction as the create; a retry with the same key and the same body gets that response again.
create table idempotency_key (
    scope         varchar(300) not null,              -- caller subject, method and path
    key           varchar(255) not null,
    fingerprint   varchar(64)  not null,              -- SHA-256 of the request body
    status        integer,
    location      varchar(1000),
    etag          varchar(100),
    body          text,
    created_at    timestamptz  not null default now(),
    primary key (scope, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);

-- Audit trail: who (token subject and organisation) did what, when, to which record. Never purged.
create table audit_entry (
    id            uuid         primary key,
    occurred_at   timestamptz  not null,
    subject       varchar(200) not null,
    organisation  uuid,
    action        varchar(100) not null,
    record_type   varchar(100) not null,
    record_id     uuid         not null
);
create index audit_entry_occurred_at on audit_entry (occurred_at, id);
create index audit_entry_record on audit_entry (record_id, occurred_at);
