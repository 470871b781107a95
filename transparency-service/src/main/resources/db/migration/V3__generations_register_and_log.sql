-- The read model is rebuilt from the topics into a new generation while the served one keeps answering; every
-- read-model row carries its generation. The first version's tables (V1, V2) held one generation only: they go, and
-- the consumers (a new consumer group, see application.properties) replay the topics from the beginning.
drop table representative;
drop table membership_period;
drop table organisation;
delete from processed_event where consumer like 'transparency.%';

create table register_generation (
    generation   integer      primary key,
    status       varchar(20)  not null check (status in ('BUILDING', 'SERVING', 'RETIRED', 'FAILED')),
    started_at   timestamptz  not null,
    switched_at  timestamptz,
    detail       varchar(2000)
);
-- at most one served and one being built
create unique index register_generation_serving on register_generation ((true)) where status = 'SERVING';
create unique index register_generation_building on register_generation ((true)) where status = 'BUILDING';
insert into register_generation (generation, status, started_at, switched_at) values (1, 'SERVING', now(), now());

-- The public content of every event applied, per aggregate: the read model of an aggregate is recomputed from its
-- events sorted by (occurred_at, event_id), so that any order of arrival gives the same state.
create table register_event (
    generation      integer      not null,
    event_id        varchar(200) not null,
    aggregate_type  varchar(40)  not null,
    aggregate_id    uuid         not null,
    type            varchar(200) not null,
    occurred_at     timestamptz  not null,
    data            text         not null,
    primary key (generation, event_id)
);
create index register_event_aggregate on register_event (generation, aggregate_type, aggregate_id);

-- Participants ---------------------------------------------------------------------------------------------------
create table organisation (
    generation   integer      not null,
    id           uuid         not null,            -- the signatory id of membership-service
    name         varchar(200),                     -- null until an event names it
    country      varchar(2),
    website      varchar(500),
    chapters     varchar(100) not null default '', -- comma-separated Chapter names, in enum order
    signed_on    date,
    withdrawn_on date,
    signatory    boolean      not null default false, -- a signatory event was seen (not only a membership)
    updated_at   timestamptz  not null,
    primary key (generation, id)
);
create index organisation_name on organisation (generation, lower(name), id);

create table membership_period (
    generation       integer     not null,
    id               uuid        not null,
    organisation_id  uuid        not null,
    joined_on        date,                         -- null while only the end has been seen
    left_on          date,
    updated_at       timestamptz not null,
    primary key (generation, id)
);
create index membership_period_organisation on membership_period (generation, organisation_id);

-- the name only with the person's consent (no row keeps a name without it), never contact details
create table representative (
    generation       integer      not null,
    id               uuid         not null,
    organisation_id  uuid         not null,
    role             varchar(20)  not null,
    public_name      varchar(200),
    updated_at       timestamptz  not null,
    primary key (generation, id)
);
create index representative_organisation on representative (generation, organisation_id);

-- only stakeholders who consented to be listed publicly have a row
create table stakeholder (
    generation          integer      not null,
    id                  uuid         not null,
    kind                varchar(20)  not null,
    name                varchar(300) not null,
    field_of_expertise  varchar(500),
    updated_at          timestamptz  not null,
    primary key (generation, id)
);

create table ad_hoc_group (
    generation   integer      not null,
    id           uuid         not null,
    name         varchar(300),
    description  text,
    updated_at   timestamptz  not null,
    primary key (generation, id)
);

create table ad_hoc_group_participant (
    generation         integer      not null,
    group_id           uuid         not null,
    organisation_id    uuid         not null,
    organisation_name  varchar(200),
    primary key (generation, group_id, organisation_id)
);
create index ad_hoc_group_participant_organisation on ad_hoc_group_participant (generation, organisation_id);

-- Meetings -------------------------------------------------------------------------------------------------------
create table meeting (
    generation            integer      not null,
    id                    uuid         not null,
    title                 varchar(300),              -- null while only later events (agenda...) have been seen
    kind                  varchar(30),
    format                varchar(20),
    starts_at             timestamptz,
    ends_at               timestamptz,
    time_zone             varchar(60),
    location              varchar(500),
    request_id            uuid,
    status                varchar(30),               -- SCHEDULED, RESCHEDULED, CANCELLED, HELD, SUMMARY_PUBLISHED
    cancellation_reason   text,
    agenda_revision       integer      not null default 0,
    agenda                text,                      -- JSON array of agenda items
    attendance            text,                      -- JSON array of organisations
    individual_attendees  integer,
    summary               text,
    withheld_parts        text,                      -- JSON array of {title, reason}
    summary_published_at  timestamptz,
    summary_due_on        date,                      -- set by summary-overdue
    updated_at            timestamptz  not null,
    primary key (generation, id)
);
create index meeting_starts_at on meeting (generation, starts_at, id);

