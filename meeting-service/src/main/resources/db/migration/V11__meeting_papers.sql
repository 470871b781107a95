-- Papers of a meeting (or of one of its agenda items): metadata here, the document's bytes in chunks (platform's
-- ChunkStore), apart from the row so that lists never load them.
create table meeting_paper (
    id                  uuid         primary key,
    meeting_id          uuid         not null references meeting (id),
    agenda_item         integer      check (agenda_item >= 1),
    title               varchar(300) not null,
    visibility          varchar(16)  not null check (visibility in ('MEMBERS', 'ATTENDEES', 'PUBLIC')),
    withholding_reason  varchar(32),
    document_name       varchar(200),
    document_type       varchar(100),
    document_size       bigint,
    document_sha256     char(64),
    circulated_at       timestamptz,
    due_on              date,
    late                boolean,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0,
    -- a paper not disclosed to the public says why
    check ((visibility = 'PUBLIC') = (withholding_reason is null)),
    -- only a paper with its document is circulated
    check (circulated_at is null or document_sha256 is not null)
);
create index meeting_paper_meeting on meeting_paper (meeting_id, created_at, id);

create table meeting_paper_chunk (
    paper_id  uuid     not null references meeting_paper (id) on delete cascade,
    seq       integer  not null check (seq >= 0),
    content   bytea    not null,
    primary key (paper_id, seq)
);
-- out of line and not compressed: PDFs, ODF and OOXML files are compressed already
alter table meeting_paper_chunk alter column content set storage external;
