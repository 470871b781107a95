-- Taskforce decisions (for example inviting an external expert): a question, a threshold and a closing time; one vote
-- per member organisation, changeable until closing; the result is computed at closing and published (counts only).
create table decision (
    id           uuid          primary key,
    question     varchar(1000) not null,
    threshold    varchar(20)   not null check (threshold in ('SIMPLE_MAJORITY', 'TWO_THIRDS', 'UNANIMITY')),
    closes_at    timestamptz   not null,
    meeting_id   uuid          references meeting (id) on delete set null,
    status       varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
    result       varchar(10)   check (result in ('ADOPTED', 'REJECTED')),
    yes_votes    integer,
    no_votes     integer,
    abstentions  integer,
    closed_at    timestamptz,
    opened_by    varchar(200)  not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null default 0
);
create index decision_due on decision (closes_at) where status = 'OPEN';
create index decision_updated_at on decision (updated_at, id);
create index decision_created_at on decision (created_at, id);

-- Who voted how: the AI Office and members see it, the public never does.
create table vote (
    decision_id      uuid         not null references decision (id) on delete cascade,
    organisation_id  uuid         not null,
    choice           varchar(10)  not null check (choice in ('YES', 'NO', 'ABSTAIN')),
    cast_by          varchar(200) not null,
    cast_at          timestamptz  not null,
    updated_at       timestamptz  not null,
    primary key (decision_id, organisation_id)
);
