-- Guidance input, from the events of guidance-service (taskforce.guidance.v1). Like every read-model table, each row
-- carries its generation. Lists of values (articles, Code references, sections, counts) are JSON text, as the
-- meetings' agendas are; Code references are matched with json_array_elements_text when a list is filtered.

-- A document (the aggregate: document-published/updated and version-published) ------------------------------------
create table guidance_document (
    generation           integer      not null,
    id                   uuid         not null,
    title                varchar(500),              -- null while only a version has been seen
    kind                 varchar(40),
    ai_act_articles      text,                      -- JSON array
    code_references      text,                      -- JSON array of commitments or measures
    public_consultation  text,                      -- JSON {opensOn, closesOn, url}
    published_at         timestamptz,
    updated_at           timestamptz  not null,
    primary key (generation, id)
);

create table guidance_version (
    generation    integer      not null,
    id            uuid         not null,
    document_id   uuid         not null,
    number        integer      not null,
    change_note   text,
    sections      text         not null,           -- JSON array of {key, position, title}, never the text
    published_at  timestamptz,
    updated_at    timestamptz  not null,
    primary key (generation, id)
);
create index guidance_version_document on guidance_version (generation, document_id, number);

-- An input window (the aggregate: window-opened/closed, feedback notices, dispositions-published) ------------------
create table input_window (
    generation                 integer      not null,
    id                         uuid         not null,
    document_id                uuid,
    document_title             varchar(500),
    version_id                 uuid,              -- null until window-opened or dispositions-published is seen
    version_number             integer,
    opens_at                   timestamptz,
    closes_at                  timestamptz,
    status                     varchar(30),       -- OPEN, CLOSED, DISPOSITIONS_PUBLISHED
    closed_at                  timestamptz,
    closed_early               boolean,
    public_items               integer      not null default 0,
    confidential_items         integer      not null default 0,
    confidential_dispositions  text,              -- JSON [{disposition, count}] once published: confidential items are counts only
    dispositions_published_at  timestamptz,
    updated_at                 timestamptz  not null,
    primary key (generation, id)
);
create index input_window_version on input_window (generation, version_id);

-- PUBLIC feedback items not withdrawn, from the notices (no text) and, once the dispositions are published, with
-- text, disposition and response. The public API lists an item only once published; before, it is only counted.
create table feedback (
    generation         integer      not null,
    id                 uuid         not null,
    window_id          uuid         not null,
    position           integer      not null,      -- the order of submission within the window
    section_key        varchar(200),               -- null: on the whole version
    section_title      varchar(500),
    attribution        varchar(20),
    organisation_id    uuid,                       -- ATTRIBUTED items only
    organisation_name  varchar(300),
    text               text,
    disposition        varchar(30),
    response           text,
    published          boolean      not null default false,
    updated_at         timestamptz  not null,
    primary key (generation, id)
);
create index feedback_window on feedback (generation, window_id);

-- PUBLIC evidence submissions (a confidential one is never announced) ---------------------------------------------
create table evidence (
    generation         integer      not null,
    id                 uuid         not null,
    title              varchar(500),
    summary            text,
    type               varchar(40),
    url                varchar(2000),
    code_references    text,                       -- JSON array
    submitter_role     varchar(20),
    attribution        varchar(20),
    organisation_id    uuid,
    organisation_name  varchar(300),
    submitted_at       timestamptz,
    updated_at         timestamptz  not null,
    primary key (generation, id)
);
