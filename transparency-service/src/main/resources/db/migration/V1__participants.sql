-- The register's read model, built only from events.
create table organisation (
    id          uuid         primary key,        -- the signatory id of membership-service
    name        varchar(200) not null,
    country     char(2),
    website     varchar(500),
    chapters    varchar(100) not null,           -- comma-separated Chapter names, in enum order
    signed_on   date,
    updated_at  timestamptz  not null
);

create table membership_period (
    id               uuid        primary key,
    organisation_id  uuid        not null,
    joined_on        date        not null,
    left_on          date,
    updated_at       timestamptz not null
);
create index membership_period_organisation on membership_period (organisation_id, joined_on);
