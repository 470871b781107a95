-- guidance-service: guidance documents, versions with sections (stable keys), Taskforce input windows, feedback with
-- its revisions and the AI Office's dispositions, evidence submissions with their attached documents.
-- The membership replica (who may give input) comes from the platform's db/membership-replica location.

create table guidance_document (
    id                       uuid          primary key,
    title                    varchar(300)  not null,
    kind                     varchar(30)   not null check (kind in ('GUIDELINES', 'TEMPLATE', 'QUESTIONS_AND_ANSWERS', 'OTHER')),
    description              varchar(5000),
    status                   varchar(20)   not null check (status in ('DRAFT', 'PUBLISHED')),
    consultation_opens_on    date,                         -- the later public consultation, separate from Taskforce input
    consultation_closes_on   date,
    consultation_url         varchar(2000),
    published_at             timestamptz,
    created_by               varchar(200)  not null,
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null,
    version                  bigint        not null default 0
);
create index guidance_document_created_at on guidance_document (created_at, id);
create index guidance_document_updated_at on guidance_document (updated_at, id);

create table guidance_document_article (
    document_id  uuid        not null references guidance_document (id) on delete cascade,
    position     integer     not null,
    article      varchar(40) not null,
    primary key (document_id, position)
);

create table guidance_document_reference (
    document_id  uuid        not null references guidance_document (id) on delete cascade,
    position     integer     not null,
    reference    varchar(40) not null,                     -- a commitment or measure of the Code (contracts reference data)
    primary key (document_id, position)
);
create index guidance_document_reference_ref on guidance_document_reference (reference);

create table guidance_version (
    id            uuid          primary key,
    document_id   uuid          not null references guidance_document (id),
    number        integer       not null,
    change_note   varchar(2000),
    status        varchar(20)   not null check (status in ('DRAFT', 'PUBLISHED')),
    published_at  timestamptz,
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0,
    unique (document_id, number)
);

-- A section of one version. The key is stable: the same key names the same section in every version of the document.
create table guidance_section (
    version_id  uuid           not null references guidance_version (id) on delete cascade,
    position    integer        not null,
    key         varchar(64)    not null,
    title       varchar(300)   not null,
    text        varchar(50000) not null,
    primary key (version_id, position),
    unique (version_id, key)
);

create table input_window (
    id                         uuid          primary key,
    document_id                uuid          not null references guidance_document (id),
    version_id                 uuid          not null unique references guidance_version (id), -- one window per version
    opens_at                   timestamptz   not null,
    closes_at                  timestamptz   not null,
    status                     varchar(20)   not null check (status in ('OPEN', 'CLOSED')),
    closed_at                  timestamptz,
    closed_early               boolean       not null default false,
    closed_by                  varchar(200),
    dispositions_published_at  timestamptz,
    created_by                 varchar(200)  not null,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    version                    bigint        not null default 0,
    check (closes_at > opens_at)
);
create index input_window_due on input_window (closes_at) where status = 'OPEN';
create index input_window_created_at on input_window (created_at, id);
create index input_window_updated_at on input_window (updated_at, id);

create table feedback (
    id               uuid           primary key,
    window_id        uuid           not null references input_window (id),
    section_key      varchar(64),                          -- null: on the whole version
    organisation_id  uuid           not null,              -- the member organisation it is given for
    text             varchar(10000) not null,              -- CONFIDENTIAL text never leaves this table
    attribution      varchar(20)    not null check (attribution in ('ATTRIBUTED', 'ANONYMOUS')),
    visibility       varchar(20)    not null check (visibility in ('PUBLIC', 'CONFIDENTIAL')),
    withdrawn        boolean        not null default false,
    revision         integer        not null,
    disposition      varchar(30)    check (disposition in ('ACCEPTED', 'PARTIALLY_ACCEPTED', 'NOT_TAKEN_UP', 'OUT_OF_SCOPE')),
    response         varchar(5000),
    answered_by      varchar(200),
    answered_at      timestamptz,
    submitted_by     varchar(200)   not null,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    version          bigint         not null default 0
);
create index feedback_window on feedback (window_id, created_at, id);
create index feedback_updated_at on feedback (window_id, updated_at, id);

-- Every state of a feedback item, the first included: the history kept when it is edited or withdrawn.
create table feedback_revision (
    feedback_id   uuid           not null references feedback (id),
    revision      integer        not null,
    section_key   varchar(64),
    text          varchar(10000) not null,
    attribution   varchar(20)    not null,
    visibility    varchar(20)    not null,
    withdrawn     boolean        not null,
    changed_by    varchar(200)   not null,
    changed_at    timestamptz    not null,
    primary key (feedback_id, revision)
);

create table evidence (
    id                  uuid          primary key,
    title               varchar(300)  not null,
    summary             varchar(5000) not null,
    type                varchar(30)   not null check (type in ('RESEARCH', 'EXPERT_INPUT', 'TECHNICAL_DEVELOPMENT', 'IMPLEMENTATION_EXPERIENCE')),
    url                 varchar(2000) not null,
    visibility          varchar(20)   not null check (visibility in ('PUBLIC', 'CONFIDENTIAL')),
    attribution         varchar(20)   not null check (attribution in ('ATTRIBUTED', 'ANONYMOUS')),
    submitter_role      varchar(20)   not null check (submitter_role in ('AI_OFFICE', 'MEMBER', 'STAKEHOLDER')),
    organisation_id     uuid,                               -- for a member's submission
    submitted_by        varchar(200)  not null,             -- token subject: a stakeholder's submission is its own
    attachment_name     varchar(255),
    attachment_type     varchar(100),                       -- sniffed from the bytes, never the client's claim
    attachment_size     bigint,
    attachment_sha256   varchar(64),
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0
);
create index evidence_created_at on evidence (created_at, id);
create index evidence_updated_at on evidence (updated_at, id);

create table evidence_reference (
    evidence_id  uuid        not null references evidence (id) on delete cascade,
    position     integer     not null,
    reference    varchar(40) not null,
    primary key (evidence_id, position)
);
create index evidence_reference_ref on evidence_reference (reference);

-- The attached document's bytes, apart from the evidence row so that lists never load them.
create table evidence_attachment (
    evidence_id  uuid   primary key references evidence (id) on delete cascade,
    content      bytea  not null
);
