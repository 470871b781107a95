-- Meetings of the Taskforce, convened by the AI Office (on its own initiative or at members' request).
create table meeting (
    id                       uuid          primary key,
    title                    varchar(300)  not null,
    description              varchar(5000),
    kind                     varchar(30)   not null check (kind in ('PLENARY', 'AD_HOC_GROUP', 'STAKEHOLDER_SESSION')),
    format                   varchar(20)   not null check (format in ('IN_PERSON', 'ONLINE', 'HYBRID')),
    starts_at                timestamptz   not null,
    ends_at                  timestamptz   not null,
    time_zone                varchar(60)   not null,      -- IANA zone the meeting is planned in
    location                 varchar(500),
    joining_link             varchar(1000),               -- confidential: invitees and the AI Office only, never in events
    status                   varchar(30)   not null check (status in
                                 ('SCHEDULED', 'RESCHEDULED', 'CANCELLED', 'HELD', 'SUMMARY_PUBLISHED')),
    cancellation_reason      varchar(2000),
    request_id               uuid,                        -- the members' request it answers
    agenda_published_at      timestamptz,
    agenda_revision          integer       not null default 0,
    held_recorded_at         timestamptz,
    individual_attendees     integer       not null default 0,
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null,
    version                  bigint        not null default 0,
    check (ends_at > starts_at)
);
create index meeting_starts_at on meeting (starts_at, id);
create index meeting_updated_at on meeting (updated_at, id);

-- The agenda: ordered items, each optionally linked to commitments/measures of the Code and to guidance documents.
create table agenda_item (
    meeting_id              uuid          not null references meeting (id) on delete cascade,
    position                integer       not null,       -- 0-based order
    title                   varchar(300)  not null,
    description             varchar(5000),
    code_references         varchar(40)[] not null default '{}',
    guidance_document_ids   uuid[]        not null default '{}',
    primary key (meeting_id, position)
);

-- Organisations that attended a meeting held (recorded by the AI Office afterwards).
create table meeting_attendance (
    meeting_id       uuid not null references meeting (id) on delete cascade,
    organisation_id  uuid not null,
    primary key (meeting_id, organisation_id)
);

-- Invitations: of a member organisation (its representatives answer) or of an individual stakeholder or expert
-- (identified by the identity-provider account they sign in with).
create table invitation (
    id               uuid          primary key,
    meeting_id       uuid          not null references meeting (id) on delete cascade,
    organisation_id  uuid,
    username         varchar(200),
    display_name     varchar(200),                      -- personal data: never in events
    stakeholder_id   uuid,                              -- the stakeholder in membership-service, when known
    response         varchar(20)   not null check (response in ('PENDING', 'ACCEPTED', 'DECLINED', 'TENTATIVE')),
    responded_by     varchar(200),
    responded_at     timestamptz,
    attended         boolean       not null default false,
    withdrawn_at     timestamptz,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0,
    check ((organisation_id is null) <> (username is null))
);
create unique index invitation_organisation on invitation (meeting_id, organisation_id) where organisation_id is not null;
create unique index invitation_username on invitation (meeting_id, lower(username)) where username is not null;
create index invitation_meeting on invitation (meeting_id, created_at, id);
create index invitation_organisation_lookup on invitation (organisation_id) where organisation_id is not null;
create index invitation_username_lookup on invitation (lower(username)) where username is not null;
