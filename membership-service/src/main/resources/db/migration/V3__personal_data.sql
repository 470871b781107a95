-- Personal data by design (Regulation (EU) 2018/1725; docs/adr/0003-personal-data.md).

-- Erasure empties a person's name, e-mail and account name; the row stays (ids in the history), marked erased.
alter table representative alter column name drop not null,
                           alter column email drop not null,
                           alter column username drop not null,
                           add column erased_at timestamptz;
alter table stakeholder alter column name drop not null,
                        alter column field_of_expertise drop not null,
                        alter column contact_email drop not null,
                        add column erased_at timestamptz;

-- Consent to publish a person's name (and a stakeholder's listing): who gave it, when, through which channel, to which
-- version of the privacy notice; withdrawn as easily. A row per consent given; the current one has no withdrawn_at.
-- No personal data: the subject is a representative or stakeholder id, the recorder an AI Office token subject.
create table consent (
    id              uuid          primary key,
    subject_type    varchar(20)   not null check (subject_type in ('REPRESENTATIVE', 'STAKEHOLDER')),
    subject_id      uuid          not null,
    purpose         varchar(40)   not null,
    notice_version  varchar(100)  not null,
    given_at        timestamptz   not null,
    given_via       varchar(20)   not null check (given_via in ('SELF', 'AI_OFFICE')),
    recorded_by     varchar(200),                 -- the AI Office staff member's token subject; null when SELF
    withdrawn_at    timestamptz,
    withdrawn_via   varchar(20)   check (withdrawn_via in ('SELF', 'AI_OFFICE', 'ERASURE'))
);
create unique index consent_current on consent (subject_id, purpose) where withdrawn_at is null;

-- Every published personal value: its commitment (in events and the register's log, forever) and, while the value is
-- published, its opening (salt and value). Withdrawal, rectification and erasure empty salt and value: the commitment
-- can then never be opened again, and what remains says nothing about the person.
create table disclosure (
    commitment      varchar(71)   primary key,
    subject_id      uuid          not null,
    field           varchar(40)   not null,
    salt            varchar(64),
    value           varchar(500),
    disclosed_at    timestamptz   not null,
    withdrawn_at    timestamptz,
    withdrawn_reason varchar(20)  check (withdrawn_reason in ('CONSENT_WITHDRAWN', 'RECTIFIED', 'ERASED')),
    check ((withdrawn_at is null) = (value is not null))
);
create index disclosure_subject on disclosure (subject_id);
create unique index disclosure_current on disclosure (subject_id, field) where withdrawn_at is null;

-- Consent was one boolean that anyone of the organisation could set for a colleague: none of it can be shown, so it
-- is not carried over. People consent again, themselves.
update representative set name_consent = false;
update stakeholder set listed_publicly = false where kind = 'PERSON';
