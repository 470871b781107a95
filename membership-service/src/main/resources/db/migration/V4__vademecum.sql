-- The Taskforce Vademecum (issue 20): editions drafted by the AI Office and published, each frozen with the
-- participants list of its publication day. A draft has no number; publishing gives it the next one, for ever.
create table vademecum_edition (
    id            uuid          primary key,
    status        varchar(20)   not null check (status in ('DRAFT', 'PUBLISHED')),
    number        integer       unique check (number >= 1),
    change_note   varchar(2000),
    published_on  date,
    published_at  timestamptz,
    published_by  varchar(200),
    -- the published edition as its event carried it (sections and participants), JSON; never changed afterwards
    published     text,
    created_at    timestamptz   not null,
    created_by    varchar(200)  not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0,
    check ((status = 'DRAFT') = (number is null)),
    check ((status = 'PUBLISHED') = (published is not null))
);
create index vademecum_edition_created on vademecum_edition (created_at, id);

-- A section by its stable key: the same key names the same section in every edition.
create table vademecum_section (
    edition_id   uuid          not null references vademecum_edition (id),
    position     integer       not null check (position >= 1),
    section_key  varchar(64)   not null,
    title        varchar(300)  not null,
    text         text          not null,
    primary key (edition_id, section_key)
);
