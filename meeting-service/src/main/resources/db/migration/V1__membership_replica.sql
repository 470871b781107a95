-- meeting-service's own replica of membership, built only from the events of taskforce.membership.v1
-- (membership-service owns the data). It answers "who is a current member now" for invitations, requests and votes.

create table member_organisation (
    id             uuid         primary key,           -- the signatory id in membership-service (the org claim)
    name           varchar(200),
    member         boolean      not null default false, -- a current Taskforce member
    membership_id  uuid,                               -- the current (or last) membership period
    joined_on      date,
    left_on        date,
    updated_at     timestamptz  not null
);
create index member_organisation_current on member_organisation (id) where member;

create table member_representative (
    id               uuid         primary key,
    organisation_id  uuid         not null,
    role             varchar(20)  not null,
    public_name      varchar(200),                    -- only with the person's consent, as the event carries it
    removed_at       timestamptz,
    updated_at       timestamptz  not null
);
create index member_representative_organisation on member_representative (organisation_id) where removed_at is null;
