-- E-mail: notices, preferences, digests, the sent log (module README "E-mail", docs/adr/0006-email-notifications.md).
-- A person is the account name (lower case) of a representative, or stakeholder:<id in membership-service> for a
-- stakeholder, who has no account there. No e-mail address is stored: it is asked from membership-service when a
-- mail is sent.

-- What an event (or a deadline) means for people, made in the consumer's transaction and sent by the mail dispatcher,
-- which asks membership-service who receives it. No personal data: the audience is a kind of people.
create table mail_notice (
    id               uuid          primary key,
    kind             varchar(40)   not null,
    -- REPRESENTATIVES, REPRESENTATIVES_AND_STAKEHOLDERS, PERSON (person names them: a failing webhook's owner)
    audience         varchar(40)   not null,
    person           varchar(255),
    event_id         varchar(255)  not null,
    subject          varchar(300)  not null,
    body             text          not null,
    -- an iCalendar attachment (invitations), or null
    calendar         text,
    created_at       timestamptz   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    dispatched_at    timestamptz,
    unique (event_id, kind)
);
create index mail_notice_due on mail_notice (next_attempt_at) where dispatched_at is null;

-- A person's choice per kind (a JSON object kind -> IMMEDIATELY, DAILY, WEEKLY, OFF); a kind not named keeps its
-- default. One row per person, so that one version (ETag) covers the whole set.
create table mail_preference (
    person       varchar(255)  primary key,
    choices      jsonb         not null,
    version      bigint        not null default 0,
    updated_at   timestamptz   not null
);

-- A notice waiting for the person's daily or weekly digest.
create table mail_digest_item (
    id          uuid          primary key,
    person      varchar(255)  not null,
    frequency   varchar(10)   not null check (frequency in ('DAILY', 'WEEKLY')),
    notice_id   uuid          not null references mail_notice (id) on delete cascade,
    kind        varchar(40)   not null,
    created_at  timestamptz   not null,
    unique (person, notice_id)
);
create index mail_digest_item_person on mail_digest_item (frequency, person, created_at);

-- One digest per person and period (DAILY:2026-12-05, WEEKLY:2026-11-30): the unique row that makes it exactly once
-- with several instances. Personal data (the person), deleted with the sent log's retention.
create table mail_digest_run (
    person      varchar(255)  not null,
    period      varchar(30)   not null,
    sent_at     timestamptz   not null,
    items       integer       not null,
    primary key (person, period)
);

-- What was sent to whom (never the address): a notice once per person, and the person's export.
create table mail_sent (
    id          uuid          primary key,
    person      varchar(255)  not null,
    -- the notice sent immediately, or null for a digest (period names it)
    notice_id   uuid          references mail_notice (id) on delete set null,
    period      varchar(30),
    kind        varchar(40)   not null,
    subject     varchar(300)  not null,
    sent_at     timestamptz   not null
);
create unique index mail_sent_once on mail_sent (notice_id, person) where notice_id is not null;
create index mail_sent_person on mail_sent (person, sent_at);
create index mail_sent_at on mail_sent (sent_at);

-- A vote or an input window that closes: reminded once, before it closes (taskforce.mail.closing-soon-before).
create table mail_deadline (
    aggregate_id  uuid          primary key,
    kind          varchar(40)   not null,
    title         varchar(500)  not null,
    closes_at     timestamptz   not null,
    remind_at     timestamptz   not null,
    reminded_at   timestamptz
);
create index mail_deadline_due on mail_deadline (remind_at) where reminded_at is null;

-- What the events of a meeting do not repeat: its kind (who is invited), title and times, from meeting-convened and
-- meeting-rescheduled, so that an agenda, a reschedule or a cancellation reaches the same people.
create table mail_meeting (
    meeting_id  uuid          primary key,
    kind        varchar(30)   not null,
    title       varchar(500)  not null,
    starts_at   timestamptz   not null,
    ends_at     timestamptz   not null,
    location    varchar(500),
    sequence    integer       not null default 0
);
