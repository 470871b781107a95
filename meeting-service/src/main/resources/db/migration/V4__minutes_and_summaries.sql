-- Minutes of a meeting held: DRAFT (AI Office), IN_REVIEW (the attending organisations' representatives comment),
-- APPROVED. The text is confidential: it never leaves this service.
create table minutes (
    meeting_id          uuid          primary key references meeting (id) on delete cascade,
    status              varchar(20)   not null check (status in ('DRAFT', 'IN_REVIEW', 'APPROVED')),
    text                text          not null,
    review_started_at   timestamptz,
    approved_by         varchar(200),
    approved_at         timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null default 0
);

create table minutes_comment (
    id               uuid           primary key,
    meeting_id       uuid           not null references minutes (meeting_id) on delete cascade,
    organisation_id  uuid           not null,
    author           varchar(200)   not null,
    text             varchar(10000) not null,
    created_at       timestamptz    not null
);
create index minutes_comment_meeting on minutes_comment (meeting_id, created_at, id);

-- The high-level public summary published from approved minutes, the confidential annex (never published), and the
-- public list of what is withheld: title and reason, never content.
create table meeting_summary (
    meeting_id          uuid          primary key references meeting (id) on delete cascade,
    summary             text          not null,
    confidential_annex  text,
    published_by        varchar(200)  not null,
    published_at        timestamptz   not null
);

create table withheld_part (
    meeting_id  uuid         not null references meeting_summary (meeting_id) on delete cascade,
    position    integer      not null,
    title       varchar(300) not null,
    reason      varchar(40)  not null check (reason in
                    ('COMMERCIALLY_CONFIDENTIAL', 'COMPETITION_LAW', 'PERSONAL_DATA', 'SECURITY')),
    primary key (meeting_id, position)
);
