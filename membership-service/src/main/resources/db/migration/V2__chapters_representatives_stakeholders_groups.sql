-- Reference data (the signatory list) is loaded by the service at start, once per dataset version.
alter table signatory add column source varchar(500);
create index signatory_name_order on signatory (lower(name), id);

-- The history of the chapters a signatory signed: one row per change, the first at registration.
create table signatory_chapters_change (
    id            uuid         primary key,
    signatory_id  uuid         not null references signatory (id),
    effective_on  date         not null,
    chapters      varchar(100) not null,              -- comma-separated, sorted
    recorded_at   timestamptz  not null,
    recorded_by   varchar(200) not null
);
create index signatory_chapters_change_signatory on signatory_chapters_change (signatory_id, recorded_at);

alter table membership add column end_reason varchar(30)
    check (end_reason in ('LEFT', 'SIGNATURE_WITHDRAWN'));
create index membership_period on membership (joined_on, left_on);

-- Representatives of a member organisation. Contact details never leave this service.
create table representative (
    id               uuid         primary key,
    organisation_id  uuid         not null references signatory (id),
    name             varchar(200) not null,
    email            varchar(320) not null,
    role             varchar(20)  not null check (role in ('PRINCIPAL', 'ALTERNATE')),
    username         varchar(100) not null,
    name_consent     boolean      not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    removed_at       timestamptz,
    version          bigint       not null default 0
);
-- at most one principal at a time, and one active representative per identity-provider account
create unique index representative_one_principal on representative (organisation_id)
    where role = 'PRINCIPAL' and removed_at is null;
create unique index representative_username on representative (lower(username)) where removed_at is null;
create index representative_organisation on representative (organisation_id, lower(name), id);

-- Third-party stakeholders and invited experts, managed by the AI Office.
create table stakeholder (
    id                  uuid         primary key,
    kind                varchar(20)  not null check (kind in ('ORGANISATION', 'PERSON')),
    name                varchar(200) not null,
    field_of_expertise  varchar(300) not null,
    contact_email       varchar(320) not null,
    listed_publicly     boolean      not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    removed_at          timestamptz,
    version             bigint       not null default 0
);
create index stakeholder_name_order on stakeholder (lower(name), id);

-- Ad-hoc groups of the Taskforce and the member organisations taking part.
create table ad_hoc_group (
    id           uuid          primary key,
    name         varchar(200)  not null,
    description  varchar(2000),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null default 0
);
create unique index ad_hoc_group_name on ad_hoc_group (lower(name));

create table ad_hoc_group_participant (
    group_id         uuid          not null references ad_hoc_group (id),
    organisation_id  uuid          not null references signatory (id),
    added_at         timestamptz   not null,
    added_by         varchar(200)  not null,
    primary key (group_id, organisation_id)
);

-- Which versions of the reference datasets have been loaded, from which source.
create table reference_dataset (
    name       varchar(100) primary key,
    version    varchar(50)  not null,
    source     varchar(500) not null,
    loaded_at  timestamptz  not null
);
