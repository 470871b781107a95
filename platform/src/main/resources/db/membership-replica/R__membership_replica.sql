-- A service's replica of membership, built only from the events of taskforce.membership.v1 (membership-service owns
-- the data), applied by eu.taskforce.platform.membership.MembershipReplica. A service that keeps the replica lists
-- this location (db/membership-replica) in quarkus.flyway.locations.
--
-- A repeatable migration of idempotent statements, not a versioned one: meeting-service created these very tables in
-- its own V1 before the replica moved to the platform, and that applied migration cannot change (Flyway checksums).
-- A versioned platform migration would sort before meeting's V1 and make it fail on a fresh database; this one runs
-- after the versioned migrations and finds the tables there. A later change must stay idempotent too
-- (add column if not exists ...), and re-runs wherever the file changes.

create table if not exists member_organisation (
    id             uuid         primary key,           -- the signatory id in membership-service (the org claim)
    name           varchar(200),
    member         boolean      not null default false, -- a current Taskforce member
    membership_id  uuid,                               -- the current (or last) membership period
    joined_on      date,
    left_on        date,
    updated_at     timestamptz  not null
);
create index if not exists member_organisation_current on member_organisation (id) where member;

create table if not exists member_representative (
    id               uuid         primary key,
    organisation_id  uuid         not null,
    role             varchar(20)  not null,
    removed_at       timestamptz,
    updated_at       timestamptz  not null
);
create index if not exists member_representative_organisation on member_representative (organisation_id)
    where removed_at is null;

-- The replica keeps no personal data (names travel only as commitments since representative-profile v2): drop the
-- name column of replicas made before.
alter table member_representative drop column if exists public_name;

-- The stakeholders of membership-service's register, from stakeholder-registered/-updated/-removed/-erased: an id and
-- whether it is still on the register (no name, no contact), so that a service can check a stakeholder id it is given.
create table if not exists registered_stakeholder (
    id          uuid         primary key,
    removed_at  timestamptz,                            -- removed or erased
    updated_at  timestamptz  not null
);

-- Replicas filled from the whole membership topic once, by name (StakeholderReplicaBackfill). A service that kept the
-- replica before it knew stakeholders had recorded their events in its inbox without applying them, so its live
-- consumer never will: registered_stakeholder is filled once from the topic. A replica still empty (a new database)
-- needs no such pass: its consumer reads the topic from the start.
create table if not exists replica_backfill (
    name     varchar(100) primary key,
    done_at  timestamptz
);
insert into replica_backfill (name, done_at)
    select 'registered_stakeholder', case when exists (select 1 from member_organisation) then null else now() end
    on conflict (name) do nothing;
