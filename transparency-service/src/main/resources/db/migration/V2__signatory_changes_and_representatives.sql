alter table organisation add column withdrawn_on date;

-- Representatives of member organisations as the register may show them: the name only with the person's consent
-- (no row keeps a name without it), never contact details (the events carry none).
create table representative (
    id               uuid         primary key,
    organisation_id  uuid         not null,
    role             varchar(20)  not null,
    public_name      varchar(200),
    updated_at       timestamptz  not null
);
create index representative_organisation on representative (organisation_id);
