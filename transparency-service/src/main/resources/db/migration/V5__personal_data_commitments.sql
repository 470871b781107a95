-- People's names and fields of expertise never enter what cannot forget (the log, register_event) nor a generation's
-- read model: those hold salted commitments ({commitment, ref}) only. The values live in person_disclosure, outside
-- the generations, resolved from membership-service while it discloses them and joined when an answer is served.

-- Version 1 profile events carried names in clear; the register reads version 2 only (a rebuild ignores v1 too).
delete from register_event where type in ('eu.taskforce.membership.representative-appointed.v1',
    'eu.taskforce.membership.representative-updated.v1', 'eu.taskforce.membership.stakeholder-registered.v1',
    'eu.taskforce.membership.stakeholder-updated.v1');
-- their rows came from v1 profiles only; they return from v2 events
delete from representative;
delete from stakeholder;

alter table representative drop column public_name;
alter table representative add column name_commitment varchar(71);   -- sha256: + 64 hex; null without consent

alter table stakeholder alter column name drop not null;             -- an organisation's name; null for a person
alter table stakeholder add column name_commitment varchar(71);      -- a person's name, as a commitment
alter table stakeholder add column field_of_expertise_commitment varchar(71);

-- The openings membership-service disclosed: the only table with personal values. Deleted on withdrawal, rectification
-- and erasure; never part of a generation, never in the log.
create table person_disclosure (
    commitment    varchar(71)   primary key,
    ref           uuid          not null,              -- the representative's or stakeholder's id
    field         varchar(50)   not null,              -- publicName, publicFieldOfExpertise
    salt          varchar(100)  not null,
    value         varchar(1000) not null,
    disclosed_at  timestamptz   not null default now()
);
create index person_disclosure_ref on person_disclosure (ref);
create index person_disclosure_disclosed on person_disclosure (disclosed_at, commitment);

-- Commitments to resolve (no personal value): the resolver claims due rows with FOR UPDATE SKIP LOCKED.
create table disclosure_pending (
    commitment       varchar(71)  primary key,
    ref              uuid         not null,
    field            varchar(50)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    queued_at        timestamptz  not null default now()
);
create index disclosure_pending_due on disclosure_pending (next_attempt_at);
create index disclosure_pending_ref on disclosure_pending (ref);

-- Commitments whose value is gone for good, and why (no personal value; kept forever; a replayed withdrawal is a no-op).
-- A disclosure is never stored for a commitment listed here, nor for any commitment of an erased ref.
create table disclosure_withdrawal (
    commitment    varchar(71)  primary key,
    ref           uuid         not null,
    reason        varchar(20)  not null check (reason in ('CONSENT_WITHDRAWN', 'RECTIFIED', 'ERASED')),
    withdrawn_at  timestamptz  not null                -- the event's time
);
create index disclosure_withdrawal_time on disclosure_withdrawal (withdrawn_at, commitment);
create index disclosure_withdrawal_erased on disclosure_withdrawal (ref) where reason = 'ERASED';

-- Moved in the same transaction as every change of the three tables above: part of the CSV exports' ETag, which is
-- known before the export is read (a JSON answer's ETag hashes its body and needs none).
create table disclosure_state (
    id       integer  primary key check (id = 1),
    version  bigint   not null
);
insert into disclosure_state (id, version) values (1, 0);

-- What the public answers show for a commitment: the value while disclosed, else null and why.
create function person_value(c varchar) returns varchar language sql stable as $$
    select value from person_disclosure where commitment = c
$$;

create function person_withheld(c varchar) returns varchar language sql stable as $$
    select case
        when c is null then null
        when exists (select 1 from person_disclosure d where d.commitment = c) then null
        else coalesce((select w.reason from disclosure_withdrawal w where w.commitment = c),
                      (select 'PENDING' from disclosure_pending p where p.commitment = c),
                      'NOT_DISCLOSED')
    end
$$;