create table meeting_request (
    generation         integer      not null,
    id                 uuid         not null,
    organisation_id    uuid,
    organisation_name  varchar(200),
    topic              varchar(500),
    proposed_items     text,                         -- JSON array of titles
    filed_at           timestamptz,
    supporters         integer      not null default 0,
    status             varchar(20)  not null,        -- FILED, ACCEPTED, DECLINED, WITHDRAWN
    decline_reason     text,
    meeting_id         uuid,
    updated_at         timestamptz  not null,
    primary key (generation, id)
);
create index meeting_request_status on meeting_request (generation, status, updated_at, id);

create table decision (
    generation   integer      not null,
    id           uuid         not null,
    question     text,
    threshold    varchar(30),
    closes_at    timestamptz,
    meeting_id   uuid,
    status       varchar(10)  not null,              -- OPEN, CLOSED
    result       varchar(20),
    yes          integer,
    no           integer,
    abstain      integer,
    closed_at    timestamptz,
    updated_at   timestamptz  not null,
    primary key (generation, id)
);

create table cadence_warning (
    generation       integer     not null,
    id               uuid        not null,          -- CadenceWarning.SUBJECT: one aggregate
    last_held_on     date        not null,
    last_meeting_id  uuid,
    deadline         date        not null,
    days_left        bigint      not null,
    updated_at       timestamptz not null,
    primary key (generation, id)
);

-- Full-text search: one document per searchable text (a meeting's agenda, its summary; later public feedback on
-- guidance), so that a new kind of document is new rows, not a new query. English stemming (the register is in
-- English); websearch_to_tsquery reads what people type into a search box.
create table search_document (
    generation     integer      not null,
    document_type  varchar(30)  not null,           -- AGENDA, SUMMARY (later: FEEDBACK)
    document_id    uuid         not null,           -- the aggregate it belongs to (the meeting)
    title          varchar(300) not null,
    body           text         not null,
    occurred_on    timestamptz,
    updated_at     timestamptz  not null,
    search         tsvector     generated always as (
                       setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) stored,
    primary key (generation, document_type, document_id)
);
create index search_document_search on search_document using gin (search);

-- The verifiable record --------------------------------------------------------------------------------------------
-- Append-only: every public register entry, in the order the consumers applied the events. leaf_hash is the SHA-256
-- of the entry's RFC 8785 canonical JSON (the column canonical, kept byte for byte); hash = SHA-256(previous hash ||
-- leaf_hash), the previous hash of the first entry being 32 zero bytes. Not part of a generation: a rebuild of the
-- read model checks each entry again and appends a correction when it differs, it never rewrites the log.
create table log_entry (
    sequence     bigint       primary key,
    event_id     varchar(200) not null,
    corrects     bigint       references log_entry (sequence),
    subject      uuid         not null,
    type         varchar(200) not null,
    occurred_at  timestamptz  not null,
    canonical    text         not null,
    leaf_hash    char(64)     not null,
    hash         char(64)     not null,
    appended_at  timestamptz  not null default now()
);
create unique index log_entry_event on log_entry (event_id) where corrects is null;
create index log_entry_event_corrections on log_entry (event_id, sequence);

create table signing_key (
    key_id         varchar(64)  primary key,       -- hex SHA-256 of the public key (X.509 SubjectPublicKeyInfo)
    public_key     bytea        not null,          -- X.509 SubjectPublicKeyInfo (DER)
    private_key    bytea,                          -- PKCS#8 (DER); null when the key comes from a file
    created_at     timestamptz  not null default now()
);

-- A signed head: statement is the RFC 8785 JSON {"hash","keyId","sequence","signedAt"} that the Ed25519 signature
-- covers, kept byte for byte.
create table signed_head (
    id          bigserial    primary key,
    sequence    bigint       not null,
    hash        char(64)     not null,
    key_id      varchar(64)  not null references signing_key (key_id),
    signed_at   timestamptz  not null,
    statement   text         not null,
    signature   text         not null            -- base64
);
create index signed_head_sequence on signed_head (sequence, id);

create function register_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the register log is append-only: % on % is refused', tg_op, tg_table_name;
end
$$;
create trigger log_entry_append_only before update or delete on log_entry
    for each row execute function register_log_append_only();
create trigger log_entry_no_truncate before truncate on log_entry
    for each statement execute function register_log_append_only();
create trigger signed_head_append_only before update or delete on signed_head
    for each row execute function register_log_append_only();
create trigger signed_head_no_truncate before truncate on signed_head
    for each statement execute function register_log_append_only();
