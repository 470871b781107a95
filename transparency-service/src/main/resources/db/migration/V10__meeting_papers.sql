-- The papers of meetings, from paper-circulated: metadata only (the register never holds a document). The public
-- endpoints list them once the meeting is held.
create table meeting_paper (
    generation          integer      not null,
    id                  uuid         not null,
    meeting_id          uuid         not null,
    agenda_item         integer,
    title               varchar(300) not null,
    visibility          varchar(16)  not null,     -- MEMBERS, ATTENDEES, PUBLIC
    withholding_reason  varchar(32),               -- null for a PUBLIC paper
    circulated_at       timestamptz  not null,
    due_on              date         not null,
    late                boolean      not null,
    media_type          varchar(100) not null,
    size                bigint       not null,
    sha256              char(64)     not null,
    updated_at          timestamptz  not null,
    primary key (generation, id)
);
create index meeting_paper_meeting on meeting_paper (generation, meeting_id, circulated_at, id);
